// Several named accounts in the tray, through dispatch() against the Harvest simulator over HTTP:
// two tokens, adding, switching (everything acts in the current account), renaming, removing,
// and the list shared with the command line.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountList } from '../../../shared/accounts';
import type { QuickRestartResult, Session, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS } from '../../simulator';
import { AccountBook } from '../accounts/accountBook';
import { AccountRegistry } from '../accounts/accountRegistry';
import { probeKeyring } from '../accounts/keyringStore';
import { plaintextStore } from '../accounts/plaintextStore';
import { createHarvestClient } from '../harvest/createHarvestClient';
import { settle, startHarness, type Harness } from './testing/coreHarness';
import { querySnapshot } from './testing/querySnapshot';

let harness: Harness | undefined;
const extra: Harness[] = [];
afterEach(async () => {
  for (const other of extra.splice(0)) await other.core.dispose();
  await harness?.close();
  harness = undefined;
});

const today = toLocalDate(new Date());
const weekAround = { from: '2000-01-01', to: '2100-01-01' };

/** Signed in with the single-account token ("studio"), and the multi one's Labs added as "personal". */
async function twoAccounts(): Promise<Harness> {
  harness = await startHarness();
  await harness.signIn(SIMULATOR_TOKENS.single);
  await harness.call('accounts.rename', { name: 'northwind-studio', to: 'studio' });
  const added = await harness.call('accounts.add', {
    token: SIMULATOR_TOKENS.multi,
    accountId: SIMULATOR_ACCOUNTS.timestamp,
    name: 'personal',
  });
  expect(added).toMatchObject({ state: 'added', account: { name: 'personal', accountName: 'Northwind Labs', current: false } });
  return harness;
}

const session = (h: Harness) => h.call<Session>('session.get');
const names = (list: AccountList) => list.accounts.map((account) => `${account.name ?? '(environment)'}${account.current ? '*' : ''}`);

/** What Harvest itself says runs for the user in an account, read apart from the app. */
async function runningAt(h: Harness, accountId: number): Promise<number[]> {
  const client = createHarvestClient({
    apiUrl: h.sim.apiUrl,
    idUrl: h.sim.url,
    accessToken: SIMULATOR_TOKENS.multi,
    accountId,
  });
  const me = await client.getMe();
  return (await client.listTimeEntries({ userId: me.id, isRunning: true })).map((entry) => entry.id);
}

describe('adding an account', () => {
  it('asks which account when the token reaches several, and adds without switching', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    const choose = await harness.call('accounts.add', { token: SIMULATOR_TOKENS.multi });
    expect(choose).toEqual({
      state: 'choose-account',
      accounts: [
        { id: SIMULATOR_ACCOUNTS.duration, name: 'Northwind Studio' },
        { id: SIMULATOR_ACCOUNTS.timestamp, name: 'Northwind Labs' },
      ],
    });
    await harness.call('accounts.add', { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.timestamp });
    expect(names(await harness.call<AccountList>('accounts.list'))).toEqual(['northwind-studio*', 'northwind-labs']);
    expect(await session(harness)).toMatchObject({ name: 'northwind-studio' });
  });

  it('refuses a second name for an account already in the list, and a name that is not one', async () => {
    await twoAccounts();
    const h = harness as Harness;
    const twice = await h.fail('accounts.add', { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.duration, name: 'again' });
    expect(twice).toMatchObject({ kind: 'validation', field: 'name' });
    expect(twice.message).toContain('already added, as "studio"');
    const badName = await h.fail('accounts.add', { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.duration, name: 'Work Stuff' });
    expect(badName).toMatchObject({ kind: 'validation', field: 'name' });
    expect(names(await h.call<AccountList>('accounts.list'))).toEqual(['studio*', 'personal']);
  });

  it('refuses a token Harvest does not accept, keeping nothing', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    expect((await harness.fail('accounts.add', { token: 'not-a-token' })).kind).toBe('signed-out');
    // A refused token to add is not the current account's: the session stands.
    expect(await session(harness)).toMatchObject({ state: 'signed-in', name: 'northwind-studio' });
    expect((await harness.call<AccountList>('accounts.list')).accounts).toHaveLength(1);
  });
});

