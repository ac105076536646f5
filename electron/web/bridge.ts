// The web host's HTTP bridge: the same handler map the desktop registers over IPC, reached over
// loopback HTTP. One loop over the contract (POST /api/<channel> -> dispatch), events over SSE,
// the built renderer as static files (or, for `npm run dev`, Vite's dev server: see dev/). Bound to 127.0.0.1 only, and every /api request (the event
// stream included) needs the session key in its header, which only the page opened from the
// printed URL holds (see sessionKey.ts). The static files hold no secret and need no key.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel, type Handlers, type Reply } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { dispatch } from '../core/app/dispatch';
import type { EventStream } from './eventStream';
import { DEFAULT_BODY_LIMIT_BYTES, readJsonBody } from './readJsonBody';
import { SECURITY_HEADERS } from './securityHeaders';
import { isSameKey, keyFromHeaders, newSessionKey, sessionUrl } from './sessionKey';
import { createStaticFiles } from './staticFiles';

export const LOOPBACK_HOST = '127.0.0.1';
const API_PREFIX = '/api/';
const EVENTS_PATH = '/api/events';

export interface BridgeOptions {
  handlers: Handlers;
  events: EventStream;
  /** The built renderer, normally out/renderer. */
  rendererDir: string;
  /** The page-side bridge (installWebBridge) as a browser script, served at /web-bridge.js. */
  pageScript: string;
  /** 0 or absent: a free port. */
  port?: number;
  bodyLimitBytes?: number;
  /** What serves the page instead of the built renderer in rendererDir (development). */
  pages?: StartPages;
}

/** Serves every path outside /api/ (after the bridge's own checks of Host). */
export interface Pages {
  /** Answers a GET or HEAD; false when there is no such page (the bridge answers 404). */
  serve(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export interface PagesContext {
  /** The bridge's HTTP server, already listening (Vite's hot reload shares its port). */
  server: Server;
  origin: string;
  pageScript: string;
}

export type StartPages = (context: PagesContext) => Promise<Pages>;

export interface Bridge {
  /** Where the page lives, e.g. http://127.0.0.1:5173 (also the only Origin accepted). */
  origin: string;
  port: number;
  /** The URL to open: the origin with this start's session key in its fragment. */
  url: string;
  close(): Promise<void>;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const key = newSessionKey();
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  let port = 0;
  // Set once listening: the dev server needs the port. Nobody has the URL before then.
  let pages: Promise<Pages> | undefined = undefined;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // Nothing thrown here may reach the page with details (or take the host down).
      if (!response.headersSent) sendReply(response, 500, failure('unexpected', 'The web host could not answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = `http://${LOOPBACK_HOST}:${port}`;
    // DNS rebinding: a foreign name resolving to 127.0.0.1 arrives with its own Host header.
    if (request.headers.host !== `${LOOPBACK_HOST}:${port}`) {
      return sendText(response, 403, 'This address is not served here.');
    }
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname.startsWith(API_PREFIX)) {
      const requestOrigin = request.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) {
        return sendReply(response, 403, failure('forbidden', 'Requests from other sites are refused.'));
      }
      // Cookies and forged same-origin headers prove nothing here; only the key does.
      if (!isSameKey(key, keyFromHeaders(request.headers))) {
        return sendReply(response, 401, failure('forbidden', SESSION_ENDED));
      }
      return handleApi(request, response, url.pathname);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Only GET is served here.', { Allow: 'GET, HEAD' });
    }
    const served = await (await pages)?.serve(request, response);
    if (served) return;
    // Browsers ask for a favicon on their own; an empty answer keeps the console free of a 404.
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
      return void response.end();
    }
    sendText(response, 404, 'Not found.');
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, pathname: string) {
    if (pathname === EVENTS_PATH) {
      if (request.method !== 'GET') return sendReply(response, 405, failure('validation', 'Use GET for events.'));
      return options.events.attach(response);
    }
    if (request.method !== 'POST') {
      return sendReply(response, 405, failure('validation', 'Requests are sent with POST.'));
    }
    // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      return sendReply(response, 415, failure('validation', 'Requests are sent as JSON.'));
    }
    const body = await readJsonBody(request, bodyLimit);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? sendReply(response, 413, failure('validation', 'The request is too large.'), { Connection: 'close' })
        : sendReply(response, 400, failure('validation', 'The request was not valid JSON.'));
    }
    const channel = safeDecode(pathname.slice(API_PREFIX.length));
    // A name the contract does not have is a path this host does not serve, like any other 404.
    if (!isChannel(channel)) {
      return sendReply(response, 404, failure('validation', `Unknown request "${channel.slice(0, 60)}".`));
    }
    sendReply(response, 200, await dispatch(options.handlers, channel, body.value));
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_HOST}:${port}`;
  const startPages = options.pages ?? builtPages(options.rendererDir);
  pages = startPages({ server, origin, pageScript: options.pageScript });
  try {
    await pages;
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    origin,
    port,
    url: sessionUrl(origin, key),
    close: async () => {
      options.events.close();
      await (await pages)?.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}

/** The built renderer as static files: what every host but `npm run dev` serves. */
function builtPages(rendererDir: string): StartPages {
  return async ({ pageScript }) => {
    const files = createStaticFiles({ root: rendererDir, pageScript });
    return {
      serve: (request, response) => files.serve(new URL(request.url ?? '/', 'http://page').pathname, response, request.method === 'HEAD'),
      close: async () => {},
    };
  };
}

const SESSION_ENDED =
  'This page is not signed in to the Harvest Tray web host (or the host restarted). Open the link the web host printed when it started.';

function failure(kind: AppError['kind'], message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sendReply(
  response: ServerResponse,
  status: number,
  reply: Reply<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(reply);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
