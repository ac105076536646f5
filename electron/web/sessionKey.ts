// The web host's only credential: a random key printed once per start in the URL's fragment
// (`/#key=…`), which browsers never send to any server. The page keeps it in sessionStorage,
// which belongs to this origin alone (scheme, host and port), and sends it in a header with every
// bridge request. Nothing else on this machine can read the terminal or that storage.
//
// Not a cookie: a cookie set by 127.0.0.1 goes to every port of 127.0.0.1, so any other local
// web service the browser visits would receive it and could replay it with forged headers.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Lower case, as Node presents request headers. A custom header also forces a CORS preflight. */
export const SESSION_KEY_HEADER = 'x-harvest-tray-key';

export function newSessionKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The URL to open: the page reads the key from the fragment and drops it from the address bar. */
export function sessionUrl(origin: string, key: string): string {
  return `${origin}/#key=${key}`;
}

export function keyFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[SESSION_KEY_HEADER];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Constant-time comparison, so response timing does not leak how much of a guess was right.
 * Hashing first gives both sides the same length, which timingSafeEqual requires.
 */
export function isSameKey(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined || candidate.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(candidate));
}