describe('switching', () => {
  it('everything acts in the current account: entries, timers, quick restart, and the tray’s name for it', async () => {
    const h = await twoAccounts();
    const studioEntries = await h.call<TimeEntry[]>('entries.list', weekAround);
    expect(h.core.currentAccountName()).toBe('studio');

    const switched = await h.call<Session>('accounts.use', { name: 'personal' });
    expect(switched).toMatchObject({ state: 'signed-in', name: 'personal', account: { id: SIMULATOR_ACCOUNTS.timestamp, name: 'Northwind Labs' } });
    expect(h.eventsOf('session.changed').at(-1)).toEqual(switched);
    expect(h.core.currentAccountName()).toBe('personal');
    const labsEntries = await h.call<TimeEntry[]>('entries.list', weekAround);
    expect(labsEntries.map((entry) => entry.id)).not.toEqual(studioEntries.map((entry) => entry.id));
    expect(labsEntries.some((entry) => studioEntries.some((other) => other.id === entry.id))).toBe(false);

    const studioRunningBefore = await runningAt(h, SIMULATOR_ACCOUNTS.duration);
    // Quick restart stops what runs in Labs, then resumes its latest entry, there.
    const first = await h.call<QuickRestartResult>('timer.quickRestart');
    if (first.action === 'stopped') expect(await runningAt(h, SIMULATOR_ACCOUNTS.timestamp)).toEqual([]);
    // The shortcut's way in (Core.quickRestart) acts in the same account.
    const resumed = first.action === 'stopped' ? await h.core.quickRestart() : first;
    expect(['restarted', 'started-new']).toContain(resumed.action);
    expect(await runningAt(h, SIMULATOR_ACCOUNTS.timestamp)).toEqual([resumed.entry?.id]);
    expect(labsEntries.some((entry) => entry.project.id === resumed.entry?.project.id)).toBe(true);
    // Nothing changed in the other account.
    expect(await runningAt(h, SIMULATOR_ACCOUNTS.duration)).toEqual(studioRunningBefore);
  });

  it('the current account is the default one, for the command line and the next start', async () => {
    const h = await twoAccounts();
    await h.call('accounts.use', { name: 'personal' });
    expect((await h.book.list()).defaultAccount).toBe('personal');
    const restarted = await h.restart();
    extra.push(restarted);
    expect(await session(restarted)).toMatchObject({ name: 'personal' });
  });

  it('keeps each account’s popover cache apart, and back again', async () => {
    const h = await twoAccounts();
    await h.call('queryCache.save', { snapshot: querySnapshot('studio') });
    await h.call('accounts.use', { name: 'personal' });
    expect(await h.call('queryCache.load')).toBeNull();
    await h.call('queryCache.save', { snapshot: querySnapshot('personal') });
    await h.call('accounts.use', { name: 'studio' });
    expect(await h.call('queryCache.load')).toBe(querySnapshot('studio'));
  });

  it('offline, switches to an account seen before from its cache, and stays put for one never opened', async () => {
    const h = await twoAccounts();
    await h.call('accounts.use', { name: 'personal' });
    await h.call('accounts.use', { name: 'studio' });
    await h.call('accounts.add', { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.duration, name: 'studio' });
    h.sim.knobs.setOffline(true);
    expect(await h.call<Session>('accounts.use', { name: 'personal' })).toMatchObject({ name: 'personal' });

    await h.call('accounts.rename', { name: 'personal', to: 'labs' });
    const third = new AccountBook({
      registry: new AccountRegistry(h.config.dataDir),
      keyring: () => probeKeyring({ entries: async () => h.keyring.entries, platform: 'linux', disabled: false }),
      plaintext: plaintextStore(h.config.dataDir),
      createClient: createHarvestClient,
      now: () => new Date(),
      consentHint: '',
    });
    // Another server's account, never opened here.
    await third.keep(
      { token: SIMULATOR_TOKENS.multi, userId: 1, account: { id: 123, name: 'Elsewhere' }, apiUrl: 'http://127.0.0.1:9/v2', idUrl: 'http://127.0.0.1:9' },
      { name: 'elsewhere', allowPlaintext: false, makeDefault: false },
    );
    expect((await h.fail('accounts.use', { name: 'elsewhere' })).kind).toBe('offline');
    expect(await session(h)).toMatchObject({ state: 'signed-in', name: 'labs' });
    expect((await h.book.list()).defaultAccount).toBe('labs');
  });

  it('two switches asked together end in the last one', async () => {
    const h = await twoAccounts();
    await Promise.all([h.call('accounts.use', { name: 'personal' }), h.call('accounts.use', { name: 'studio' })]);
    expect(await session(h)).toMatchObject({ name: 'studio' });
    expect((await h.book.list()).defaultAccount).toBe('studio');
  });

  it('a timer change that lands after a switch does not reach the other account’s view', async () => {
    const h = await twoAccounts();
    await h.call('entries.list', { from: today, to: today });
    // Nothing runs in studio, so the quick restart below starts a timer there.
    const first = await h.call<QuickRestartResult>('timer.quickRestart');
    if (first.action !== 'stopped') await h.call('timer.quickRestart');
    h.sim.knobs.setLatency(150);
    const restarting = h.call<QuickRestartResult>('timer.quickRestart');
    await settle(20);
    h.sim.knobs.setLatency(0);
    await h.call('accounts.use', { name: 'personal' });
    const switchedAt = h.events.length;
    const restarted = await restarting;
    expect(restarted.entry?.isRunning).toBe(true);
    await settle(100);
    const after = h.events.slice(switchedAt).filter((recorded) => recorded.event === 'timer.changed');
    for (const recorded of after) {
      expect((recorded.payload as { running: TimeEntry | null }).running?.id).not.toBe(restarted.entry?.id);
    }
  });

  it('a token the keyring lost: says so, and the current account stays', async () => {
    const h = await twoAccounts();
    const key = [...h.keyring.secrets.entries()].find(([, token]) => token === SIMULATOR_TOKENS.multi)?.[0];
    if (key) h.keyring.secrets.delete(key);
    const refused = await h.fail('accounts.use', { name: 'personal' });
    expect(refused.message).toContain('"personal" is no longer in the system keyring');
    expect(await session(h)).toMatchObject({ name: 'studio' });
  });

  it('lists the account in HARVEST_ACCESS_TOKEN, nameless, and switches to it and back', async () => {
    harness = await startHarness({ config: { envCredentials: { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.timestamp } } });
    await harness.call('accounts.add', { token: SIMULATOR_TOKENS.single, name: 'work' });
    const list = await harness.call<AccountList>('accounts.list');
    expect(list.accounts).toEqual([
      { name: null, accountId: SIMULATOR_ACCOUNTS.timestamp, accountName: 'Northwind Labs', server: harness.sim.apiUrl, current: true },
      { name: 'work', accountId: SIMULATOR_ACCOUNTS.duration, accountName: 'Northwind Studio', server: harness.sim.apiUrl, current: false },
    ]);
    expect(await harness.call('accounts.use', { name: 'work' })).toMatchObject({ name: 'work', vaultBackend: 'keyring' });
    expect(names(await harness.call<AccountList>('accounts.list'))).toEqual(['(environment)', 'work*']);
    expect(await harness.call('accounts.use', { name: null })).toMatchObject({ name: null, vaultBackend: 'environment' });
  });
});

