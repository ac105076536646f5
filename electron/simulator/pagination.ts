// Harvest's list envelopes. Two flavours:
// - page-based (/time_entries, /users/me/project_assignments): page, next_page, previous_page and
//   links with page numbers;
// - cursor-based (/projects, /clients, /tasks, /users, since April 2023): links.next carries
//   `cursor=…&per_page=…&ref=next_cursor`, and page/next_page/previous_page are null on every page
//   but the first and the last, so a client driven by next_page stops early (on purpose: clients
//   must follow links.next).
import { unprocessable } from './http';

export const MAX_PER_PAGE = 2000;

/** Query parameters that belong to paging or auth and are never copied into links. */
const NON_FILTER_PARAMS = new Set(['page', 'per_page', 'cursor', 'ref', 'access_token', 'account_id']);

export interface PageWindow {
  offset: number;
  perPage: number;
  /** True when the client navigated with a cursor (middle pages then carry no page numbers). */
  viaCursor: boolean;
}

function positiveInteger(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw unprocessable(`${name} must be an integer`);
  return Number(raw);
}

/** Reads page/per_page/cursor; `pageSizeCap` is the simulator's knob for forcing several pages. */
export function readPageWindow(url: URL, pageSizeCap: number, cursorAllowed: boolean): PageWindow {
  const requested = positiveInteger(url, 'per_page') ?? MAX_PER_PAGE;
  if (requested < 1 || requested > MAX_PER_PAGE) {
    throw unprocessable(`per_page must be between 1 and ${MAX_PER_PAGE}`);
  }
  const perPage = Math.min(requested, Math.max(1, pageSizeCap));
  const cursor = cursorAllowed ? url.searchParams.get('cursor') : null;
  // page and cursor are mutually exclusive; when both are sent the cursor wins.
  if (cursor !== null && cursor !== '') return { offset: decodeCursor(cursor), perPage, viaCursor: true };
  const page = positiveInteger(url, 'page') ?? 1;
  if (page < 1) throw unprocessable('page must be 1 or more');
  return { offset: (page - 1) * perPage, perPage, viaCursor: false };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && 'offset' in parsed) {
      const offset = (parsed as { offset: unknown }).offset;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // fall through
  }
  throw unprocessable('cursor is invalid');
}

function linkTo(origin: string, url: URL, paging: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (!NON_FILTER_PARAMS.has(key)) params.append(key, value);
  }
  for (const [key, value] of Object.entries(paging)) params.set(key, value);
  return `${origin}${url.pathname}?${params.toString()}`;
}

export interface ListEnvelopeInput<T> {
  /** The collection's key, e.g. "time_entries". */
  key: string;
  items: readonly T[];
  window: PageWindow;
  url: URL;
  /** The simulator's own origin, so links are absolute like Harvest's. */
  origin: string;
  cursorPaged: boolean;
}

export function listEnvelope<T>(input: ListEnvelopeInput<T>): Record<string, unknown> {
  const { key, items, window, url, origin, cursorPaged } = input;
  const { offset, perPage } = window;
  const totalEntries = items.length;
  const totalPages = Math.max(1, Math.ceil(totalEntries / perPage));
  const page = Math.floor(offset / perPage) + 1;
  const slice = items.slice(offset, offset + perPage);
  const hasNext = offset + perPage < totalEntries;
  const hasPrevious = offset > 0;
  const perPageText = String(perPage);

  const pageNumbers = {
    page,
    next_page: hasNext ? page + 1 : null,
    previous_page: hasPrevious ? page - 1 : null,
  };

  if (!cursorPaged) {
    return {
      [key]: slice,
      per_page: perPage,
      total_pages: totalPages,
      total_entries: totalEntries,
      ...pageNumbers,
      links: {
        first: linkTo(origin, url, { page: '1', per_page: perPageText }),
        next: hasNext ? linkTo(origin, url, { page: String(page + 1), per_page: perPageText }) : null,
        previous: hasPrevious ? linkTo(origin, url, { page: String(page - 1), per_page: perPageText }) : null,
        last: linkTo(origin, url, { page: String(totalPages), per_page: perPageText }),
      },
    };
  }

  const isEdgePage = !hasPrevious || !hasNext;
  const showPageNumbers = isEdgePage || !window.viaCursor;
  return {
    [key]: slice,
    per_page: perPage,
    total_pages: totalPages,
    total_entries: totalEntries,
    page: showPageNumbers ? pageNumbers.page : null,
    next_page: showPageNumbers ? pageNumbers.next_page : null,
    previous_page: showPageNumbers ? pageNumbers.previous_page : null,
    links: {
      first: linkTo(origin, url, { page: '1', per_page: perPageText, ref: 'first' }),
      next: hasNext
        ? linkTo(origin, url, { cursor: encodeCursor(offset + perPage), per_page: perPageText, ref: 'next_cursor' })
        : null,
      previous: hasPrevious
        ? linkTo(origin, url, {
            cursor: encodeCursor(Math.max(0, offset - perPage)),
            per_page: perPageText,
            ref: 'previous_cursor',
          })
        : null,
      last: linkTo(origin, url, { page: String(totalPages), per_page: perPageText, ref: 'last' }),
    },
  };
}
