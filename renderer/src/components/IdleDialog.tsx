// Asked when the user comes back to a timer that kept running while they were away: keep the
// time, discard it (the timer going on, or stopped when idling began), or move it to a new entry
// on a project and task chosen here. A modal dialog: the rest of the popover waits for it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { awayText } from '../../../shared/awayText';
import { formatClockTime } from '../../../shared/clockTime';
import type { IdleAnswer, IdleChoice, IdleQuestion } from '../../../shared/domain';
import { call, describeError } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { useChoices, useCompany, useIdleQuestion } from '../hooks/queries';
import { useRecentPairs } from '../hooks/useRecentPairs';
import { useNoticeStore } from '../stores/noticeStore';
import { ProjectTaskFields } from './ProjectTaskFields';

/** Which question this is: another time away makes a new one, shown even if this was put off. */
export function idleQuestionKey(question: IdleQuestion): string {
  return `${question.entry.id}@${question.spans[0]?.from ?? ''}`;
}

/** The question to show now: waiting, and not put off until the popover is next shown. */
export function useShownIdleQuestion(): IdleQuestion | null {
  const question = useIdleQuestion();
  const deferred = useNoticeStore((state) => state.idleDeferred);
  const data = question.data ?? null;
  return data && idleQuestionKey(data) !== deferred ? data : null;
}

export function IdleDialog() {
  const question = useShownIdleQuestion();
  const deferIdle = useNoticeStore((state) => state.deferIdle);
  if (!question) return null;
  const key = idleQuestionKey(question);
  return <IdleQuestionForm key={key} question={question} onLater={() => deferIdle(key)} />;
}

function IdleQuestionForm({ question, onLater }: { question: IdleQuestion; onLater: () => void }) {
  const id = useId();
  const client = useQueryClient();
  const company = useCompany();
  const choices = useChoices();
  const recent = useRecentPairs();
  const setNotice = useNoticeStore((state) => state.setNotice);
  const [choice, setChoice] = useState<IdleChoice>('keep');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [taskId, setTaskId] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ project?: string; task?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const firstChoice = useRef<HTMLInputElement>(null);

  useEffect(() => firstChoice.current?.focus(), []);

  const answer = useMutation({
    mutationFn: (request: IdleAnswer) => call('idle.answer', request),
    onSuccess: (outcome) => {
      setNotice(outcome.message);
      client.setQueryData(queryKeys.idleQuestion, null);
    },
    onError: (failure) => setError(describeError(failure)),
  });

  const clock = company.data?.clock ?? '12h';
  const at = (iso: string) => {
    const moment = new Date(iso);
    return formatClockTime(moment.getHours() * 60 + moment.getMinutes(), clock);
  };
  const spans = question.spans.map((span) => `${at(span.from)}–${at(span.to)}`).join(' and ');
  const away = awayText(question.idleMinutes * 60_000);
  const idleFrom = question.spans[0] ? at(question.spans[0].from) : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (choice !== 'move') return answer.mutate({ choice });
    const missing = {
      ...(projectId === null ? { project: 'Choose the project for the time away.' } : {}),
      ...(taskId === null ? { task: 'Choose the task for the time away.' } : {}),
    };
    setFieldErrors(missing);
    if (projectId === null || taskId === null) return;
    answer.mutate({ choice: 'move', projectId, taskId, ...(notes.trim() ? { notes: notes.trim() } : {}) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape closes an open list first (the combobox handles it); otherwise it means "later".
    event.preventDefault();
    onLater();
  };

  const options: { value: IdleChoice; label: string }[] = [
    { value: 'keep', label: 'Keep it on the timer' },
    { value: 'discard-continue', label: 'Discard it, and keep the timer running' },
    { value: 'discard-stop', label: `Discard it, and stop the timer at ${idleFrom}` },
    { value: 'move', label: 'Move it to a new entry' },
  ];

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="dialog idle-dialog"
        onSubmit={submit}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>You were away {away}</h2>
        <p id={`${id}-description`}>
          The timer for <strong>{question.entry.project.name}</strong> · {question.entry.task.name} kept running while you
          were away (<span className="nowrap">{spans}</span>).
        </p>
        <fieldset className="plain-fieldset">
          <legend>What should happen to that time?</legend>
          {options.map((option, index) => (
            <label key={option.value} className="radio">
              <input
                ref={index === 0 ? firstChoice : undefined}
                type="radio"
                name={`${id}-choice`}
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {choice === 'move' ? (
          <div className="move-fields">
            <p className="muted">
              New entry: {spans} ({away})
            </p>
            <ProjectTaskFields
              choices={choices.data ?? []}
              recent={recent}
              projectId={projectId}
              taskId={taskId}
              onProject={(project, task) => {
                setProjectId(project);
                setTaskId(task);
              }}
              onTask={setTaskId}
              errors={fieldErrors}
              loading={choices.isPending}
            />
            <div className="field">
              <label htmlFor={`${id}-notes`}>Notes</label>
              <input id={`${id}-notes`} type="text" value={notes} onChange={(event) => setNotes(event.target.value)} />
            </div>
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onLater}>
            Later
          </button>
          <button type="submit" className="button is-primary" disabled={answer.isPending}>
            {answer.isPending ? 'Applying…' : 'Apply'}
          </button>
        </div>
      </form>
    </div>
  );
}
