// Carries out a list of entry changes in order, through the core's own entry and timer services
// (so every write takes the same way as one from the popover). Harvest has no transactions: a
// refusal part way is reported with how far the list got, so the caller can say what happened.
import { toAppFailure } from '../app/failures';
import type { EntryService } from '../app/entries';
import type { TimerService } from '../app/timers';
import type { AppFailure } from '../../../shared/errors';
import type { EntryChange } from './entryChange';

export interface ChangeTarget {
  entries: Pick<EntryService, 'create' | 'update'>;
  timers: Pick<TimerService, 'stop' | 'restart'>;
}

/** A change Harvest refused; `done` changes before it went through. */
export class ChangesInterrupted extends Error {
  constructor(
    readonly done: number,
    readonly failure: AppFailure,
  ) {
    super(failure.message);
    this.name = 'ChangesInterrupted';
  }
}

export async function applyChanges(target: ChangeTarget, changes: EntryChange[]): Promise<void> {
  for (const [index, change] of changes.entries()) {
    try {
      await applyOne(target, change);
    } catch (error) {
      throw new ChangesInterrupted(index, toAppFailure(error));
    }
  }
}

async function applyOne(target: ChangeTarget, change: EntryChange): Promise<void> {
  switch (change.kind) {
    case 'stop':
      await target.timers.stop({ id: change.id });
      return;
    case 'restart':
      await target.timers.restart({ id: change.id });
      return;
    case 'update':
      await target.entries.update({ id: change.id, patch: change.patch });
      return;
    case 'create':
      await target.entries.create(change.entry);
      return;
  }
}
