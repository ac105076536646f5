// Every file the app keeps, emptied, cut short, filled with random bytes or given a wrong shape,
// and then the host started: it starts, says what it reset, and the unreadable file is still
// there under its new name. The files (found where the app writes): web-host-store.json (web
// host settings and reference caches), query-cache-<account>-<server>.json (the popover's last entries),
// and on the desktop harvest-tray.json (settings and caches) and vault.json (the sealed token).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/domain';
import { memoryAccountBook } from '../core/accounts/memoryAccounts';
import { scopeKey } from '../core/app/accountScope';
import { createCore } from '../core/app/createCore';
import { createMemoryVault } from '../core/app/memory';
import { createHarvestClient } from '../core/harvest/createHarvestClient';
import { electronJsonStore } from '../desktop/store';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../simulator';
import { startConfiguredWebHost } from './configuredWebHost';
import { keyHeaderFor, send } from './testing/httpClient';
import type { WebHost } from './webHost';

const ACCOUNT = SIMULATOR_ACCOUNTS.duration;
/** The query cache's name holds the server too (accountScope.ts), known once the simulator runs. */
const QUERY_CACHE = 'query-cache.json';
function onDisk(file: string): string {
  return file === QUERY_CACHE ? `query-cache-${scopeKey({ apiUrl: sim.apiUrl, accountId: ACCOUNT })}.json` : file;
}

/** What a good file of each kind holds, as the app wrote it. */
const GOOD: Record<string, string> = {
  'web-host-store.json': JSON.stringify({ settings: { hoursDisplay: 'decimal', launchAtLogin: false, shortcuts: {} } }),
  [QUERY_CACHE]: JSON.stringify({ savedAt: Date.now(), state: { queries: [], mutations: [] } }),
};

/** The shape an older or newer version might leave: parses, but is not what this one reads. */
const WRONG_SHAPE: Record<string, string> = {
  'web-host-store.json': JSON.stringify([{ settings: 'decimal' }]),
  [QUERY_CACHE]: JSON.stringify({
    savedAt: Date.now(),
    state: {
      queries: [
        {
          queryKey: ['entries', '2026-11-16', '2026-11-22'],
          state: { data: [{ id: 1, spentDate: '2026-11-21', hours: 1, project: null, notes: 'old shape' }] },
        },
      ],
      mutations: [],
    },
  }),
};

const CORRUPTIONS: Array<[string, (file: string) => Buffer]> = [
  ['emptied', () => Buffer.alloc(0)],
  ['truncated', (file) => Buffer.from((GOOD[file] ?? '').slice(0, 25))],
  ['random bytes', () => randomBytes(300)],
  ['a wrong shape', (file) => Buffer.from(WRONG_SHAPE[file] ?? '')],
];

let sim: Simulator;
let dataDir: string;
let host: WebHost | undefined;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-corrupt-'));
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function startHost(): Promise<WebHost> {
  host = await startConfiguredWebHost({
    env: {
      HARVEST_API_URL: sim.apiUrl,
      HARVEST_ID_URL: sim.url,
      HARVEST_ACCESS_TOKEN: SIMULATOR_TOKENS.multi,
      HARVEST_ACCOUNT_ID: String(ACCOUNT),
      HARVEST_TRAY_DATA_DIR: dataDir,
    },
    port: 0,
    store: 'disk',
    rendererDir: dataDir,
  });
  return host;
}

async function ask<T>(running: WebHost, channel: string, body: unknown = {}): Promise<T> {
  const response = await send(`${running.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...keyHeaderFor(running.url) },
    body: JSON.stringify(body),
  });
  const reply = JSON.parse(response.body) as { ok: boolean; value: T };
  expect(reply.ok, `${channel}: ${response.body}`).toBe(true);
  return reply.value;
}

async function setAsideCopies(file: string): Promise<string[]> {
  const stem = file.replace(/\.json$/, '');
  return (await readdir(dataDir)).filter((name) => name.startsWith(`${stem}.unreadable-`));
}

describe('the web host starts over every file it keeps, however broken', () => {
  for (const file of Object.keys(GOOD)) {
    it.each(CORRUPTIONS)(`${file} %s`, async (_how, corrupt) => {
      const bytes = corrupt(file);
      await writeFile(join(dataDir, onDisk(file)), bytes);

      const running = await startHost();
      expect(await ask(running, 'session.get')).toMatchObject({ state: 'signed-in' });
      expect(await ask(running, 'queryCache.load')).toBeNull();
      expect(await ask(running, 'settings.get')).toMatchObject({ hoursDisplay: 'account' });

      const [copy, ...more] = await setAsideCopies(onDisk(file));
      expect(more).toEqual([]);
      expect(await readFile(join(dataDir, copy ?? ''))).toEqual(bytes);
      const notices = await ask<Notice[]>(running, 'notices.list');
      expect(notices).toHaveLength(1);
      expect(notices[0]?.message).toContain(`could not read ${onDisk(file)}`);
      expect(notices[0]?.message).toContain(copy);

      // Said once: dismissed, it is gone; the app goes on writing a good file.
      await ask(running, 'notices.dismiss', { id: notices[0]?.id });
      expect(await ask(running, 'notices.list')).toEqual([]);
      await ask(running, 'settings.update', { hoursDisplay: 'hours_minutes' });
    });
  }
});

describe('the desktop’s files, opened as the desktop opens them, with the core on top', () => {
  for (const name of ['harvest-tray', 'vault']) {
    it.each(CORRUPTIONS)(`${name}.json %s`, async (_how, corrupt) => {
      // Both are JSON objects of keys, like the web host's store: its corruptions fit them too.
      const bytes = corrupt('web-host-store.json');
      await writeFile(join(dataDir, `${name}.json`), bytes);
      const settingsStore = electronJsonStore({ dataDir, name: 'harvest-tray' });
      const vaultStore = electronJsonStore({ dataDir, name: 'vault', consequence: 'Sign in to Harvest again.' });
      const events: Array<{ event: string; payload: unknown }> = [];
      const core = await createCore({
        config: { apiUrl: sim.apiUrl, idUrl: sim.url, envCredentials: null, dataDir, demo: false },
        accounts: memoryAccountBook({ createClient: createHarvestClient, now: () => new Date() }),
        vault: createMemoryVault(),
        store: settingsStore,
        otherStores: [vaultStore],
        emit: (event, payload) => events.push({ event, payload }),
        host: { shortcutsStatus: () => [], openExternal: async () => {}, hidePopover: () => {} },
      });
      try {
        expect(await core.handlers['settings.get']({})).toMatchObject({ hoursDisplay: 'account' });
        const notices = await core.handlers['notices.list']({});
        expect(notices).toHaveLength(1);
        expect(notices[0]?.message).toContain(`could not read ${name}.json`);
        if (name === 'vault') expect(notices[0]?.message).toContain('Sign in to Harvest again.');
        const [copy] = await setAsideCopies(`${name}.json`);
        expect(await readFile(join(dataDir, copy ?? ''))).toEqual(bytes);
        expect(events.some((event) => event.event === 'notices.changed')).toBe(true);
      } finally {
        await core.dispose();
      }
    });
  }
});
