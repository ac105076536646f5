// A core wired to a real Harvest simulator over HTTP, recording every reply and event, for the
// integration tests of the handler map. It also holds the core to the contract: every reply and
// event is parsed with its schema (shared/contract.ts), and a shape that does not fit fails the
// test that produced it. That is where the response and event schemas are enforced: at run time
// the core builds them from Harvest data already parsed at its own boundary (harvest/wire.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels, events as eventSchemas, isChannel, type EventName, type EventPayload, type Reply } from '../../../../shared/contract';
import type { ShortcutStatus } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import type { RateLimiter } from '../../harvest/rateLimiter';
import type { AppConfig, TokenVault } from '../../ports';
import { AccountBook } from '../../accounts/accountBook';
import { AccountRegistry } from '../../accounts/accountRegistry';
import { probeKeyring } from '../../accounts/keyringStore';
import { plaintextStore } from '../../accounts/plaintextStore';
import type { SecretStore } from '../../accounts/secretStore';
import { fakeKeyring, type FakeKeyring } from '../../accounts/testing/fakeKeyring';
import { createHarvestClient } from '../../harvest/createHarvestClient';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../simulator';
import type { Core, CoreOptions, HostHooks } from '../Core';
import { createCore } from '../createCore';
import { dispatch } from '../dispatch';
import { createMemoryStore, createMemoryVault, type MemoryStore } from '../memory';

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export interface Harness {
  sim: Simulator;
  core: Core;
  store: MemoryStore;
  vault: TokenVault;
  /** The named accounts, as the desktop keeps them: a file in the data folder and a keyring. */
  book: AccountBook;
  keyring: FakeKeyring;
  config: AppConfig;
  events: RecordedEvent[];
  replies: unknown[];
  opened: string[];
  hidden: number;
  settingsSeen: unknown[];
  /** Calls a channel through dispatch, as both bridges do; returns the value or throws the error. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Signs in and waits for the refresh a sign-in starts, so scripted failures hit the test's own requests. */
  signIn(token: string, accountId?: number): Promise<void>;
  /** Calls a channel and returns the error it must fail with. */
  fail(channel: string, input?: unknown): Promise<AppError>;
  eventsOf<E extends EventName>(event: E): Array<EventPayload<E>>;
  /** A second core over the same store, vault and simulator (an app restart). */
  restart(overrides?: Partial<HarnessOptions>): Promise<Harness>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: () => Date;
  vault?: TokenVault;
  /** Kept across restart() like the data folder: the system keyring outlives the app. */
  keyring?: FakeKeyring;
  /** The tray's own store (safeStorage) where the keyring does not answer; none by default. */
  hostStore?: SecretStore;
  store?: MemoryStore;
  config?: Partial<AppConfig>;
  simulator?: SimulatorOptions;
  sim?: Simulator;
  dataDir?: string;
  rateLimiter?: RateLimiter;
  queueTuning?: CoreOptions['queueTuning'];
  clientRetry?: CoreOptions['clientRetry'];
  /** What the core sends through (a bench counts the answers); globalThis.fetch by default. */
  fetch?: typeof fetch;
}

const SHORTCUTS: ShortcutStatus[] = [
  { action: 'togglePopover', accelerator: 'CommandOrControl+Alt+H', registered: true, problem: null },
];

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownsSim = options.sim === undefined;
  const sim =
    options.sim ?? (await startSimulator({ ...(options.now ? { now: options.now } : {}), ...options.simulator }));
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'harvest-tray-core-')));
  const store = options.store ?? createMemoryStore();
  const vault = options.vault ?? createMemoryVault();
  const keyring = options.keyring ?? fakeKeyring();
  const book = new AccountBook({
    registry: new AccountRegistry(dataDir),
    keyring: () => probeKeyring({ entries: async () => keyring.entries, platform: 'linux', disabled: false }),
    hostStore: async () => options.hostStore ?? null,
    plaintext: plaintextStore(dataDir),
    createClient: createHarvestClient,
    now: options.now ?? (() => new Date()),
    consentHint: 'Agree to that to stay signed in.',
  });
  const config: AppConfig = {
    apiUrl: sim.apiUrl,
    idUrl: sim.url,
    envCredentials: null,
    dataDir,
    demo: false,
    ...options.config,
  };
  const events: RecordedEvent[] = [];
  const replies: unknown[] = [];
  const opened: string[] = [];
  const settingsSeen: unknown[] = [];
  const contractBreaches: string[] = [];
  let hidden = 0;
  const host: HostHooks = {
    shortcutsStatus: () => SHORTCUTS,
    openExternal: async (url) => {
      opened.push(url);
    },
    hidePopover: () => {
      hidden += 1;
    },
    settingsChanged: (settings) => settingsSeen.push(settings),
  };
  const core = await createCore({
    config,
    accounts: book,
    vault,
    store,
    host,
    emit: (event, payload) => {
      const parsed = eventSchemas[event].safeParse(payload);
      if (!parsed.success) contractBreaches.push(`event ${event}: ${parsed.error.message}`);
      events.push({ event, payload });
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.queueTuning ? { queueTuning: options.queueTuning } : {}),
    ...(options.clientRetry ? { clientRetry: options.clientRetry } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function reply(channel: string, input?: unknown): Promise<Reply<unknown>> {
    const result = await dispatch(core.handlers, channel, input ?? {});
    replies.push(result);
    if (result.ok && isChannel(channel)) {
      const parsed = channels[channel].response.safeParse(result.value);
      if (!parsed.success) contractBreaches.push(`reply to ${channel}: ${parsed.error.message}`);
    }
    assertContractKept();
    return result;
  }
  function assertContractKept(): void {
    if (contractBreaches.length > 0) throw new Error(`The core broke the contract:\n${contractBreaches.join('\n')}`);
  }

  const harness: Harness = {
    sim,
    core,
    store,
    vault,
    book,
    keyring,
    config,
    events,
    replies,
    opened,
    get hidden() {
      return hidden;
    },
    settingsSeen,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const result = await reply(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value as T;
    },
    async signIn(token: string, accountId?: number): Promise<void> {
      await harness.call('session.signIn', { token, ...(accountId === undefined ? {} : { accountId }) });
      // Joins the refresh the sign-in started instead of starting another.
      await core.refresh();
    },
    async fail(channel: string, input?: unknown): Promise<AppError> {
      const result = await reply(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(result.value)}`);
      return result.error;
    },
    eventsOf<E extends EventName>(event: E): Array<EventPayload<E>> {
      return events.filter((recorded) => recorded.event === event).map((recorded) => recorded.payload as EventPayload<E>);
    },
    restart: (overrides = {}) =>
      startHarness({ ...options, sim, store, vault, keyring, dataDir, ...overrides }),
    async close() {
      await core.dispose();
      assertContractKept();
      if (ownsSim) await sim.close();
      if (ownsDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Lets background work started by a handler (a refresh, a stale-cache fetch) finish. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