describe('renaming and removing', () => {
  it('renaming the current account renames the session, and refuses a name in use', async () => {
    const h = await twoAccounts();
    expect(names(await h.call<AccountList>('accounts.rename', { name: 'studio', to: 'work' }))).toEqual(['work*', 'personal']);
    expect(h.eventsOf('session.changed').at(-1)).toMatchObject({ name: 'work' });
    expect(h.core.currentAccountName()).toBe('work');
    expect((await h.fail('accounts.rename', { name: 'work', to: 'personal' })).message).toContain('already an account named "personal"');
  });

  it('removing another account forgets its token and caches, and leaves the current one alone', async () => {
    const h = await twoAccounts();
    await h.call('accounts.use', { name: 'personal' });
    await h.call('queryCache.save', { snapshot: querySnapshot('personal') });
    await h.call('accounts.use', { name: 'studio' });
    // Both tokens are one Harvest user's: the names share the newer one.
    expect([...h.keyring.secrets.values()]).toEqual([SIMULATOR_TOKENS.multi]);

    expect(names(await h.call<AccountList>('accounts.remove', { name: 'personal' }))).toEqual(['studio*']);
    // Still used by "studio": kept.
    expect(h.keyring.secrets.size).toBe(1);
    expect(await session(h)).toMatchObject({ name: 'studio' });
    expect(await h.call('entries.list', { from: today, to: today })).toBeInstanceOf(Array);
    // Added again later, it starts with nothing of the old one cached.
    await h.call('accounts.add', { token: SIMULATOR_TOKENS.multi, accountId: SIMULATOR_ACCOUNTS.timestamp, name: 'personal' });
    h.sim.knobs.setOffline(true);
    expect((await h.fail('accounts.use', { name: 'personal' })).kind).toBe('offline');
  });

  it('removing the current account signs out of it; the others stay to choose from', async () => {
    const h = await twoAccounts();
    const list = await h.call<AccountList>('accounts.remove', { name: 'studio' });
    expect(names(list)).toEqual(['personal']);
    expect(await session(h)).toEqual({ state: 'signed-out', reason: null });
    expect(await h.call('queryCache.load')).toBeNull();
    expect(await h.call('accounts.use', { name: 'personal' })).toMatchObject({ state: 'signed-in', name: 'personal' });
  });

  it('signing out forgets the current account only', async () => {
    const h = await twoAccounts();
    await h.call('session.signOut');
    expect(names(await h.call<AccountList>('accounts.list'))).toEqual(['personal']);
    expect([...h.keyring.secrets.values()]).toEqual([SIMULATOR_TOKENS.multi]);
    await h.call('accounts.use', { name: 'personal' });
    await h.call('session.signOut');
    expect(h.keyring.secrets.size).toBe(0);
    expect((await h.book.list()).accounts).toEqual([]);
  });
});

