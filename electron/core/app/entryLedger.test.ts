import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { EntryLedger } from './entryLedger';
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
});
