// Reads a request body as JSON with a size cap, so a stray or hostile client cannot make the host
// buffer without end. The cap fits the largest request in the contract (the query cache snapshot).
import type { IncomingMessage } from 'node:http';

export const DEFAULT_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-large' | 'not-json' };

export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, reason: 'too-large' };

  // Events rather than for-await: leaving a for-await loop early destroys the socket, and the
  // client should still get its 413 reply.
  const collected = await new Promise<Buffer[] | null>((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      resolveBody(null);
    };
    request.on('data', onData);
    request.once('end', () => resolveBody(chunks));
    request.once('error', rejectBody);
  });
  if (collected === null) return { ok: false, reason: 'too-large' };
  const text = Buffer.concat(collected).toString('utf8');
  // An empty body means "no arguments", as for the channels whose request is `{}`.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not-json' };
  }
}
