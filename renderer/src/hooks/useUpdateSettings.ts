// Saving settings: shown at once (optimistic), put back as they were when the main process refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
    // Two changes in quick succession: the first reply knows nothing of the second, so the patches
    // still on their way are laid over it again, or the second box would flick back unchecked.
    onSuccess: (saved, patch) => {
      const later = client
        .getMutationCache()
        .findAll({ mutationKey: SAVING_SETTINGS, status: 'pending' })
        .map((mutation) => mutation.state.variables as SettingsPatch | undefined)
        .filter((variables): variables is SettingsPatch => variables !== undefined && variables !== patch);
      client.setQueryData(queryKeys.settings, later.reduce(patched, saved));
    },
  });
}
