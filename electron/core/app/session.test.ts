// Signing in, out and back, through dispatch() against the Harvest simulator over HTTP.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/domain';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { fakeKeyring } from '../accounts/testing/fakeKeyring';
import { createMemoryVault } from './memory';
import { settle, startHarness, type Harness } from './testing/coreHarness';
import { scopeKey } from './accountScope';

type SignInReply =
  | { state: 'signed-in'; session: Session }
  | { state: 'choose-account'; accounts: Array<{ id: number; name: string }> };

let harness: Harness | undefined;
const extra: Harness[] = [];
afterEach(async () => {
  for (const other of extra.splice(0)) await other.core.dispose();
  await harness?.close();
  harness = undefined;
});

describe('signing in', () => {
  it('signs straight in when the token reaches one Harvest account', async () => {
    harness = await startHarness();
    const reply = await harness.call<SignInReply>('session.signIn', { token: SIMULATOR_TOKENS.single });
    expect(reply.state).toBe('signed-in');
    const session = await harness.call<Session>('session.get');
    expect(session).toMatchObject({
      state: 'signed-in',
      account: { id: SIMULATOR_ACCOUNTS.duration, name: 'Northwind Studio' },
      // Kept as a named account, named after Harvest's name of it, the token in the keyring.
      name: 'northwind-studio',
      server: harness.sim.apiUrl,
      demo: false,
      vaultBackend: 'keyring',
    });
    expect(harness.eventsOf('session.changed').at(-1)).toEqual(session);
    expect(await harness.book.list()).toMatchObject({
      defaultAccount: 'northwind-studio',
      accounts: [{ name: 'northwind-studio', accountId: SIMULATOR_ACCOUNTS.duration, apiUrl: harness.sim.apiUrl, tokenStore: 'keyring' }],
    });
    expect([...harness.keyring.secrets.values()]).toEqual([SIMULATOR_TOKENS.single]);
    expect(await harness.vault.load()).toBeNull();
  });

  it('asks which account when the token reaches several, leaving Forecast out', async () => {
    harness = await startHarness();
    const reply = await harness.call<SignInReply>('session.signIn', { token: SIMULATOR_TOKENS.multi });
    expect(reply).toEqual({
      state: 'choose-account',
      accounts: [
        { id: SIMULATOR_ACCOUNTS.duration, name: 'Northwind Studio' },
        { id: SIMULATOR_ACCOUNTS.timestamp, name: 'Northwind Labs' },
      ],
    });
    expect((await harness.call<Session>('session.get')).state).toBe('signed-out');
    expect((await harness.book.list()).accounts).toEqual([]);

    const chosen = await harness.call<SignInReply>('session.signIn', {
      token: SIMULATOR_TOKENS.multi,
      accountId: SIMULATOR_ACCOUNTS.timestamp,
    });
    expect(chosen.state === 'signed-in' && chosen.session.state === 'signed-in' && chosen.session.account.name).toBe(
      'Northwind Labs',
    );
  });

  it('lists the accounts a token reaches', async () => {
    harness = await startHarness();
    const accounts = await harness.call<unknown[]>('session.listAccounts', { token: SIMULATOR_TOKENS.multi });
    expect(accounts).toHaveLength(2);
  });

  it('refuses a wrong token with Harvest’s reason and stays signed out', async () => {
    harness = await startHarness();
    const error = await harness.fail('session.signIn', { token: 'not-a-real-token' });
    expect(error.kind).toBe('signed-out');
    expect(error.message).toContain('expired, revoked, malformed or invalid');
    expect(error.message).not.toContain('not-a-real-token');
    expect((await harness.call<Session>('session.get')).state).toBe('signed-out');
  });

  it('refuses an account the token does not reach', async () => {
    harness = await startHarness();
    const error = await harness.fail('session.signIn', { token: SIMULATOR_TOKENS.single, accountId: 999 });
    expect(error).toMatchObject({ kind: 'validation', field: 'accountId' });
  });

  it('asks for consent before storing the token unencrypted, and stores it once given', async () => {
    harness = await startHarness();
    harness.keyring.reachable = false;
    const error = await harness.fail('session.signIn', { token: SIMULATOR_TOKENS.single });
    expect(error.kind).toBe('consent-required');
    expect(error.message).toMatch(/unencrypted .*Agree to that to stay signed in\.$/);
    expect((await harness.book.list()).accounts).toEqual([]);

    const reply = await harness.call<SignInReply>('session.signIn', {
      token: SIMULATOR_TOKENS.single,
      allowPlaintextStorage: true,
    });
    expect(reply.state === 'signed-in' && reply.session).toMatchObject({ vaultBackend: 'plaintext-file' });
  });

  it('where no keyring answers, keeps the token in the tray’s own encrypted store without asking', async () => {
    const tray = createMemoryVault();
    const secrets = new Map<string, string>();
    harness = await startHarness({
      hostStore: {
        kind: 'safe-storage',
        description: 'safeStorage',
        read: async (key) => secrets.get(key) ?? null,
        write: async (key, secret) => void secrets.set(key, secret),
        remove: async (key) => void secrets.delete(key),
      },
      vault: tray,
    });
    harness.keyring.reachable = false;
    const reply = await harness.call<SignInReply>('session.signIn', { token: SIMULATOR_TOKENS.single });
    expect(reply.state === 'signed-in' && reply.session).toMatchObject({ vaultBackend: 'safe-storage' });
    expect([...secrets.values()]).toEqual([SIMULATOR_TOKENS.single]);
  });

  it('wants a session for account data', async () => {
    harness = await startHarness();
    for (const channel of ['account.me', 'entries.list', 'timer.quickRestart', 'choices.projects']) {
      const input = channel === 'entries.list' ? { from: '2026-01-01', to: '2026-01-02' } : {};
      expect(await harness.fail(channel, input)).toEqual({ kind: 'signed-out', message: 'Sign in to Harvest first.' });
    }
    expect(harness.sim.knobs.requestCount()).toBe(0);
  });
});

