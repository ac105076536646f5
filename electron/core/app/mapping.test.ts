import { describe, expect, it } from 'vitest';
import { toAccounts, toCompanySettings, toCurrentUser, toProjectChoices, toTimeEntry } from './mapping';
import { wireCompanySchema } from '../harvest/wire';
import { wireCompany, wireProjectAssignment, wireTimeEntry, wireUser } from './testing/wireBuilders';

describe('toTimeEntry', () => {
  it('maps Harvest’s fields into the domain shape, keeping the lock reason', () => {
    const entry = toTimeEntry(
      wireTimeEntry({ is_locked: true, locked_reason: 'Item Approved and Locked for this Time Period' }),
    );
    expect(entry).toEqual({
      id: 636709355,
      spentDate: '2026-11-20',
      hours: 2.11,
      hoursWithoutTimer: 2.11,
      notes: 'Adding CTAs',
      isRunning: false,
      timerStartedAt: null,
      startedTime: null,
      endedTime: null,
      isLocked: true,
      lockedReason: 'Item Approved and Locked for this Time Period',
      billable: true,
      client: { id: 5735774, name: 'ABC Corp' },
      project: { id: 14307913, name: 'Marketing Website', code: 'MW' },
      task: { id: 8083365, name: 'Graphic Design' },
      createdAt: '2026-11-20T10:00:00Z',
      updatedAt: '2026-11-20T10:00:00Z',
    });
  });

  it('keeps the timer fields of a running entry and a missing project code as null', () => {
    const entry = toTimeEntry(
      wireTimeEntry({
        is_running: true,
        timer_started_at: '2026-11-20T13:00:00Z',
        hours: 0.5,
        hours_without_timer: 0.25,
        project: { id: 1, name: 'P', code: undefined },
      }),
    );
    expect(entry).toMatchObject({
      isRunning: true,
      timerStartedAt: '2026-11-20T13:00:00Z',
      hours: 0.5,
      hoursWithoutTimer: 0.25,
      project: { id: 1, name: 'P', code: null },
    });
  });

  it('keeps the external reference id, by which the queue knows an entry its create made', () => {
    const made = wireTimeEntry({ external_reference: { id: 'chg-1' } });
    expect(toTimeEntry(made).externalReferenceId).toBe('chg-1');
    expect(toTimeEntry(wireTimeEntry({ external_reference: null }))).not.toHaveProperty('externalReferenceId');
  });

  it('shows no lock reason on an unlocked entry, and a plain one on a locked entry without', () => {
    expect(toTimeEntry(wireTimeEntry({ is_locked: false, locked_reason: 'stale' })).lockedReason).toBeNull();
    expect(toTimeEntry(wireTimeEntry({ is_locked: true, locked_reason: null })).lockedReason).toBe(
      'This entry is locked.',
    );
  });
});

describe('toProjectChoices', () => {
  it('keeps active assignments and active tasks, sorted by client then project', () => {
    const choices = toProjectChoices([
      wireProjectAssignment({ id: 3, name: 'Website', client: 'Zeta' }, [{ id: 31, name: 'Design' }]),
      wireProjectAssignment({ id: 2, name: 'Mobile app', client: 'acme' }, [
        { id: 22, name: 'Testing' },
        { id: 21, name: 'Development' },
        { id: 23, name: 'Archived task', active: false },
      ]),
      wireProjectAssignment({ id: 1, name: 'Brand', client: 'Acme' }, [{ id: 11, name: 'Design' }]),
      wireProjectAssignment({ id: 4, name: 'Old project', client: 'Acme' }, [{ id: 41, name: 'Design' }], false),
      wireProjectAssignment({ id: 5, name: 'No tasks left', client: 'Acme' }, [
        { id: 51, name: 'Design', active: false },
      ]),
    ]);
    expect(choices.map((choice) => choice.projectName)).toEqual(['Brand', 'Mobile app', 'Website']);
    expect(choices[1]?.tasks.map((task) => task.taskName)).toEqual(['Development', 'Testing']);
    expect(choices[0]).toEqual({
      projectId: 1,
      projectName: 'Brand',
      projectCode: 'BRA',
      clientName: 'Acme',
      tasks: [{ taskId: 11, taskName: 'Design', billable: true }],
    });
  });
});

describe('toCompanySettings, toCurrentUser, toAccounts', () => {
  it('reads the settings that decide how time is written and shown', () => {
    expect(
      toCompanySettings(
        wireCompany({
          name: 'Northwind Labs',
          wants_timestamp_timers: true,
          time_format: 'hours_minutes',
          clock: '24h',
          week_start_day: 'Sunday',
          date_format: '%d.%m.%Y',
        }),
      ),
    ).toEqual({
      name: 'Northwind Labs',
      wantsTimestampTimers: true,
      timeFormat: 'hours_minutes',
      clock: '24h',
      weekStartDay: 'Sunday',
      dateFormat: '%d.%m.%Y',
    });
  });

  it("reads a missing or unknown date format as Harvest's default, without refusing the company", () => {
    expect(toCompanySettings(wireCompany()).dateFormat).toBe('%m/%d/%Y');
    const parsed = wireCompanySchema.parse({ ...wireCompany(), date_format: '%e %B' });
    expect(toCompanySettings(parsed).dateFormat).toBe('%m/%d/%Y');
  });

  it('maps the user', () => {
    expect(toCurrentUser(wireUser({ id: 7 }))).toEqual({
      id: 7,
      firstName: 'Kim',
      lastName: 'Allen',
      email: 'kim@example.com',
      weeklyCapacity: 126000,
    });
  });

  it('drops Forecast accounts', () => {
    expect(
      toAccounts([
        { id: 1, name: 'Studio', product: 'harvest' },
        { id: 2, name: 'Plans', product: 'forecast' },
      ]),
    ).toEqual([{ id: 1, name: 'Studio' }]);
  });
});
