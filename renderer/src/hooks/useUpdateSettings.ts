// Saving settings: shown at once (optimistic), put back as they were when the main process refuses.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../../shared/domain';
import { call } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';

/** A patch laid over the settings the way the main process merges it (groups field by field). */
export function patched(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    ...patch,
    shortcuts: { ...settings.shortcuts, ...patch.shortcuts },
    idle: { ...settings.idle, ...patch.idle },
    reminders: { ...settings.reminders, ...patch.reminders },
  } as Settings;
}

const SAVING_SETTINGS = ['settings.update'] as const;

/** What the main process last said the settings are, per popover: where a refused patch goes back to. */
const lastReported = new WeakMap<QueryClient, Settings>();

/**
 * Settings the main process reports (an answer, or the settings.changed event) as the popover
 * should show them: the main process knows nothing yet of changes still on their way, so those are
 * laid over again, or a second box ticked in quick succession would flick back off.
 */
export function showSettings(client: QueryClient, reported: Settings, answered?: SettingsPatch): void {
  const onTheirWay = client
    .getMutationCache()
    .findAll({ mutationKey: SAVING_SETTINGS, status: 'pending' })
    .map((mutation) => mutation.state.variables as SettingsPatch | undefined)
    .filter((patch): patch is SettingsPatch => patch !== undefined && patch !== answered);
  lastReported.set(client, reported);
  client.setQueryData(queryKeys.settings, onTheirWay.reduce(patched, reported));
}

/**
 * Saves a patch. The patch is laid over the shown settings in the same event as the click or key
 * that made it, not a few promises later in the mutation's onMutate: a browser reads a controlled
 * box right after the event, and a box that flicks back for a moment looks like a lost click.
 */
export function useUpdateSettings(onError: (error: unknown, patch: SettingsPatch) => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationKey: SAVING_SETTINGS,
    mutationFn: (patch: SettingsPatch) => call('settings.update', patch),
    onError: (error, patch) => {
      // What the main process last reported, with every other change still on its way laid over:
      // only the refused patch goes back.
      const reported = lastReported.get(client);
      if (reported) showSettings(client, reported, patch);
      onError(error, patch);
    },
    onSuccess: (saved, patch) => showSettings(client, saved, patch),
  });
  const save = (patch: SettingsPatch): void => {
    // A read of the settings that is on its way knows nothing of this patch and would undo it.
    void client.cancelQueries({ queryKey: queryKeys.settings });
    const shown = client.getQueryData<Settings>(queryKeys.settings);
    if (shown) {
      if (!lastReported.has(client)) lastReported.set(client, shown);
      client.setQueryData(queryKeys.settings, patched(shown, patch));
    }
    mutation.mutate(patch);
  };
  return { save };
}