describe('staying signed in', () => {
  it('restores the saved sign-in at start, from cache, without a sign-in screen', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    const restarted = await harness.restart();
    extra.push(restarted);
    expect(await restarted.call<Session>('session.get')).toMatchObject({
      state: 'signed-in',
      account: { id: SIMULATOR_ACCOUNTS.duration },
    });
  });

  it('ends a restored session whose token Harvest now refuses, with the reason', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    harness.sim.knobs.failNext({ status: 401, body: { error: 'invalid_token', error_description: 'Token revoked.' } });
    const restarted = await harness.restart();
    extra.push(restarted);
    await settle(200);
    expect(await restarted.call<Session>('session.get')).toEqual({
      state: 'signed-out',
      reason: 'Harvest did not accept the sign-in: Token revoked.',
    });
    expect((await restarted.book.list()).accounts).toEqual([]);
    expect(restarted.keyring.secrets.size).toBe(0);
  });

  it('a sign-in an earlier version saved in the vault is restored, then kept as a named account', async () => {
    const vault = createMemoryVault('keychain');
    await vault.save({ token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.duration }, { allowPlaintext: false });
    harness = await startHarness({ vault });
    expect(await harness.call<Session>('session.get')).toMatchObject({ state: 'signed-in', account: { id: SIMULATOR_ACCOUNTS.duration } });
    await vi.waitFor(async () => expect(await harness?.vault.load()).toBeNull());
    expect(await harness.call<Session>('session.get')).toMatchObject({ name: 'northwind-studio', vaultBackend: 'keyring' });
    expect(harness.eventsOf('session.changed').at(-1)).toMatchObject({ name: 'northwind-studio' });
    expect((await harness.book.credentials('northwind-studio')).token).toBe(SIMULATOR_TOKENS.single);

    // The next start opens the named account, from cache.
    const restarted = await harness.restart();
    extra.push(restarted);
    expect(await restarted.call<Session>('session.get')).toMatchObject({ state: 'signed-in', name: 'northwind-studio' });
  });

  it('a saved sign-in that cannot be named yet (no keyring, no consent given) keeps working from the vault', async () => {
    const vault = createMemoryVault('kwallet');
    await vault.save({ token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.duration }, { allowPlaintext: false });
    const keyring = fakeKeyring();
    keyring.reachable = false;
    harness = await startHarness({ vault, keyring });
    await harness.core.refresh();
    await settle(100);
    expect(await harness.call<Session>('session.get')).toMatchObject({ state: 'signed-in', name: null, vaultBackend: 'kwallet' });
    expect(await vault.load()).not.toBeNull();
  });

  it('says why when the saved sign-in cannot be read', async () => {
    const broken = {
      ...createMemoryVault(),
      load: async () => {
        throw new Error('decryption failed');
      },
    };
    harness = await startHarness({ vault: broken });
    const session = await harness.call<Session>('session.get');
    expect(session.state === 'signed-out' && session.reason).toMatch(/could not be read/);
  });

  it('starts straight into the demo when asked to at start-up', async () => {
    harness = await startHarness({ config: { demo: true } });
    expect(await harness.call<Session>('session.get')).toMatchObject({ state: 'signed-in', demo: true });
  });

  it('signs in from credentials in the environment, without the vault', async () => {
    harness = await startHarness({
      config: { envCredentials: { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.timestamp } },
    });
    expect(await harness.call<Session>('session.get')).toMatchObject({
      state: 'signed-in',
      account: { id: SIMULATOR_ACCOUNTS.timestamp, name: 'Northwind Labs' },
      vaultBackend: 'environment',
    });
    expect(await harness.vault.load()).toBeNull();
  });

  it('a 401 during use signs out with Harvest’s reason and tells the popover', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    harness.sim.knobs.failNext({
      status: 401,
      body: { error: 'invalid_token', error_description: 'The access token provided is expired.' },
      pathPrefix: '/v2/time_entries',
    });
    const error = await harness.fail('entries.list', { from: '2026-01-01', to: '2026-01-07' });
    expect(error.kind).toBe('signed-out');
    const signedOut = { state: 'signed-out', reason: 'Harvest did not accept the sign-in: The access token provided is expired.' };
    expect(await harness.call('session.get')).toEqual(signedOut);
    expect(harness.eventsOf('session.changed').at(-1)).toEqual(signedOut);
  });
});

