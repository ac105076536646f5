// The app-state channels (settings, shortcuts, sync, query cache, external links, the popover),
// the token's absence from everything that leaves the core, and dispatch's refusal of bad input.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../shared/contract';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { dispatch } from './dispatch';
import { createMemoryStore } from './memory';
import { scopeKey } from './accountScope';
import { DEFAULT_SETTINGS } from './settings';
import { startHarness, type Harness } from './testing/coreHarness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('settings', () => {
  it('starts from the defaults, merges updates and tells the popover and the host', async () => {
    harness = await startHarness();
    expect(await harness.call('settings.get')).toEqual(DEFAULT_SETTINGS);
    const next = await harness.call('settings.update', { hoursDisplay: 'hours_minutes' });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, hoursDisplay: 'hours_minutes' });
    expect(harness.eventsOf('settings.changed')).toEqual([next]);
    expect(harness.settingsSeen).toEqual([next]);
    expect(await harness.call('settings.get')).toEqual(next);
  });

  it('ignores a settings file that was tampered with', async () => {
    harness = await startHarness();
    harness.store.set('settings', { hoursDisplay: 'weeks', launchAtLogin: true, shortcuts: 'none' });
    expect(await harness.call('settings.get')).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true });
  });

  it('at start keeps the settings that fit, sets the stored ones aside and says which were reset', async () => {
    const tampered = { hoursDisplay: 'weeks', launchAtLogin: true, shortcuts: { togglePopover: 42, quickRestart: 'Alt+R' } };
    const store = createMemoryStore({ settings: tampered });
    harness = await startHarness({ store });
    expect(await harness.call('settings.get')).toEqual({
      ...DEFAULT_SETTINGS,
      launchAtLogin: true,
      shortcuts: { ...DEFAULT_SETTINGS.shortcuts, quickRestart: 'Alt+R' },
    });
    expect(await harness.call('notices.list')).toEqual([
      {
        id: expect.any(String),
        message:
          'Some of your settings could not be read and are back to their defaults (hours display, shortcuts: toggle popover); the others are kept.',
      },
    ]);
    const aside = store.keys().filter((key) => key.startsWith('settings-unreadable-'));
    expect(aside).toHaveLength(1);
    // Kept as it was (the version step on start only adds its number).
    expect(store.get(aside[0] ?? '')).toEqual({ ...tampered, schemaVersion: 2 });

    // Settings from an older version that simply lack a field are not a fault: nothing is said.
    const older = createMemoryStore({ settings: { hoursDisplay: 'decimal' } });
    const again = await startHarness({ store: older });
    try {
      expect(await again.call('notices.list')).toEqual([]);
      expect(await again.call('settings.get')).toEqual({ ...DEFAULT_SETTINGS, hoursDisplay: 'decimal' });
    } finally {
      await again.close();
    }
  });
});

describe('host channels', () => {
  it('reports the shortcuts and hides the popover through the host', async () => {
    harness = await startHarness();
    expect(await harness.call('shortcuts.status')).toEqual([
      { action: 'togglePopover', accelerator: 'CommandOrControl+Alt+H', registered: true, problem: null },
    ]);
    await harness.call('app.hidePopover');
    expect(harness.hidden).toBe(1);
  });

  it('opens only Harvest’s own https pages', async () => {
    harness = await startHarness();
    await harness.call('app.openExternal', { url: 'https://northwindstudio.harvestapp.com/time' });
    const refused = await harness.fail('app.openExternal', { url: 'https://harvestapp.com.example.net/' });
    expect(refused).toMatchObject({ kind: 'validation', field: 'url' });
    expect(harness.opened).toEqual(['https://northwindstudio.harvestapp.com/time']);
  });
});

