// Requests to a running simulator the way a Harvest client sends them (Bearer token,
// Harvest-Account-Id, User-Agent), returning status, headers and parsed JSON for assertions.
import { get as httpGet } from 'node:http';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, type Simulator } from '../index';

export interface HarvestReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface Credentials {
  token?: string | null;
  accountId?: number | null;
  userAgent?: string | null;
}

export interface HarvestRequester {
  get(path: string): Promise<HarvestReply>;
  post(path: string, body?: unknown): Promise<HarvestReply>;
  patch(path: string, body?: unknown): Promise<HarvestReply>;
  delete(path: string): Promise<HarvestReply>;
  /** Follows an absolute URL (e.g. links.next) with the same credentials. */
  getUrl(url: string): Promise<HarvestReply>;
}

export async function toReply(response: Response): Promise<HarvestReply> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export function harvestRequester(sim: Simulator, credentials: Credentials = {}): HarvestRequester {
  const token = credentials.token === undefined ? SIMULATOR_TOKENS.multi : credentials.token;
  const accountId = credentials.accountId === undefined ? SIMULATOR_ACCOUNTS.duration : credentials.accountId;
  const userAgent = credentials.userAgent === undefined ? 'Harvest Tray tests (tests@harvest-tray.example)' : credentials.userAgent;
  const headers = (): Record<string, string> => ({
    ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    ...(accountId === null ? {} : { 'Harvest-Account-Id': String(accountId) }),
    ...(userAgent === null ? {} : { 'User-Agent': userAgent }),
  });
  const send = async (method: string, url: string, body?: unknown): Promise<HarvestReply> => {
    const init: RequestInit = { method, headers: headers() };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...headers(), 'Content-Type': 'application/json' };
    }
    return toReply(await fetch(url, init));
  };
  return {
    get: (path) => send('GET', `${sim.apiUrl}${path}`),
    post: (path, body) => send('POST', `${sim.apiUrl}${path}`, body),
    patch: (path, body) => send('PATCH', `${sim.apiUrl}${path}`, body),
    delete: (path) => send('DELETE', `${sim.apiUrl}${path}`),
    getUrl: (url) => send('GET', url),
  };
}

/** A clock tests move by hand; starts at a local Wednesday afternoon so today's sample entries are in the past. */
export function manualClock(start = new Date(2026, 2, 11, 14, 0, 0)): { now: () => Date; advanceMinutes(minutes: number): void } {
  let current = start;
  return {
    now: () => current,
    advanceMinutes(minutes) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}

/** A GET through node:http, which (unlike fetch) adds no User-Agent of its own. */
export function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text === '' ? null : (JSON.parse(text) as unknown) });
      });
    });
    request.on('error', reject);
  });
}
