// The idle question: asked when the user comes back to a timer that ran while they were away
// longer than their threshold, answered from the popover. The answer is decided by decideIdle on
// what Harvest says at that moment, and carried out through the entry and timer services.
import type { EventSink } from '../../../shared/contract';
import { awayText } from '../../../shared/awayText';
import type { CompanySettings, IdleAnswer, IdleOutcome, IdleQuestion, IdleSettings, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { applyChanges, ChangesInterrupted, type ChangeTarget } from './applyChanges';
import { decideIdle, idleWithin, type Stretch } from './idleDecision';

/** The signed-in account's side of things, as the idle question needs it. */
export interface IdleAccount extends ChangeTarget {
  accountId: number;
  /** Reads the user's recent entries from Harvest (the running one among them). */
  readRecent(): Promise<TimeEntry[]>;
  company(): Promise<CompanySettings>;
}

export interface IdleServiceDeps {
  now: () => Date;
  settings: () => IdleSettings;
  emit: EventSink;
  account: () => IdleAccount | null;
  /** A question is waiting: the desktop opens the popover and says so. */
  asked?: (question: IdleQuestion) => void;
}

interface Pending {
  accountId: number;
  entry: TimeEntry;
  spans: Stretch[];
}

export class IdleService {
  private pending: Pending | null = null;

  constructor(private readonly deps: IdleServiceDeps) {}

  /** The user is back after `span` away. Asks, when a timer ran for long enough of it. */
  async report(span: Stretch): Promise<void> {
    const settings = this.deps.settings();
    if (!settings.enabled || span.to.getTime() - span.from.getTime() < settings.minutes * 60_000) return;
    const account = this.deps.account();
    if (account === null) return;
    // Harvest's word on what ran, not a memory minutes old: it may have been stopped elsewhere.
    let running: TimeEntry | undefined;
    try {
      running = (await account.readRecent()).find((entry) => entry.isRunning);
    } catch {
      return; // Offline on return: nothing can be decided against Harvest now, and asking would mislead.
    }
    if (running === undefined || running.timerStartedAt === null) return;

    const previous = this.current(account.accountId);
    const spans = previous && previous.entry.id === running.id ? [...previous.spans, span] : [span];
    const idle = idleWithin(spans, new Date(running.timerStartedAt), this.deps.now());
    if (idle.length === 0) return;
    this.pending = { accountId: account.accountId, entry: running, spans: idle };
    const question = this.question();
    this.deps.emit('idle.changed', question);
    if (question) this.deps.asked?.(question);
  }

  /** The waiting question for the signed-in account, if any. */
  question(): IdleQuestion | null {
    const account = this.deps.account();
    const pending = account === null ? null : this.current(account.accountId);
    if (pending === null) return null;
    const idleMs = pending.spans.reduce((sum, stretch) => sum + stretch.to.getTime() - stretch.from.getTime(), 0);
    return {
      spans: pending.spans.map((stretch) => ({ from: stretch.from.toISOString(), to: stretch.to.toISOString() })),
      entry: pending.entry,
      idleMinutes: idleMs / 60_000,
    };
  }

  async answer(answer: IdleAnswer): Promise<IdleOutcome> {
    const account = this.deps.account();
    const pending = account === null ? null : this.current(account.accountId);
    if (account === null || pending === null) {
      return { changed: false, message: 'There is no idle time waiting for an answer.' };
    }
    if (answer.choice === 'keep') {
      this.clear();
      return { changed: false, message: 'The idle time was kept.' };
    }

    const recent = await account.readRecent();
    const entry = recent.find((candidate) => candidate.id === pending.entry.id) ?? { ...pending.entry, isRunning: false };
    const decision = decideIdle({
      entry,
      spans: pending.spans,
      answer,
      now: this.deps.now(),
      account: await account.company(),
    });
    if (decision.outcome === 'not-running' || decision.outcome === 'not-idle') {
      this.clear();
      return {
        changed: false,
        message:
          decision.outcome === 'not-running'
            ? 'The timer was stopped elsewhere meanwhile, so nothing was changed.'
            : 'The timer holds none of the idle time any more, so nothing was changed.',
      };
    }

    try {
      await applyChanges(account, decision.changes);
    } catch (error) {
      if (!(error instanceof ChangesInterrupted)) throw error;
      // Refused before anything changed: the question stays, to be answered again.
      if (error.done === 0) throw error.failure;
      this.clear();
      throw new AppFailure({
        kind: error.failure.kind,
        message: `Only part of the change reached Harvest before it refused: ${error.failure.message} Check today’s entries.`,
      });
    }
    this.clear();
    return { changed: true, message: outcomeMessage(answer, decision.idleMs) };
  }

  /** Signing out or into another account leaves nothing to answer. */
  forget(): void {
    if (this.pending !== null) this.clear();
  }

  private current(accountId: number): Pending | null {
    return this.pending !== null && this.pending.accountId === accountId ? this.pending : null;
  }

  private clear(): void {
    this.pending = null;
    this.deps.emit('idle.changed', null);
  }
}

function outcomeMessage(answer: IdleAnswer, idleMs: number): string {
  const away = awayText(idleMs);
  switch (answer.choice) {
    case 'discard-continue':
      return `${away} of idle time discarded; the timer goes on.`;
    case 'discard-stop':
      return `${away} of idle time discarded; the timer stopped when you went idle.`;
    case 'move':
      return `${away} moved to a new entry; the timer goes on.`;
    case 'keep':
      return 'The idle time was kept.';
  }
}
