// The web host's only credential: a random key printed in the URL once per start, traded by the
// page for a cookie. Anything else on this machine (another user's browser tab, a web page doing
// DNS rebinding) can reach 127.0.0.1 but cannot read the terminal, so it cannot know the key.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSessionKey(): string {
  return randomBytes(32).toString('base64url');
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

/**
 * Cookies are shared by every port of 127.0.0.1, so each host names its cookie after its port:
 * two web hosts running at once do not overwrite each other's session.
 */
export function sessionCookieName(port: number): string {
  return `harvest_tray_${port}`;
}

export function sessionCookieHeader(port: number, key: string): string {
  // No Max-Age: the cookie lives as long as the browser session, and the key dies with the host.
  return `${sessionCookieName(port)}=${key}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * Reads one cookie's value from a Cookie header. A full cookie parser is not needed: our value is
 * base64url (no quoting, no escapes), and anything else simply fails the key comparison.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
