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
  client.setQueryData(queryKeys.settings, onTheirWay.reduce(patched, reported));
}

export function useUpdateSettings(onError: (error: unknown, patch: SettingsPatch) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: SAVING_SETTINGS,
    mutationFn: (patch: SettingsPatch) => call('settings.update', patch),
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: queryKeys.settings });
      const previous = client.getQueryData<Settings>(queryKeys.settings);
      if (previous) client.setQueryData(queryKeys.settings, patched(previous, patch));
      return { previous };
    },
    onError: (error, patch, context) => {
      if (context?.previous) client.setQueryData(queryKeys.settings, context.previous);
      onError(error, patch);
    },
    onSuccess: (saved, patch) => showSettings(client, saved, patch),
  });
}
