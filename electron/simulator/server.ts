// The simulator's HTTP server: knobs first (offline, latency, scripted failures), then Harvest's
// own checks in Harvest's order (User-Agent, token and account, rate limit) and the routes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { accountIdOf, hasUserAgent, tokenOf } from './auth';
import { HarvestHttpError, readBody, sendReply, unauthorized, type Reply } from './http';
import type { Simulator, SimulatorKnobs, SimulatorOptions } from './types';
import { handleKnobRequest } from './knobRoutes';
import { KnobState } from './knobs';
import { MAX_PER_PAGE } from './pagination';
import { RateLimiter } from './rateLimiter';
import { matchRoute } from './router';
import { adminRoutes } from './routes/admin';
import { meRoutes } from './routes/me';
import { timeEntryRoutes } from './routes/timeEntries';
import { buildWorld } from './sampleData';
import { SimStore } from './store';

const ROUTES = [...meRoutes, ...timeEntryRoutes, ...adminRoutes];
const KNOB_PREFIX = '/__sim/';
const ACCOUNTS_PATH = '/api/v2/accounts';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date());
  const sampleData = options.sampleData ?? true;
  const knobState = new KnobState({
    latencyMs: options.latencyMs ?? 0,
    pageSize: options.pageSize ?? MAX_PER_PAGE,
    rateLimit: options.rateLimit ?? { max: 100, windowMs: 15_000 },
  });
  const limiter = new RateLimiter(knobState.rateLimit.max, knobState.rateLimit.windowMs, () => now().getTime());
  const store = new SimStore(buildWorld(now(), sampleData), now);
  let origin = '';

  const knobs: SimulatorKnobs = {
    setLatency: (ms) => {
      knobState.latencyMs = ms;
    },
    failNext: (failure) => knobState.failNext(failure),
    setOffline: (offline) => {
      knobState.offline = offline;
    },
    setRateLimit: (max, windowMs) => {
      knobState.rateLimit = { max, windowMs };
      limiter.configure(max, windowMs);
    },
    setPageSize: (size) => {
      knobState.pageSize = size;
    },
    revokeToken: (token) => store.revokeToken(token),
    setChaos: (chaos) => knobState.setChaos(chaos),
    requestCount: () => knobState.requestCount(),
    reset: () => {
      knobState.reset();
      limiter.configure(knobState.rateLimit.max, knobState.rateLimit.windowMs);
      store.replaceWorld(buildWorld(now(), sampleData));
    },
  };

  /** The accounts list on the ID host: Bearer token, no account header. */
  function accountsReply(req: IncomingMessage, url: URL): Reply {
    const token = tokenOf(req, url);
    const accounts = token === null ? null : store.accountsFor(token);
    if (token === null || accounts === null) throw unauthorized();
    rateLimit(token);
    const { identity } = store;
    return {
      status: 200,
      body: {
        user: { id: identity.id, first_name: identity.firstName, last_name: identity.lastName, email: identity.email },
        accounts: accounts.map(({ id, name, product }) => ({ id, name, product })),
      },
    };
  }

  function rateLimit(token: string): void {
    const retryAfter = limiter.take(token);
    if (retryAfter > 0) {
      throw new HarvestHttpError(
        429,
        { message: `API rate limit exceeded. Try again in ${retryAfter} seconds.`, retry_after: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
  }

  async function apiReply(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    if (url.pathname === ACCOUNTS_PATH && method === 'GET') return accountsReply(req, url);
    if (!url.pathname.startsWith('/v2/')) throw new HarvestHttpError(404, { message: 'Not found' });
    if (!hasUserAgent(req)) {
      throw new HarvestHttpError(400, { message: 'Missing User-Agent header: send "AppName (contact)"' });
    }
    const token = tokenOf(req, url);
    const accountId = accountIdOf(req, url);
    const viewer = token === null || accountId === null ? null : store.viewerFor(token, accountId);
    // Harvest answers a missing or foreign Harvest-Account-Id with the same 401 as a bad token.
    if (token === null || viewer === null) throw unauthorized();
    rateLimit(token);
    const matched = matchRoute(ROUTES, method, url.pathname);
    if (!matched) throw new HarvestHttpError(404, { message: 'Not found' });
    const body = method === 'POST' || method === 'PATCH' ? await readBody(req) : {};
    return matched.handler({ store, viewer, url, origin, ids: matched.ids, body, pageSize: knobState.pageSize });
  }

  function errorReply(error: unknown): Reply {
    if (error instanceof HarvestHttpError) return error.toReply();
    return { status: 500, body: { message: 'Internal Server Error' } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith(KNOB_PREFIX)) {
      try {
        const body = req.method === 'POST' ? await readBody(req) : {};
        sendReply(res, handleKnobRequest(req.method ?? 'GET', url.pathname, body, knobs));
      } catch (error) {
        sendReply(res, errorReply(error));
      }
      return;
    }
    knobState.countRequest();
    if (knobState.offline) {
      req.socket.destroy();
      return;
    }
    const chaos = knobState.drawChaos();
    const latency = knobState.latencyMs + chaos.delayMs;
    if (latency > 0) await sleep(latency);
    const scripted =
      knobState.takeFailure(url.pathname) ??
      (chaos.kind === 'drop' || chaos.kind === 'drop-after-write'
        ? { kind: 'drop' as const, afterWrite: chaos.kind === 'drop-after-write' }
        : chaos.kind === 'server-error'
          ? { kind: 'reply' as const, reply: { status: 503, body: { message: 'Service Unavailable' } } }
          : null);
    if (scripted?.kind === 'drop') {
      // After the write: Harvest did it, and the answer never arrives.
      if (scripted.afterWrite) await apiReply(req, url).catch(() => undefined);
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (scripted?.kind === 'reply') {
      reply = scripted.reply;
    } else {
      try {
        reply = await apiReply(req, url);
      } catch (error) {
        reply = errorReply(error);
      }
    }
    if (!res.destroyed) sendReply(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendReply(res, { status: 500, body: { message: 'Internal Server Error' } });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  origin = `http://${urlHost}:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}/v2`,
    knobs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