describe('credentials from the environment', () => {
  const refused = { status: 401, body: { error: 'invalid_token', error_description: 'The access token provided is expired.' } };
  const environment = { envCredentials: { token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.duration } };

  it('refused during use: the reason says the token in HARVEST_ACCESS_TOKEN was refused, and what to do', async () => {
    harness = await startHarness({ config: environment });
    await harness.core.refresh();
    harness.sim.knobs.failNext({ ...refused, pathPrefix: '/v2/time_entries' });
    expect((await harness.fail('entries.list', { from: '2026-01-01', to: '2026-01-07' })).kind).toBe('signed-out');
    const session = await harness.call<Session>('session.get');
    expect(session.state).toBe('signed-out');
    const reason = session.state === 'signed-out' ? session.reason : null;
    expect(reason).toMatch(/^Harvest refused the token in HARVEST_ACCESS_TOKEN: The access token provided is expired\. /);
    expect(reason).toContain('The access token provided is expired.');
    expect(reason).toMatch(/restart Harvest Tray/);
    expect(reason).not.toContain(SIMULATOR_TOKENS.single);
  });

  it('refused at start-up: the same words', async () => {
    harness = await startHarness();
    harness.sim.knobs.failNext({ ...refused, count: 3 });
    const started = await harness.restart({ config: environment });
    extra.push(started);
    const session = await started.call<Session>('session.get');
    expect(session.state === 'signed-out' && session.reason).toMatch(/^Harvest refused the token in HARVEST_ACCESS_TOKEN: /);
  });
});

describe('signing out', () => {
  it('forgets the token and wipes every cache of the account', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    await harness.call('account.company');
    await harness.call('choices.projects');
    await harness.call('queryCache.save', { snapshot: '{"queries":[]}' });
    const file = join(harness.config.dataDir, `query-cache-${scopeKey({ apiUrl: harness.sim.apiUrl, accountId: SIMULATOR_ACCOUNTS.duration })}.json`);
    expect(existsSync(file)).toBe(true);
    expect(harness.store.keys().some((key) => key.startsWith('cache-'))).toBe(true);

    expect(await harness.call('session.signOut')).toEqual({ state: 'signed-out', reason: null });
    expect(harness.store.keys().filter((key) => key.startsWith('cache-'))).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect((await harness.book.list()).accounts).toEqual([]);
    expect(harness.keyring.secrets.size).toBe(0);
    expect(await harness.call('queryCache.load')).toBeNull();
    expect(harness.eventsOf('session.changed').at(-1)).toEqual({ state: 'signed-out', reason: null });
  });
});

describe('the demo', () => {
  it('runs against a Harvest inside the app, without touching the vault', async () => {
    harness = await startHarness();
    const session = await harness.call<Session>('session.startDemo');
    expect(session).toMatchObject({
      state: 'signed-in',
      demo: true,
      account: { id: SIMULATOR_ACCOUNTS.duration, name: 'Northwind Studio' },
    });
    expect(await harness.vault.load()).toBeNull();
    const today = await harness.call<unknown[]>('entries.list', { from: '2000-01-01', to: '2100-01-01' });
    expect(today.length).toBeGreaterThan(0);
    // The demo's Harvest is its own: the test's simulator saw none of this.
    expect(harness.sim.knobs.requestCount()).toBe(0);
    await harness.call('session.signOut');
  });
});
