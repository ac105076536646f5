import { describe, expect, it } from 'vitest';
import { timeEntry } from '../../../shared/testing/timeEntry';
import { EMPTY_QUEUE, type Intent, type QueueFile } from './intent';
import { discardChange, keepChange, nextToSend, overlayEntries, provisionalId, resolveEntry, toPendingChange } from './folding';

const at = (clock: string) => `2026-11-21T${clock}:00.000Z`;

function start(id: string, entryId: number, createdAt = at('10:00')): Intent {
  return {
    id,
    kind: 'start',
    entryId,
    createdAt,
    attempts: 0,
    refusal: null,
    fields: { projectId: 10, taskId: 20, spentDate: '2026-11-21', notes: 'Plans' },
    stoppedAt: null,
    shown: timeEntry({ id: entryId, hours: 0, hoursWithoutTimer: 0, isRunning: true, timerStartedAt: createdAt, notes: 'Plans' }),
  };
}
function stop(id: string, entryId: number, createdAt: string, hours: number): Intent {
  return { id, kind: 'stop', entryId, createdAt, attempts: 0, refusal: null, hours, shown: timeEntry({ id: entryId, hours }) };
}
function restart(id: string, entryId: number, createdAt: string, baseHours: number): Intent {
  const shown = timeEntry({ id: entryId, hours: baseHours, hoursWithoutTimer: baseHours, isRunning: true, timerStartedAt: createdAt });
  return { id, kind: 'restart', entryId, createdAt, attempts: 0, refusal: null, baseHours, stoppedAt: null, shown };
}
function edit(id: string, entryId: number, notes: string): Intent {
  return { id, kind: 'edit', entryId, createdAt: at('11:00'), attempts: 0, refusal: null, patch: { notes }, shown: timeEntry({ id: entryId, notes }) };
}
function del(id: string, entryId: number): Intent {
  return { id, kind: 'delete', entryId, createdAt: at('11:30'), attempts: 0, refusal: null, shown: null };
}
const fileOf = (...intents: Intent[]): QueueFile => ({ ...EMPTY_QUEUE, intents });

describe('keeping a change', () => {
  it('gives each entry made offline a provisional id of its own, never reused', () => {
    const [first, afterFirst] = provisionalId(EMPTY_QUEUE);
    const [second] = provisionalId(afterFirst);
    expect([first, second]).toEqual([-1, -2]);
  });

  it('cancels a create and its changes when the entry is deleted before the create went out', () => {
    const kept = keepChange(fileOf(start('a', -1), edit('b', -1, 'x'), edit('c', 42, 'y')), del('d', -1));
    expect(kept.intents.map((intent) => intent.id)).toEqual(['c']);
  });

  it('leaves out a change to an entry made offline and deleted before the change was kept', () => {
    const deleted = keepChange(fileOf(start('a', -1), edit('b', 42, 'y')), del('c', -1));
    expect(keepChange(deleted, stop('d', -1, at('10:45'), 0.75)).intents.map((intent) => intent.id)).toEqual(['b']);
  });

  it('keeps one restart of presses that came at once: the timer runs by the first', () => {
    const once = keepChange(fileOf(edit('a', 7, 'x')), restart('b', 42, at('10:00'), 1));
    expect(keepChange(once, restart('c', 42, at('10:00'), 1)).intents.map((intent) => intent.id)).toEqual(['a', 'b']);
  });

  it('keeps the delete when the create may already be in Harvest (it is checked, then deleted)', () => {
    const sent = { ...start('a', -1), attempts: 1 };
    expect(keepChange(fileOf(sent), del('d', -1)).intents.map((intent) => intent.id)).toEqual(['a', 'd']);
  });

  it('folds a stop into the timer started offline: one create with both real moments', () => {
    const kept = keepChange(fileOf(start('a', -1, at('10:00'))), stop('s', -1, at('10:45'), 0.75));
    expect(kept.intents).toHaveLength(1);
    expect(kept.intents[0]).toMatchObject({ kind: 'start', stoppedAt: at('10:45'), shown: { hours: 0.75 } });
  });

  it('started, stopped, restarted and stopped offline: one create and one restart, each with its own two moments', () => {
    let file = fileOf(start('a', -1, at('10:00')));
    file = keepChange(file, stop('s1', -1, at('10:15'), 0.25));
    file = keepChange(file, restart('r', -1, at('10:30'), 0.25));
    expect(file.intents).toMatchObject([{ kind: 'start', stoppedAt: at('10:15') }, { kind: 'restart', baseHours: 0.25, stoppedAt: null }]);
    file = keepChange(file, stop('s2', -1, at('10:40'), 0.42));
    expect(file.intents).toMatchObject([
      { kind: 'start', stoppedAt: at('10:15') },
      { kind: 'restart', baseHours: 0.25, stoppedAt: at('10:40'), shown: { hours: 0.42 } },
    ]);
  });

  it('folds an edit of an entry made offline into its create', () => {
    const kept = keepChange(fileOf(start('a', -1)), edit('b', -1, 'Better notes'));
    expect(kept.intents).toHaveLength(1);
    expect(kept.intents[0]).toMatchObject({ fields: { notes: 'Better notes' }, shown: { notes: 'Better notes' } });
  });

  it('folds an edit of a timer started offline and still running without making it a stopped entry', () => {
    const notesEdit = edit('b', -1, 'Better notes');
    const hoursEdit: Intent = { ...notesEdit, kind: 'edit', patch: { notes: 'Better notes', hours: 2 } };
    const kept = keepChange(fileOf(start('a', -1)), hoursEdit);
    expect(kept.intents).toHaveLength(1);
    expect(kept.intents[0]).toMatchObject({ kind: 'start', fields: { notes: 'Better notes' }, stoppedAt: null });
    expect(kept.intents[0]).not.toHaveProperty('fields.hours');
  });

  it('keeps a change made against a provisional id whose create went through meanwhile (here or in another process) on the real id', () => {
    const through = resolveEntry(fileOf(start('a', -1)), -1, 501);
    const sent = { ...through, intents: [] };
    const kept = keepChange(sent, edit('b', -1, 'Better notes'));
    expect(kept.intents).toMatchObject([{ id: 'b', kind: 'edit', entryId: 501, shown: { id: 501, notes: 'Better notes' } }]);
    expect(nextToSend(kept)?.entryId).toBe(501);
  });

  it('appends a change to an entry Harvest already has', () => {
    expect(keepChange(fileOf(edit('a', 42, 'x')), del('b', 42)).intents).toHaveLength(2);
  });
});

