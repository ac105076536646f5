// Replies and errors in Harvest's shapes, and request-body parsing (JSON or form data, both of
// which Harvest accepts on POST/PATCH).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  /** undefined: an empty body (Harvest's DELETE replies carry none). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by routes and rules; the server turns it into the reply. */
export class HarvestHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Harvest simulator replied ${status}`);
  }

  toReply(): Reply {
    return { status: this.status, body: this.body, headers: this.headers };
  }
}

export const INVALID_TOKEN_BODY = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
} as const;

export function unauthorized(): HarvestHttpError {
  return new HarvestHttpError(401, INVALID_TOKEN_BODY);
}

export function notFound(): HarvestHttpError {
  return new HarvestHttpError(404, { message: 'Not found' });
}

export function forbidden(message: string): HarvestHttpError {
  return new HarvestHttpError(403, { message });
}

export function unprocessable(message: string): HarvestHttpError {
  return new HarvestHttpError(422, { message });
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, { ...headers, 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

const MAX_BODY_BYTES = 1_000_000;

export type RequestBody = Record<string, unknown>;

/** JSON or application/x-www-form-urlencoded; an empty body is `{}`. */
export async function readBody(req: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HarvestHttpError(413, { message: 'Request body too large' });
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as RequestBody;
  } catch {
    // fall through to the 400 below
  }
  throw new HarvestHttpError(400, { message: 'The request body is not valid JSON' });
}
