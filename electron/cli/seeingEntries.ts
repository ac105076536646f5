// What the command line and the MCP server see of an account's entries, for a later command run
// while Harvest cannot be reached (see ../core/app/seenEntriesFile.ts): every entry a request
// answered with, and every entry deleted, written to the account's file as soon as seen.
import type { TimeEntry } from '../../shared/domain';
import { toTimeEntry } from '../core/app/mapping';
import type { AccountScope } from '../core/app/accountScope';
import type { SeenEntriesFile } from '../core/app/seenEntriesFile';
import type { HarvestClient } from '../core/harvest/HarvestClient';
import type { WireTimeEntry } from '../core/harvest/wire';

export interface SeeingEntries {
  client: HarvestClient;
  /** Waits for what was seen to be on disk. */
  settle(): Promise<void>;
}

export function seeingEntries(client: HarvestClient, file: SeenEntriesFile, scope: AccountScope): SeeingEntries {
  // One write after another, so the file ends with every batch.
  let writing: Promise<void> = Promise.resolve();
  const record = (seen: TimeEntry[], deleted: number[] = []) => {
    writing = writing.then(() => file.remember(scope, seen, deleted)).catch(() => {
      // A cache: a data folder that cannot be written loses only what a later offline command knows.
    });
  };
  const saw = (wire: WireTimeEntry): WireTimeEntry => {
    record([toTimeEntry(wire)]);
    return wire;
  };
  return {
    client: {
      ...client,
      listTimeEntries: async (filter, options) => {
        const entries = await client.listTimeEntries(filter, options);
        record(entries.map(toTimeEntry));
        return entries;
      },
      getTimeEntry: async (id, options) => saw(await client.getTimeEntry(id, options)),
      createTimeEntry: async (entry, options) => saw(await client.createTimeEntry(entry, options)),
      updateTimeEntry: async (id, patch, options) => saw(await client.updateTimeEntry(id, patch, options)),
      restartTimeEntry: async (id, options) => saw(await client.restartTimeEntry(id, options)),
      stopTimeEntry: async (id, options) => saw(await client.stopTimeEntry(id, options)),
      deleteTimeEntry: async (id, options) => {
        await client.deleteTimeEntry(id, options);
        record([], [id]);
      },
    },
    settle: () => writing,
  };
}
