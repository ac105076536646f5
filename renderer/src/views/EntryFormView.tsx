// New entry and edit entry: one form. It closes as soon as it is sent (the list shows the change
// at once); if Harvest refuses, it reopens as it was, with Harvest's reason.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CompanySettings, TimeEntry } from '../../../shared/domain';
import { formatClockTime, parseClockTime } from '../../../shared/clockTime';
import { formatHours, parseHours } from '../../../shared/hours';
import { BridgeError, describeError } from '../api/bridge';
import {
  buildSubmission,
  clockTimeError,
  dateError,
  hoursError,
  startsTimer,
  type FieldErrors,
} from '../api/entrySubmission';
import { notesError } from '../../../shared/notes';
import type { EntryDraft } from '../api/optimisticEntry';
import { BackHeader } from '../components/BackHeader';
import { ClockTimeField } from '../components/ClockTimeField';
import { DateField } from '../components/DateField';
import { HoursField } from '../components/HoursField';
import { choicesWithEntry, ProjectTaskFields } from '../components/ProjectTaskFields';
import { useChoices, useCompany } from '../hooks/queries';
import { useCreateEntry, useStartTimer, useUpdateEntry } from '../hooks/useEntryMutations';
import { useRecentPairs } from '../hooks/useRecentPairs';
import { useTimeFormat } from '../hooks/useTimeFormat';
import { useDateFormat } from '../hooks/useDateFormat';
import { useDayShown, useToday } from '../hooks/useToday';
import { useUiStore, type EntryForm, type EntryFormValues } from '../stores/uiStore';

const GONE_OFFER = 'What you typed is kept here: save it as a new entry, or go back to leave it.';

const fallbackCompany: Pick<CompanySettings, 'wantsTimestampTimers' | 'clock'> = {
  wantsTimestampTimers: false,
  clock: '12h',
};

function initialValues(
  form: EntryForm,
  day: string,
  hoursText: (hours: number) => string,
  clock: '12h' | '24h',
): EntryFormValues {
  if (form.values) return form.values;
  if (form.mode === 'new') {
    // A span to fill (a gap the review found) comes as start and end times, or as its length.
    const span = form.span;
    return {
      projectId: null,
      taskId: null,
      notes: '',
      hours: span ? hoursText((span.end - span.start) / 60) : '',
      startTime: span ? formatClockTime(span.start, clock) : '',
      endTime: span ? formatClockTime(span.end, clock) : '',
      date: form.date ?? day,
    };
  }
  const entry = form.entry;
  return {
    projectId: entry.project.id,
    taskId: entry.task.id,
    notes: entry.notes ?? '',
    hours: entry.isRunning ? '' : hoursText(entry.hours),
    startTime: entry.startedTime ?? '',
    endTime: entry.endedTime ?? '',
    date: entry.spentDate,
  };
}

