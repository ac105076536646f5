import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { changedDates, EntryLedger } from './entryLedger';
import { toTimeEntry } from './mapping';
import { wireTimeEntry } from './testing/wireBuilders';

function entry(id: number, overrides: Partial<TimeEntry> = {}): TimeEntry {
  return { ...toTimeEntry(wireTimeEntry({ id })), ...overrides };
}

describe('EntryLedger', () => {
  it('keeps one running timer: a newly running entry stops the one before', () => {
    const ledger = new EntryLedger();
    ledger.remember(entry(1, { isRunning: true, timerStartedAt: '2026-11-21T08:00:00Z' }));
    ledger.remember(entry(2, { isRunning: true, timerStartedAt: '2026-11-21T09:00:00Z' }));
    expect(ledger.running()?.id).toBe(2);
    expect(ledger.get(1)).toMatchObject({ isRunning: false, timerStartedAt: null });
  });

  it('takes a fresh reading of what runs as the truth', () => {
    const ledger = new EntryLedger();
    ledger.remember(entry(1, { isRunning: true }));
    ledger.setRunning([]);
    expect(ledger.running()).toBeNull();
  });

  it('names the entry last worked on, never one dated after today', () => {
    const ledger = new EntryLedger();
    ledger.remember(entry(1, { spentDate: '2026-11-20', updatedAt: '2026-11-20T17:00:00Z' }));
    ledger.remember(entry(2, { spentDate: '2026-11-21', updatedAt: '2026-11-21T09:00:00Z' }));
    ledger.remember(entry(3, { spentDate: '2026-11-21', updatedAt: '2026-11-21T11:00:00Z' }));
    ledger.remember(entry(4, { spentDate: '2026-11-24', updatedAt: '2026-11-21T12:00:00Z' }));
    expect(ledger.last('2026-11-21')?.id).toBe(3);
    expect(ledger.last('2026-11-20')?.id).toBe(1);
    ledger.forget(3);
    expect(ledger.last('2026-11-21')?.id).toBe(2);
  });

  it('keeps the newer of two readings of an entry: a read that left Harvest before a stop cannot restart it', () => {
    const ledger = new EntryLedger();
    const running = entry(1, { isRunning: true, timerStartedAt: '2026-11-21T08:00:00Z', updatedAt: '2026-11-21T08:00:00Z' });
    const stopped = entry(1, { isRunning: false, hours: 2, updatedAt: '2026-11-21T10:00:00Z' });
    ledger.remember(entry(2, { isRunning: false, updatedAt: '2026-11-21T07:00:00Z' }));
    ledger.remember(stopped);
    ledger.remember(running);
    expect(ledger.get(1)).toEqual(stopped);
    expect(ledger.running()).toBeNull();
    // A reading as new as the one held is taken: Harvest's timestamps have whole seconds.
    const edited = { ...stopped, notes: 'edited' };
    ledger.remember(edited);
    expect(ledger.get(1)).toEqual(edited);
  });

  it('forgets the entries a complete reading of their days no longer has (deleted elsewhere)', () => {
    const ledger = new EntryLedger();
    ledger.remember(entry(1, { spentDate: '2026-11-20' }));
    ledger.remember(entry(2, { spentDate: '2026-11-21', isRunning: true }));
    ledger.remember(entry(3, { spentDate: '2026-11-22' }));
    ledger.replaceDays({ from: '2026-11-21', to: '2026-11-22' }, [entry(3, { spentDate: '2026-11-22' })]);
    expect(ledger.get(1)).toBeDefined();
    expect(ledger.get(2)).toBeUndefined();
    expect(ledger.running()).toBeNull();
    expect(ledger.get(3)).toBeDefined();
  });

  it('names the days whose entries differ between two readings', () => {
    const ledger = new EntryLedger();
    const range = { from: '2026-11-18', to: '2026-11-22' };
    ledger.remember(entry(1, { spentDate: '2026-11-18' }));
    ledger.remember(entry(2, { spentDate: '2026-11-19', updatedAt: '2026-11-19T08:00:00Z' }));
    ledger.remember(entry(3, { spentDate: '2026-11-20' }));
    ledger.remember(entry(4, { spentDate: '2026-11-17' }));
    const before = ledger.versions(range);
    ledger.remember(entry(2, { spentDate: '2026-11-21', updatedAt: '2026-11-21T09:00:00Z' }));
    ledger.forget(3);
    ledger.remember(entry(5, { spentDate: '2026-11-22' }));
    ledger.forget(4);
    expect(changedDates(before, ledger.versions(range))).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(changedDates(before, before)).toEqual([]);
  });

  it('sees a timer stopped elsewhere as a change even when Harvest kept its timestamp', () => {
    const ledger = new EntryLedger();
    const range = { from: '2026-11-21', to: '2026-11-21' };
    ledger.remember(entry(1, { spentDate: '2026-11-21', isRunning: true, timerStartedAt: '2026-11-21T08:00:00Z' }));
    const before = ledger.versions(range);
    ledger.setRunning([]);
    expect(changedDates(before, ledger.versions(range))).toEqual(['2026-11-21']);
  });
});
