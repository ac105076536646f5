// A stand-in for fetch that answers from a script and records what was sent, for unit tests.
export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

export type Answer = Response | Error | ((signal: AbortSignal) => Promise<Response>);

export function scriptedFetch(answer: (request: SentRequest, index: number) => Answer) {
  const sent: SentRequest[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request: SentRequest = {
      url: new URL(input instanceof Request ? input.url : input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    sent.push(request);
    const reply = answer(request, sent.length - 1);
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(init.signal ?? new AbortController().signal);
    return reply;
  };
  return { fetch: fetchFn as typeof fetch, sent };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** What Node's fetch throws when the socket fails: a TypeError with the socket error as cause. */
export function networkError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`socket: ${code}`), { code }) });
}

/** Never answers; rejects when the request is aborted, as fetch does. */
export function hang(): (signal: AbortSignal) => Promise<Response> {
  return (signal) =>
    new Promise<Response>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
}