describe('the query cache file', () => {
  it('keeps one snapshot per account, written whole, and nothing while signed out', async () => {
    harness = await startHarness();
    expect(await harness.call('queryCache.load')).toBeNull();
    await harness.call('queryCache.save', { snapshot: 'ignored' });
    expect(await readdir(harness.config.dataDir)).toEqual([]);

    await harness.signIn(SIMULATOR_TOKENS.single);
    expect(await harness.call('queryCache.load')).toBeNull();
    const snapshot = (savedAt: number) => JSON.stringify({ savedAt, state: { queries: [], mutations: [] } });
    await harness.call('queryCache.save', { snapshot: snapshot(1) });
    await harness.call('queryCache.save', { snapshot: snapshot(2) });
    expect(await harness.call('queryCache.load')).toBe(snapshot(2));
    const fileName = `query-cache-${scopeKey({ apiUrl: harness.sim.apiUrl, accountId: SIMULATOR_ACCOUNTS.duration })}.json`;
    // One file for this account's snapshot (beside it: the accounts list, the account's queue).
    expect((await readdir(harness.config.dataDir)).filter((name) => name.startsWith('query-cache-'))).toEqual([fileName]);
    const file = join(harness.config.dataDir, fileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('hands back only a snapshot whose entries fit the contract, and sets any other aside with a notice', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    const [entry] = await harness.call<unknown[]>('entries.list', { from: toLocalDate(new Date()), to: toLocalDate(new Date()) });
    const withEntries = (data: unknown) =>
      JSON.stringify({ savedAt: 1, state: { queries: [{ queryKey: ['entries', 'a', 'b'], state: { data } }], mutations: [] } });
    await harness.call('queryCache.save', { snapshot: withEntries([entry]) });
    expect(await harness.call('queryCache.load')).toBe(withEntries([entry]));

    const oldShape = withEntries([{ ...(entry as object), project: null }]);
    await harness.call('queryCache.save', { snapshot: oldShape });
    expect(await harness.call('queryCache.load')).toBeNull();
    const kept = (await readdir(harness.config.dataDir)).filter((name) => name.includes('.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(harness.config.dataDir, kept[0] ?? ''), 'utf8')).toBe(oldShape);
    const notices = await harness.call<Array<{ message: string }>>('notices.list');
    expect(notices.map((notice) => notice.message)).toEqual([expect.stringMatching(/quick start are loaded from Harvest/)]);
    expect(harness.eventsOf('notices.changed')).toHaveLength(1);
  });
});

describe('the token', () => {
  it('appears in no reply and no event', async () => {
    harness = await startHarness();
    const token = SIMULATOR_TOKENS.multi;
    const today = toLocalDate(new Date());
    await harness.call('session.listAccounts', { token });
    await harness.call('session.signIn', { token });
    await harness.signIn(token, SIMULATOR_ACCOUNTS.duration);
    await harness.call('session.get');
    await harness.call('account.me');
    await harness.call('account.company');
    await harness.call('choices.projects');
    await harness.call('entries.list', { from: today, to: today });
    await harness.call('timer.quickRestart');
    await harness.call('timer.quickRestart');
    await harness.call('sync.get');
    harness.sim.knobs.failNext({ status: 422, body: { message: `echo ${token}` } });
    await harness.fail('entries.list', { from: today, to: today });
    harness.sim.knobs.failNext({ status: 401, body: { error_description: `bad ${token}` } });
    await harness.fail('entries.list', { from: today, to: today });
    await harness.fail('session.signIn', { token: `${token}-wrong` });

    const everything = JSON.stringify({ replies: harness.replies, events: harness.events });
    expect(harness.replies.length).toBeGreaterThan(10);
    expect(everything).not.toContain(token);
  });
});

describe('dispatch', () => {
  it('answers every channel’s invalid input with a validation error and never throws', async () => {
    harness = await startHarness();
    const requestsBefore = harness.sim.knobs.requestCount();
    const handlers = harness.core.handlers;
    for (const channel of channelNames) {
      const schema = channels[channel].request;
      await fc.assert(
        fc.asyncProperty(
          fc.anything().filter((input) => !schema.safeParse(input ?? {}).success),
          async (input) => {
            const reply = await dispatch(handlers, channel, input);
            expect(reply.ok).toBe(false);
            if (!reply.ok) expect(reply.error.kind).toBe('validation');
          },
        ),
        { numRuns: 40 },
      );
    }
    expect(harness.sim.knobs.requestCount()).toBe(requestsBefore);
  });

  it('answers an unknown channel with a validation error', async () => {
    harness = await startHarness();
    const reply = await dispatch(harness.core.handlers, 'entries.drop', {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