export function EntryFormView({ form }: { form: EntryForm }) {
  const today = useToday();
  const day = useDayShown();
  const company = useCompany();
  const choices = useChoices();
  const recent = useRecentPairs();
  const format = useTimeFormat();
  const closeForm = useUiStore((state) => state.closeForm);
  const focusEntry = useUiStore((state) => state.focusEntry);
  const dateFormat = useDateFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [dateProblem, setDateProblem] = useState<string | undefined>(undefined);
  const [refusedOnce, setRefusedOnce] = useState(false);
  // Bumped by a refused submit: the focus then goes to the first field in error.
  const [errorFocus, setErrorFocus] = useState(0);
  const reopenForm = useUiStore((state) => state.reopenForm);
  const start = useStartTimer();
  const create = useCreateEntry();
  const update = useUpdateEntry();

  const editing: TimeEntry | undefined = form.mode === 'edit' ? form.entry : undefined;
  const [values, setValues] = useState(() =>
    initialValues(form, day, (hours) => formatHours(hours, format), company.data?.clock ?? fallbackCompany.clock),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const settings = company.data ?? fallbackCompany;
  const timestamps = settings.wantsTimestampTimers;
  const projectChoices = choicesWithEntry(choices.data ?? [], editing);
  const context = { company: settings, today, ...(editing ? { editing } : {}) };
  const set = (patch: Partial<EntryFormValues>) =>
    setValues((current) => ({ ...current, ...patch }));
  /**
   * A field that shows an error is checked again on every change, so the error goes as soon as
   * the text reads. Were it to go only on blur, the form would shrink under the pointer between
   * the press and the release of a click on Save, and the click would land beside the button.
   */
  const recheck = (field: keyof FieldErrors, error: string | undefined) =>
    setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: error }));

  // Leaving an edit gives the focus back to its row; a new entry's form goes back to quick start.
  const cancel = () => {
    if (editing) focusEntry(editing.id);
    closeForm();
  };

  const cancelRef = useRef(cancel);
  useEffect(() => {
    cancelRef.current = cancel;
  });

  const refused = (error: unknown) => {
    focusEntry(null);
    // An edit of an entry deleted elsewhere could only be refused again: keep what was typed as
    // a new entry on the same date, so one press of Save puts the work back in Harvest.
    if (editing && error instanceof BridgeError && error.kind === 'not-found') {
      reopenForm({ mode: 'new', date: values.date, values, error: `${describeError(error)} ${GONE_OFFER}` });
      return;
    }
    reopenForm({ ...form, values, error: describeError(error) });
  };

  const draft = (hours: number, running: boolean, spentDate = values.date): EntryDraft | null => {
    const project = projectChoices.find((choice) => choice.projectId === values.projectId);
    const task = project?.tasks.find((item) => item.taskId === values.taskId);
    if (!project || !task) return null;
    return { project, task, spentDate, notes: values.notes || null, hours, running };
  };

  const submit = () => {
    const submission = buildSubmission(values, context);
    if (submission.kind === 'invalid' || dateProblem) {
      setErrors(submission.kind === 'invalid' ? submission.errors : {});
      setRefusedOnce(true);
      setErrorFocus((count) => count + 1);
      return;
    }
    setErrors({});
    if (submission.kind === 'unchanged') return cancel();
    if (submission.kind === 'start') {
      const preview = draft(0, true, today);
      if (preview) {
        focusEntry('new');
        start
          .mutateAsync({ request: submission.request, draft: preview })
          .then((entry) => focusEntry(entry.id))
          .catch(refused);
      }
    } else if (submission.kind === 'create') {
      const preview = draft(submission.hours, submission.running);
      if (preview) {
        focusEntry('new');
        create
          .mutateAsync({
            request: submission.request,
            draft: {
              ...preview,
              startedTime: submission.request.startedTime ?? null,
              endedTime: submission.request.endedTime ?? null,
            },
          })
          .then((entry) => focusEntry(entry.id))
          .catch(refused);
      }
    } else if (editing) {
      const preview = draft(editing.hours, editing.isRunning);
      const patch = submission.request.patch;
      const shown: TimeEntry = {
        ...editing,
        ...(preview
          ? {
              project: {
                id: preview.project.projectId,
                name: preview.project.projectName,
                code: preview.project.projectCode,
              },
              client:
                preview.project.clientName === null
                  ? null
                  : {
                      id: editing.client?.id ?? preview.project.projectId,
                      name: preview.project.clientName,
                    },
              task: { id: preview.task.taskId, name: preview.task.taskName },
            }
          : {}),
        spentDate: patch.spentDate ?? editing.spentDate,
        notes: patch.notes ?? editing.notes,
        ...(patch.hours === undefined
          ? {}
          : { hours: patch.hours, hoursWithoutTimer: patch.hours }),
        startedTime: patch.startedTime ?? editing.startedTime,
        endedTime: patch.endedTime ?? editing.endedTime,
      };
      focusEntry(editing.id);
      update.mutateAsync({ request: submission.request, shown }).catch(refused);
    }
    closeForm();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  // Escape cancels wherever the focus is (an open list handles its own Escape first).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) cancelRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (errorFocus === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorFocus]);

  const blurHours = () => {
    const error = hoursError(values.hours);
    setErrors((current) => ({ ...current, hours: error }));
    const parsed = parseHours(values.hours);
    if (parsed.kind === 'hours') set({ hours: formatHours(parsed.hours, format) });
  };

  const blurClock = (field: 'startTime' | 'endTime') => () => {
    const error = clockTimeError(values[field]);
    setErrors((current) => ({ ...current, [field]: error }));
    const minutes = parseClockTime(values[field]);
    if (minutes !== null) set({ [field]: formatClockTime(minutes, settings.clock) });
  };

  const timer = startsTimer(values, context);
  const title = editing ? 'Edit entry' : 'New entry';

  return (
    <>
      <BackHeader title={title} onBack={cancel} />
      <main className="view-body">
        <form
          ref={formRef}
          className="entry-form"
          aria-label={title}
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          noValidate
        >
          {form.error ? (
            <p role="alert" className="banner is-error">
              {form.error}
            </p>
          ) : null}
          {choices.isError && !choices.data ? (
            <p role="alert" className="banner is-error">
              Your projects could not be loaded: {describeError(choices.error)}
            </p>
          ) : null}
          <ProjectTaskFields
            choices={projectChoices}
            recent={recent}
            projectId={values.projectId}
            taskId={values.taskId}
            onProject={(projectId, taskId) => {
              set({ projectId, taskId });
              recheck('project', undefined);
              if (taskId !== null) recheck('task', undefined);
            }}
            onTask={(taskId) => {
              set({ taskId });
              recheck('task', undefined);
            }}
            errors={errors}
            loading={choices.isPending}
            autoFocus
          />
          <div className="field">
            <label htmlFor="entry-notes">Notes</label>
            <textarea
              id="entry-notes"
              rows={3}
              value={values.notes}
              aria-invalid={errors.notes ? true : undefined}
              aria-describedby={errors.notes ? 'entry-notes-error' : undefined}
              onChange={(event) => {
                set({ notes: event.target.value });
                recheck('notes', notesError(event.target.value));
              }}
            />
            {errors.notes ? (
              <p id="entry-notes-error" className="field-error">
                {errors.notes}
              </p>
            ) : null}
          </div>
          {/* Two or three fields side by side; an error below them takes the row's full width. */}
          <div className={timestamps ? 'field-row is-three' : 'field-row'}>
            {timestamps ? (
              <>
                <ClockTimeField
                  label="Start time"
                  value={values.startTime}
                  onChange={(startTime) => {
                    set({ startTime });
                    recheck('startTime', clockTimeError(startTime));
                  }}
                  onBlur={blurClock('startTime')}
                  error={errors.startTime}
                  placeholder={settings.clock === '24h' ? '09:00' : '9:00am'}
                />
                <ClockTimeField
                  label="End time"
                  value={values.endTime}
                  onChange={(endTime) => {
                    set({ endTime });
                    recheck('endTime', clockTimeError(endTime));
                  }}
                  onBlur={blurClock('endTime')}
                  error={errors.endTime}
                  placeholder="Empty: timer"
                />
              </>
            ) : (
              <HoursField
                value={values.hours}
                onChange={(hours) => {
                  set({ hours });
                  recheck('hours', hoursError(hours));
                }}
                onBlur={blurHours}
                error={errors.hours}
                placeholder={
                  editing?.isRunning ? 'Running' : format === 'decimal' ? '0.00' : '0:00'
                }
              />
            )}
            <DateField
              value={values.date}
              format={dateFormat}
              onChange={(date) => {
                set({ date });
                recheck('date', dateError(date, today));
              }}
              onProblem={setDateProblem}
              problem={dateProblem ?? errors.date}
              reveal={refusedOnce || errors.date !== undefined}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
            {/* Pressing it leaves the focus in the field: a field's error shown on leaving it would
                push this button from under the pointer between press and release, losing the click.
                The submit checks every field and focuses the one in error. */}
            <button type="submit" className="button is-primary" onMouseDown={(event) => event.preventDefault()}>
              {timer ? 'Start timer' : 'Save entry'}
            </button>
          </div>
          <p className="hint muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to {timer ? 'start' : 'save'} · <kbd>Esc</kbd> to
            cancel
          </p>
        </form>
      </main>
    </>
  );
}
