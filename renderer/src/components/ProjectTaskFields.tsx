// Project and task pickers: recent pairs first, then everything the user is assigned to.
import { useId, useMemo } from 'react';
import type { ProjectChoice, TimeEntry } from '../../../shared/domain';
import type { RecentPair } from '../hooks/useRecentPairs';
import { Combobox, type ComboOption } from './Combobox';

type Props = {
  choices: ProjectChoice[];
  recent: RecentPair[];
  projectId: number | null;
  taskId: number | null;
  onProject: (projectId: number, taskId: number | null) => void;
  onTask: (taskId: number) => void;
  errors: { project?: string; task?: string };
  /** Choices still loading: the field stays focusable so typing can begin at once. */
  loading: boolean;
  autoFocus?: boolean;
};

/** Choices, plus the edited entry's own project where it is no longer assignable (archived). */
export function choicesWithEntry(choices: ProjectChoice[], entry: TimeEntry | undefined): ProjectChoice[] {
  if (!entry) return choices;
  const project = choices.find((choice) => choice.projectId === entry.project.id);
  const task = { taskId: entry.task.id, taskName: entry.task.name, billable: entry.billable };
  if (!project) {
    return [
      ...choices,
      { projectId: entry.project.id, projectName: entry.project.name, projectCode: entry.project.code, clientName: entry.client?.name ?? null, tasks: [task] },
    ];
  }
  if (project.tasks.some((item) => item.taskId === entry.task.id)) return choices;
  return choices.map((choice) => (choice === project ? { ...choice, tasks: [...choice.tasks, task] } : choice));
}

export function ProjectTaskFields({ choices, recent, projectId, taskId, onProject, onTask, errors, loading, autoFocus }: Props) {
  const id = useId();
  const projectOptions = useMemo<ComboOption[]>(() => {
    const byId = new Map(choices.map((choice) => [choice.projectId, choice]));
    const recentIds = [...new Set(recent.map((pair) => pair.projectId))].filter((id) => byId.has(id));
    const rest = choices
      .filter((choice) => !recentIds.includes(choice.projectId))
      .sort((a, b) => (a.clientName ?? '').localeCompare(b.clientName ?? '') || a.projectName.localeCompare(b.projectName));
    const option = (choice: ProjectChoice, group: string): ComboOption => ({
      value: String(choice.projectId),
      label: choice.projectCode ? `[${choice.projectCode}] ${choice.projectName}` : choice.projectName,
      detail: choice.clientName,
      group,
    });
    return [
      ...recentIds.flatMap((id) => {
        const choice = byId.get(id);
        return choice ? [option(choice, 'Recent')] : [];
      }),
      ...rest.map((choice) => option(choice, recentIds.length > 0 ? 'All projects' : '')),
    ];
  }, [choices, recent]);

  const project = choices.find((choice) => choice.projectId === projectId);
  const taskOptions = useMemo<ComboOption[]>(() => {
    if (!project) return [];
    const recentTaskIds = recent.filter((pair) => pair.projectId === project.projectId).map((pair) => pair.taskId);
    const rank = (id: number) => {
      const index = recentTaskIds.indexOf(id);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return [...project.tasks]
      .sort((a, b) => rank(a.taskId) - rank(b.taskId) || a.taskName.localeCompare(b.taskName))
      .map((task) => ({ value: String(task.taskId), label: task.taskName, detail: task.billable ? null : 'Not billable' }));
  }, [project, recent]);

  const chooseProject = (value: string) => {
    const id = Number(value);
    const chosen = choices.find((choice) => choice.projectId === id);
    // Pick the task the user last used on this project, or the only one there is.
    const lastTask = recent.find((pair) => pair.projectId === id)?.taskId;
    const onlyTask = chosen?.tasks.length === 1 ? chosen.tasks[0]?.taskId : undefined;
    const keepTask = chosen?.tasks.some((task) => task.taskId === taskId) ? taskId : null;
    onProject(id, lastTask ?? onlyTask ?? keepTask);
  };

  return (
    <>
      <Combobox
        label="Project"
        options={projectOptions}
        value={projectId === null ? null : String(projectId)}
        onChange={chooseProject}
        placeholder={loading ? 'Loading your projects…' : 'Type to search projects'}
        autoFocus={autoFocus}
        invalid={Boolean(errors.project)}
        describedBy={errors.project ? `${id}-project-error` : undefined}
      />
      {errors.project ? <p id={`${id}-project-error`} className="field-error">{errors.project}</p> : null}
      <Combobox
        label="Task"
        options={taskOptions}
        value={taskId === null ? null : String(taskId)}
        onChange={(value) => onTask(Number(value))}
        placeholder={project ? 'Type to search tasks' : 'Choose a project first'}
        disabled={!project}
        invalid={Boolean(errors.task)}
        describedBy={errors.task ? `${id}-task-error` : undefined}
      />
      {errors.task ? <p id={`${id}-task-error`} className="field-error">{errors.task}</p> : null}
    </>
  );
}
