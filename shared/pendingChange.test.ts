import { describe, expect, it } from 'vitest';
import { channels, events } from './contract';
import { pendingChangeSchema, timeEntrySchema, type PendingChange } from './domain';
import { timeEntry } from './testing/timeEntry';

const stopKeptOffline: PendingChange = {
  id: 'chg-4f1c',
  kind: 'stop',
  entryId: 1001,
  spentDate: '2026-11-21',
  projectName: 'Website',
  taskName: 'Design',
  clientName: 'Acme',
  notes: 'Wireframes',
  hours: 0.75,
  createdAt: '2026-11-21T10:45:00.000Z',
  attempts: 0,
  status: { state: 'waiting', message: 'Waiting to be sent: Harvest cannot be reached.' },
};

describe('the pending-changes contract', () => {
  it('takes a provisional (negative) entry id wherever an entry id goes, never 0', () => {
    expect(channels['timer.stop'].request.safeParse({ id: -3 }).success).toBe(true);
    expect(channels['entries.update'].request.safeParse({ id: -3, patch: { notes: 'x' } }).success).toBe(true);
    expect(channels['entries.delete'].request.safeParse({ id: 0 }).success).toBe(false);
  });

  it('lists changes with their state, and a refusal with Harvest’s reason', () => {
    const refused: PendingChange = {
      ...stopKeptOffline,
      kind: 'edit',
      status: { state: 'refused', message: 'Hours must be under 24.', errorKind: 'rejected', status: 422 },
    };
    expect(channels['queue.list'].response.parse([stopKeptOffline, refused])).toHaveLength(2);
    expect(events['queue.changed'].safeParse([refused]).success).toBe(true);
    expect(pendingChangeSchema.safeParse({ ...refused, status: { state: 'lost' } }).success).toBe(false);
  });

  it('marks an entry shown with waiting changes; an entry without the mark is Harvest’s word', () => {
    const shown = timeEntry({
      id: -1,
      pending: { changeId: 'chg-1', changes: 2, status: { state: 'checking', message: 'Checking with Harvest.' } },
    });
    expect(timeEntrySchema.parse(shown).pending?.changes).toBe(2);
    expect(timeEntrySchema.parse(timeEntry()).pending).toBeUndefined();
  });
});