describe('the list shared with the command line', () => {
  it('an account the command line added is in the tray’s list, and the tray’s in the command line’s', async () => {
    harness = await startHarness();
    await harness.signIn(SIMULATOR_TOKENS.single);
    const commandLine = new AccountBook({
      registry: new AccountRegistry(harness.config.dataDir),
      keyring: () => probeKeyring({ entries: async () => (harness as Harness).keyring.entries, platform: 'linux', disabled: false }),
      plaintext: plaintextStore(harness.config.dataDir),
      createClient: createHarvestClient,
      now: () => new Date(),
      consentHint: 'Add --allow-plaintext to agree to that.',
    });
    expect((await commandLine.credentials(null)).token).toBe(SIMULATOR_TOKENS.single);
    await commandLine.add({
      name: 'labs',
      accountId: SIMULATOR_ACCOUNTS.timestamp,
      token: SIMULATOR_TOKENS.multi,
      apiUrl: harness.sim.apiUrl,
      idUrl: harness.sim.url,
      allowPlaintext: false,
      makeDefault: false,
    });
    expect(names(await harness.call<AccountList>('accounts.list'))).toEqual(['northwind-studio*', 'labs']);
    expect(await harness.call('accounts.use', { name: 'labs' })).toMatchObject({ account: { name: 'Northwind Labs' } });
    expect((await commandLine.credentials(null)).name).toBe('labs');
  });
});
