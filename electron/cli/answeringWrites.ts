// The command line's and the MCP server's writes: the core's own writes, each kept in the
// account's pending-changes queue when Harvest cannot take it now, and printed as Harvest's own
// JSON of the entry when it got through. The JSON of each answer is held here, by entry id, from
// the moment Harvest gave it until the result is printed (several MCP calls may be in flight).
import type { TimeEntry } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { AccountServices } from '../core/app/accountServices';
import { toTimeEntry } from '../core/app/mapping';
import type { WireTimeEntry } from '../core/harvest/wire';
import type { Writes } from '../core/queue/keepingWrites';

export interface AnsweringWrites {
  /** Sent straight to Harvest, for the queue to fall back from. */
  send: Writes;
  /** Harvest's JSON of an entry a write just answered with (asked again when it was not held). */
  answerFor(entry: TimeEntry): Promise<WireTimeEntry>;
}

export function answeringWrites(services: Pick<AccountServices, 'entries' | 'timers' | 'call'>): AnsweringWrites {
  const { entries, timers } = services;
  const answers = new Map<number, WireTimeEntry>();
  const held = (wire: WireTimeEntry): TimeEntry => {
    answers.set(wire.id, wire);
    return toTimeEntry(wire);
  };
  return {
    send: {
      create: async (request) => held(await entries.createWire(request)),
      start: async (request) => held(await timers.startWire(request)),
      // Harvest's own 404 for an id it does not know: a script may have mistyped it, so unlike the
      // popover (which showed the entry) it is not said to be "deleted elsewhere", nor a delete done.
      stop: async (request) => held(await timers.stopWire(request)),
      stopRunning: async () => {
        const wire = await timers.stopRunningWire();
        return wire === null ? null : held(wire);
      },
      restart: async (request) => held(await timers.restartWire(request)),
      update: async (request) => held(await entries.updateWire(request)),
      delete: (request) => entries.delete(request),
      quickRestart: async () => {
        const { action, entry } = await timers.quickRestartWire();
        return { action, entry: entry === null ? null : held(entry) };
      },
    },
    async answerFor(entry) {
      if (entry.pending !== undefined) {
        throw new AppFailure({ kind: 'unexpected', message: 'This entry is not in Harvest yet.' });
      }
      const answer = answers.get(entry.id);
      answers.delete(entry.id);
      return answer ?? services.call((client) => client.getTimeEntry(entry.id));
    },
  };
}
