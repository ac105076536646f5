// Starts work on a recent project/task/notes triple in one step: today's entry with those notes is
// restarted where there is one (so a day keeps one row per piece of work), else a timer starts.
import type { LocalDate, TimeEntry } from '../../../shared/domain';
import { isConfirmed } from '../api/entryCache';
import { useUiStore } from '../stores/uiStore';
import { useRestartTimer, useStartTimer } from './useEntryMutations';
import { tripleKey, type RecentTriple } from './useRecentTriples';

const refusedAlreadyShown = () => undefined;

export function useQuickStart(today: LocalDate, todayEntries: TimeEntry[]): (triple: RecentTriple) => void {
  const start = useStartTimer();
  const restart = useRestartTimer();
  const focusEntry = useUiStore((state) => state.focusEntry);

  return (triple) => {
    const same = todayEntries.find((entry) => tripleKey(entry) === triple.key && !entry.isLocked && isConfirmed(entry));
    if (same?.isRunning) {
      focusEntry(same.id);
      return;
    }
    if (same) {
      focusEntry(same.id);
      restart.mutateAsync({ id: same.id }).then((entry) => focusEntry(entry.id), refusedAlreadyShown);
      return;
    }
    focusEntry('new');
    start
      .mutateAsync({
        request: { projectId: triple.project.id, taskId: triple.task.id, ...(triple.notes ? { notes: triple.notes } : {}) },
        draft: {
          project: {
            projectId: triple.project.id,
            projectName: triple.project.name,
            projectCode: triple.project.code,
            clientName: triple.client?.name ?? null,
            tasks: [],
          },
          task: { taskId: triple.task.id, taskName: triple.task.name, billable: triple.billable },
          spentDate: today,
          notes: triple.notes,
          hours: 0,
          running: true,
        },
      })
      .then((entry) => focusEntry(entry.id), refusedAlreadyShown);
  };
}
