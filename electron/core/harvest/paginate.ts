// Harvest lists come in pages. Following `links.next` until it is null is the one loop that works
// for both page-based and cursor-based lists: on cursor lists `page` and `next_page` are null on
// middle pages, so a loop driven by them would stop early (paginate.test.ts shows both kinds).
import * as z from 'zod';
import { HarvestFailure } from './errors';

/** The part of every list reply that pagination needs, plus the list itself under `key`. */
export function pageSchema<Key extends string, Item extends z.ZodType>(key: Key, item: Item) {
  return z.object({
    [key]: z.array(item),
    links: z.object({ next: z.string().nullish() }),
  } as { [K in Key]: z.ZodArray<Item> } & { links: z.ZodObject<{ next: z.ZodOptional<z.ZodNullable<z.ZodString>> }> });
}

export interface Page<Item> {
  items: Item[];
  next: string | null;
}

// A safety net against a server that keeps pointing onwards: 1000 pages of 2000 is 2 million rows.
const MAX_PAGES = 1000;

/**
 * Fetches the first page and every page after it, in order. `links.next` is only followed on the
 * origin the first page came from: the token goes with every request, so a reply must not be able
 * to send it somewhere else.
 */
export async function collectAllPages<Item>(
  firstUrl: URL,
  fetchPage: (url: URL) => Promise<Page<Item>>,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let url: URL | null = firstUrl;
  while (url) {
    if (seen.has(url.href) || seen.size >= MAX_PAGES) throw paginationFailure('Harvest kept pointing to pages already read.');
    seen.add(url.href);
    const page: Page<Item> = await fetchPage(url);
    items.push(...page.items);
    url = page.next ? nextPageUrl(page.next, firstUrl) : null;
  }
  return items;
}

function nextPageUrl(next: string, firstUrl: URL): URL {
  let url: URL;
  try {
    url = new URL(next, firstUrl);
  } catch {
    throw paginationFailure('Harvest sent a link to the next page that is not a web address.');
  }
  if (url.origin !== firstUrl.origin) {
    throw paginationFailure('Harvest sent a link to the next page on another server; Harvest Tray did not follow it.');
  }
  return url;
}

function paginationFailure(message: string): HarvestFailure {
  return new HarvestFailure({ kind: 'unexpected', message });
}
