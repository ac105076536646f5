// The services that act for one Harvest account: reference data, the entries seen lately, entries
// and timers over one shared context. Every host builds them here (the popover's core, the command
// line and its MCP server), so a change takes the same way to Harvest wherever it comes from.
import type { EventSink } from '../../../shared/contract';
import type { AccountContext } from './accountContext';
import type { AccountScope } from './accountScope';
import { EntryService } from './entries';
import { EntryLedger } from './entryLedger';
import type { ReferenceCache } from './referenceCache';
import { ReferenceData } from './referenceData';
import { SerialLane } from './serialLane';
import { TimerService } from './timers';

export interface AccountServices {
  reference: ReferenceData;
  ledger: EntryLedger;
  entries: EntryService;
  timers: TimerService;
  /** Runs a request for this account (how the host maps failures, signs out on a refused token). */
  call: AccountContext['call'];
  /** What the services share, for the account-wide rules in ./accountContext (what runs now). */
  context: AccountContext;
}

export interface AccountServiceDeps {
  /** The account and its Harvest server, which the reference cache is kept under. */
  scope: AccountScope;
  cache: ReferenceCache;
  call: AccountContext['call'];
  now: () => Date;
  emit: EventSink;
}

export function createAccountServices(deps: AccountServiceDeps): AccountServices {
  const { scope, cache, call, now, emit } = deps;
  const ledger = new EntryLedger();
  const reference = new ReferenceData(scope, cache, call, now);
  const context: AccountContext = { reference, ledger, call, now, emit, writes: new SerialLane() };
  const entries = new EntryService(context);
  return { reference, ledger, entries, timers: new TimerService(context, entries), call, context };
}
