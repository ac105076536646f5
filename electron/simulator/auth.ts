// Harvest's credentials: `Authorization: Bearer <token>` or `?access_token=` for the token,
// `Harvest-Account-Id` or `?account_id=` for the account.
import type { IncomingMessage } from 'node:http';

export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  const query = url.searchParams.get('access_token');
  return query === null || query === '' ? null : query;
}

export function accountIdOf(req: IncomingMessage, url: URL): number | null {
  const header = req.headers['harvest-account-id'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('account_id');
  if (raw === null || raw === undefined || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

export function hasUserAgent(req: IncomingMessage): boolean {
  const agent = req.headers['user-agent'];
  return agent !== undefined && agent.trim() !== '';
}
