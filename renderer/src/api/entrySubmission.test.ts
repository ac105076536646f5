import { describe, expect, it } from 'vitest';
import type { EntryFormValues } from '../stores/uiStore';
import { makeEntry } from '../testing/fakeHarvestTray';
import { buildSubmission, startsTimer } from './entrySubmission';

const today = '2026-11-21';
const duration = { company: { wantsTimestampTimers: false, clock: '12h' as const }, today };
const timestamps = { company: { wantsTimestampTimers: true, clock: '24h' as const }, today };
const values = (patch: Partial<EntryFormValues> = {}): EntryFormValues => ({
  projectId: 11,
  taskId: 21,
  notes: '',
  hours: '',
  startTime: '',
  endTime: '',
  date: today,
  ...patch,
});

describe('buildSubmission', () => {
  it('needs a project and a task', () => {
    expect(buildSubmission(values({ projectId: null, taskId: null }), duration)).toEqual({
      kind: 'invalid',
      errors: { project: 'Choose a project.', task: 'Choose a task.' },
    });
  });

  it('duration account, today, no hours: starts a timer', () => {
    expect(startsTimer(values(), duration)).toBe(true);
    expect(buildSubmission(values({ notes: 'x' }), duration)).toEqual({ kind: 'start', request: { projectId: 11, taskId: 21, notes: 'x' } });
  });

  it('hours over a day are refused with a reason', () => {
    const result = buildSubmission(values({ hours: '25' }), duration);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.errors.hours).toMatch(/24 hours/);
  });

  it('start/end-time account: times are sent in the account clock; no end time today starts a timer', () => {
    expect(buildSubmission(values({ startTime: '9am', endTime: '1:30pm' }), timestamps)).toMatchObject({
      kind: 'create',
      request: { startedTime: '9:00', endedTime: '13:30' },
      running: false,
    });
    expect(buildSubmission(values(), timestamps)).toMatchObject({ kind: 'start' });
    expect(buildSubmission(values({ date: '2026-11-20' }), timestamps)).toMatchObject({ kind: 'invalid', errors: { endTime: expect.any(String) } });
  });

  it('edit sends only what changed, and nothing when nothing did', () => {
    const editing = makeEntry({ hours: 1.5, notes: 'Old' });
    const context = { ...duration, editing };
    expect(buildSubmission(values({ hours: '1:30', notes: 'Old' }), context)).toEqual({ kind: 'unchanged' });
    expect(buildSubmission(values({ hours: '2', notes: 'Old', taskId: 22 }), context)).toEqual({
      kind: 'update',
      request: { id: editing.id, patch: { taskId: 22, hours: 2 } },
    });
  });
});
