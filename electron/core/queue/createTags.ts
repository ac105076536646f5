// Every create the core sends carries an external reference, the id of the change that made it,
// so a create whose answer was lost can be found in Harvest instead of being sent twice. The tag
// travels with the work (AsyncLocalStorage) from the edge that keeps changes to the client, so
// the entry and timer services need not know about it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { HarvestClient } from '../harvest/HarvestClient';
import type { WireTimeEntry } from '../harvest/wire';

export const EXTERNAL_REFERENCE_GROUP = 'harvest-tray';

/** The change a piece of work belongs to, and the entry its create made, once Harvest answered. */
export interface CreateTag {
  reference: string;
  created: WireTimeEntry | null;
}

const tags = new AsyncLocalStorage<CreateTag>();

/** A new change id ("chg-…"): the queue's id for it, and its create's external reference. */
export function newChangeId(): string {
  return `chg-${randomUUID()}`;
}

/** Runs `work` with creates tagged by `tag.reference`; `tag.created` tells whether one got through. */
export function withCreateTag<T>(tag: CreateTag, work: () => Promise<T>): Promise<T> {
  return tags.run(tag, work);
}

/** The client, with each create tagged (by the work's change, or by a fresh id). */
export function taggingCreates(client: HarvestClient): HarvestClient {
  return {
    ...client,
    async createTimeEntry(entry, options) {
      const tag = tags.getStore();
      const externalReference = entry.externalReference ?? {
        id: tag?.reference ?? newChangeId(),
        groupId: EXTERNAL_REFERENCE_GROUP,
      };
      const created = await client.createTimeEntry({ ...entry, externalReference }, options);
      if (tag !== undefined && tag.reference === externalReference.id) tag.created = created;
      return created;
    },
  };
}
