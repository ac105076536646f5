// Sends a delete whose undo window has passed. The entry leaves the cache first, so it cannot
// flash back between the undo toast closing and Harvest's answer; a refusal puts it back.
import type { QueryClient } from '@tanstack/react-query';
import type { TimeEntry } from '../../../shared/domain';
import { call, describeError } from './bridge';
import { removeEntry, upsertEntry } from './entryCache';
import { queryKeys } from './queryKeys';

export async function sendDelete(
  client: QueryClient,
  entry: TimeEntry,
  onRefused: (message: string) => void,
): Promise<void> {
  removeEntry(client, entry.id);
  try {
    await call('entries.delete', { id: entry.id });
  } catch (error) {
    upsertEntry(client, entry);
    onRefused(`The entry was not deleted: ${describeError(error)}`);
  } finally {
    await client.invalidateQueries({ queryKey: queryKeys.entriesAll });
  }
}