describe('after a create went through', () => {
  it('rewrites the provisional id in the changes that follow it and remembers the real one', () => {
    const sent = resolveEntry(fileOf(stop('s', -1, at('10:45'), 0.75), edit('e', -1, 'x'), edit('f', 7, 'y')), -1, 501);
    expect(sent.intents.map((intent) => intent.entryId)).toEqual([501, 501, 7]);
    expect(sent.intents[0]?.shown?.id).toBe(501);
    expect(sent.resolved).toEqual({ '-1': 501 });
  });
});

describe('what goes next', () => {
  it('skips a refused change and the changes to its entry, and sends the others in order', () => {
    const refused = { ...edit('a', 42, 'x'), refusal: { message: 'Locked', errorKind: 'locked' } };
    expect(nextToSend(fileOf(refused, del('b', 42), edit('c', 7, 'z')))?.id).toBe('c');
    expect(nextToSend(fileOf(refused))).toBeNull();
  });

  it('discarding a create discards what depends on it', () => {
    const left = discardChange(fileOf(start('a', -1), stop('s', -1, at('10:45'), 0.75), edit('c', 7, 'z')), 'a');
    expect(left.intents.map((intent) => intent.id)).toEqual(['c']);
  });
});

describe('what the popover sees', () => {
  it('lays waiting changes over what Harvest said: created, edited, deleted', () => {
    const harvest = [timeEntry({ id: 7, notes: 'old' }), timeEntry({ id: 8 })];
    const shown = overlayEntries(harvest, [start('a', -1), edit('b', 7, 'new'), del('c', 8)], {
      from: '2026-11-21',
      to: '2026-11-21',
    });
    expect(shown.map((entry) => [entry.id, entry.notes, entry.pending?.status.state])).toEqual([
      [7, 'new', 'waiting'],
      [-1, 'Plans', 'waiting'],
    ]);
  });

  // A create whose answer was lost stays in the queue while it is checked (and after, until it is
  // replayed), and Harvest's list already holds it, tagged with the change's id.
  const range = { from: '2026-11-21', to: '2026-11-21' };
  const harvestCopy = (id: number, reference: string) =>
    timeEntry({ id, notes: 'Plans', hours: 0, isRunning: true, externalReferenceId: reference });

  it('shows a create Harvest already holds once, as Harvest’s entry, not beside its provisional twin', () => {
    const checking = { ...start('chg-a', -1), attempts: 1 };
    const shown = overlayEntries([harvestCopy(501, 'chg-a'), timeEntry({ id: 8 })], [checking], range);
    expect(shown.map((entry) => [entry.id, entry.pending?.status.state])).toEqual([
      [501, undefined],
      [8, undefined],
    ]);
  });

  it('lays the changes kept against the provisional id over Harvest’s copy', () => {
    const checking = { ...start('chg-a', -1), attempts: 1 };
    const stopped = stop('chg-s', -1, at('10:45'), 0.75);
    const renamed = edit('chg-e', -1, 'Better notes');
    const shown = overlayEntries([harvestCopy(501, 'chg-a')], [checking, stopped, renamed], range);
    expect(shown.map((entry) => [entry.id, entry.notes, entry.pending?.changeId, entry.pending?.changes])).toEqual([
      [501, 'Better notes', 'chg-e', 2],
    ]);
  });

  it('hides Harvest’s copy when the entry made offline was deleted since, and shows no twin', () => {
    const checking = { ...start('chg-a', -1), attempts: 1 };
    expect(overlayEntries([harvestCopy(501, 'chg-a')], [checking, del('chg-d', -1)], range)).toEqual([]);
  });

  it('still shows a create whose reference Harvest does not hold (another entry’s reference is no match)', () => {
    const checking = { ...start('chg-a', -1), attempts: 1 };
    const shown = overlayEntries([harvestCopy(501, 'chg-other')], [checking], range);
    expect(shown.map((entry) => entry.id).sort()).toEqual([-1, 501]);
  });

  it('says a change sent before is being checked, and a refused one with Harvest’s reason', () => {
    expect(toPendingChange({ ...edit('a', 7, 'x'), attempts: 1 }).status.state).toBe('checking');
    const refused = toPendingChange({ ...edit('a', 7, 'x'), refusal: { message: 'Hours too many', errorKind: 'rejected', status: 422 } });
    expect(refused.status).toEqual({ state: 'refused', message: 'Hours too many', errorKind: 'rejected', status: 422 });
    expect(refused).toMatchObject({ kind: 'edit', entryId: 7, projectName: 'Website', notes: 'x' });
  });
});
