// Named accounts against the Harvest simulator over HTTP, with a keyring that behaves like
// @napi-rs/keyring's and the plaintext file on disk.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { createHarvestClient } from '../harvest/createHarvestClient';
import { AccountBook, type AddAccountRequest } from './accountBook';
import { ACCOUNTS_FILE, AccountRegistry } from './accountRegistry';
import { probeKeyring } from './keyringStore';
import { PLAINTEXT_TOKENS_FILE, plaintextStore } from './plaintextStore';
import type { SecretStore } from './secretStore';
import { fakeKeyring, type FakeKeyring } from './testing/fakeKeyring';

let sim: Simulator;
let dataDir: string;
let keyring: FakeKeyring;
let book: AccountBook;

beforeEach(async () => {
  sim = await startSimulator();
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-accounts-'));
  keyring = fakeKeyring();
  book = new AccountBook({
    registry: new AccountRegistry(dataDir),
    keyring: () => probeKeyring({ entries: async () => keyring.entries, platform: 'linux', disabled: false }),
    plaintext: plaintextStore(dataDir),
    createClient: createHarvestClient,
    now: () => new Date('2026-03-11T10:00:00Z'),
    consentHint: 'Add --allow-plaintext to agree to that.',
  });
});
afterEach(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

function request(overrides: Partial<AddAccountRequest> = {}): AddAccountRequest {
  return {
    name: 'work',
    accountId: SIMULATOR_ACCOUNTS.duration,
    token: SIMULATOR_TOKENS.multi,
    apiUrl: sim.apiUrl,
    idUrl: sim.url,
    allowPlaintext: false,
    makeDefault: false,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}

const registryText = () => readFile(join(dataDir, ACCOUNTS_FILE), 'utf8');
/** The one copy of an unreadable accounts file kept beside it. */
async function keptCopy(): Promise<string> {
  const kept = (await readdir(dataDir)).filter((name) => name.startsWith('accounts.unreadable-'));
  expect(kept).toHaveLength(1);
  return readFile(join(dataDir, kept[0] ?? ''), 'utf8');
}

describe('adding an account', () => {
  it('keeps the token in the keyring, and only names, ids and servers in the file', async () => {
    const added = await book.add(request());
    expect(added).toMatchObject({ name: 'work', accountId: SIMULATOR_ACCOUNTS.duration, accountName: 'Northwind Studio', tokenStore: 'keyring' });
    expect([...keyring.secrets.values()]).toEqual([SIMULATOR_TOKENS.multi]);
    expect([...keyring.secrets.keys()].join()).not.toContain(SIMULATOR_TOKENS.multi);
    const text = await registryText();
    expect(text).not.toContain(SIMULATOR_TOKENS.multi);
    expect(JSON.parse(text)).toMatchObject({ version: 1, defaultAccount: 'work' });
    expect(await book.credentials('work')).toEqual({
      name: 'work',
      token: SIMULATOR_TOKENS.multi,
      accountId: SIMULATOR_ACCOUNTS.duration,
      apiUrl: sim.apiUrl,
      idUrl: sim.url,
    });
  });

  it('refuses a token Harvest does not accept, and stores nothing', async () => {
    const refused = await failure(book.add(request({ token: 'not-a-token' })));
    expect(refused.kind).toBe('signed-out');
    expect(refused.message).not.toContain('not-a-token');
    expect(keyring.secrets.size).toBe(0);
    expect((await book.list()).accounts).toEqual([]);
  });

  it('refuses an account the token does not reach, naming those it does', async () => {
    const refused = await failure(book.add(request({ token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.timestamp })));
    expect(refused.message).toContain(`does not reach Harvest account ${SIMULATOR_ACCOUNTS.timestamp}`);
    expect(refused.message).toContain(`${SIMULATOR_ACCOUNTS.duration} (Northwind Studio)`);
    const forecast = await failure(book.add(request({ accountId: SIMULATOR_ACCOUNTS.forecast })));
    expect(forecast.message).toContain('does not reach');
    expect(keyring.secrets.size).toBe(0);
  });

  it('refuses a name that is not one', async () => {
    expect((await failure(book.add(request({ name: 'Work Stuff' })))).field).toBe('name');
    expect(sim.knobs.requestCount()).toBe(0);
  });

  it('lets names for two accounts of one person share one stored token, until the last is removed', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    expect(keyring.secrets.size).toBe(1);
    expect((await book.list()).defaultAccount).toBe('studio');

    await book.remove('studio');
    expect(keyring.secrets.size).toBe(1);
    expect((await book.list()).defaultAccount).toBe('labs');
    expect((await book.credentials(null)).accountId).toBe(SIMULATOR_ACCOUNTS.timestamp);

    await book.remove('labs');
    expect(keyring.secrets.size).toBe(0);
    expect((await book.list()).defaultAccount).toBeNull();
  });

  it('makes a later account the default when asked', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp, makeDefault: true }));
    expect((await book.credentials(null)).name).toBe('labs');
  });
});

describe('without a keyring', () => {
  beforeEach(() => {
    keyring.reachable = false;
  });

  it('refuses before asking Harvest anything, saying why and what would agree to it', async () => {
    const refused = await failure(book.add(request()));
    expect(refused.kind).toBe('consent-required');
    expect(refused.message).toContain('no keyring');
    expect(refused.message).toContain('--allow-plaintext');
    expect(sim.knobs.requestCount()).toBe(0);
  });

  it('keeps the token in a file only this user can read, with consent', async () => {
    const added = await book.add(request({ allowPlaintext: true }));
    expect(added.tokenStore).toBe('plaintext-file');
    const file = join(dataDir, PLAINTEXT_TOKENS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain(SIMULATOR_TOKENS.multi);
    expect((await book.credentials('work')).token).toBe(SIMULATOR_TOKENS.multi);
    await book.remove('work');
    expect(await readFile(file, 'utf8')).not.toContain(SIMULATOR_TOKENS.multi);
  });
});

describe('using an account', () => {
  it('names the known accounts when asked for one that does not exist', async () => {
    await book.add(request());
    const missing = await failure(book.credentials('personal'));
    expect(missing).toMatchObject({ kind: 'validation', field: 'account' });
    expect(missing.message).toContain('Known: work');
  });

  it('says how to add one when there is none', async () => {
    expect((await failure(book.credentials(null))).message).toContain('accounts add');
  });

  it('says the token is gone when the keyring lost it', async () => {
    await book.add(request());
    keyring.secrets.clear();
    expect((await failure(book.credentials('work'))).message).toContain('add the account again');
  });
});

describe('the accounts file is outside input', () => {
  it('keeps the accounts that fit, and copies the file aside before overwriting it', async () => {
    await book.add(request());
    const file = join(dataDir, ACCOUNTS_FILE);
    const parsed = JSON.parse(await registryText()) as { accounts: unknown[] };
    parsed.accounts.push({ name: 'broken', accountId: 'x' });
    await writeFile(file, JSON.stringify(parsed));
    const listed = await book.list();
    expect(listed.accounts.map((account) => account.name)).toEqual(['work']);
    expect(listed.problems).toHaveLength(1);

    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    expect(await keptCopy()).toContain('broken');
  });

  it('reads a truncated file as no accounts, with a message, and keeps it', async () => {
    const file = join(dataDir, ACCOUNTS_FILE);
    await writeFile(file, '{"version":1,"defaultAccount":"work","acc');
    const listed = await book.list();
    expect(listed.accounts).toEqual([]);
    expect(listed.problems[0]).toContain('could not be read');
    await book.add(request());
    expect(await keptCopy()).toContain('"acc');
  });
});

describe('unreadable accounts files, one after another', () => {
  it('keeps each one under its own name: a second bad file never overwrites the first kept copy', async () => {
    const file = join(dataDir, ACCOUNTS_FILE);
    await writeFile(file, 'first broken file');
    await book.add(request());
    await writeFile(file, 'second broken file');
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    const kept = (await readdir(dataDir)).filter((name) => name.startsWith('accounts.unreadable-')).sort();
    const texts = await Promise.all(kept.map((name) => readFile(join(dataDir, name), 'utf8')));
    expect(texts.sort()).toEqual(['first broken file', 'second broken file']);
  });
});

describe('probing the keyring', () => {
  it('reports a keyring turned off, or one that cannot be reached, in words', async () => {
    const off = await probeKeyring({ entries: async () => keyring.entries, platform: 'linux', disabled: true });
    expect(off.problem).toContain('HARVEST_TRAY_NO_KEYRING');
    keyring.reachable = false;
    const linux = await probeKeyring({ entries: async () => keyring.entries, platform: 'linux', disabled: false });
    expect(linux.problem).toContain('Secret Service');
    const missingModule = await probeKeyring({
      entries: () => Promise.reject(new Error('Cannot find native binding')),
      platform: 'darwin',
      disabled: false,
    });
    expect(missingModule.problem).toContain('could not be reached');
  });
});

describe('names', () => {
  it('renames an account, keeping its token and its place as the default', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    const renamed = await book.rename('studio', 'work');
    expect(renamed).toMatchObject({ name: 'work', accountId: SIMULATOR_ACCOUNTS.duration });
    const listed = await book.list();
    expect(listed.accounts.map((account) => account.name).sort()).toEqual(['labs', 'work']);
    expect(listed.defaultAccount).toBe('work');
    expect((await book.credentials('work')).token).toBe(SIMULATOR_TOKENS.multi);
    expect((await failure(book.credentials('studio'))).field).toBe('account');
  });

  it('refuses a rename onto a name in use, or one that is not a name, and changes nothing', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    expect((await failure(book.rename('studio', 'labs'))).message).toContain('already an account named "labs"');
    expect((await failure(book.rename('studio', 'Not A Name'))).field).toBe('name');
    expect((await failure(book.rename('nobody', 'someone'))).message).toContain('No account named "nobody"');
    expect((await book.list()).accounts.map((account) => account.name).sort()).toEqual(['labs', 'studio']);
  });

  it('makes another account the default', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    await book.use('labs');
    expect((await book.credentials(null)).name).toBe('labs');
    expect((await failure(book.use('nobody'))).field).toBe('account');
  });

  it('removing a name that is not there blames the name given, not an --account nobody gave', async () => {
    await book.add(request({ name: 'studio' }));
    const refused = await failure(book.remove('nobody'));
    expect(refused).toMatchObject({ field: 'name', message: 'No account named "nobody". Known: studio.' });
    expect((await book.list()).accounts.map((account) => account.name)).toEqual(['studio']);
  });

  it('keeps a checked sign-in under a name made from the account, or the name it already has', async () => {
    const signIn = {
      token: SIMULATOR_TOKENS.single,
      userId: 1,
      account: { id: SIMULATOR_ACCOUNTS.duration, name: 'Northwind Studio' },
      apiUrl: sim.apiUrl,
      idUrl: sim.url,
    };
    expect((await book.keep(signIn, { allowPlaintext: false, makeDefault: true })).name).toBe('northwind-studio');
    await book.rename('northwind-studio', 'work');
    // Signing in to the same account again keeps its name and takes the new token.
    const again = await book.keep({ ...signIn, token: 'a-newer-token' }, { allowPlaintext: false, makeDefault: true });
    expect(again.name).toBe('work');
    expect((await book.list()).accounts).toHaveLength(1);
    expect((await book.credentials('work')).token).toBe('a-newer-token');
    // The same account id on another server is another account.
    const elsewhere = await book.keep({ ...signIn, apiUrl: 'http://127.0.0.1:1/v2' }, { allowPlaintext: false, makeDefault: false });
    expect(elsewhere.name).toBe('northwind-studio');
    expect((await book.list()).accounts).toHaveLength(2);
  });

  it('two changes at once both land', async () => {
    await book.add(request({ name: 'studio' }));
    await book.add(request({ name: 'labs', accountId: SIMULATOR_ACCOUNTS.timestamp }));
    await Promise.all([book.rename('studio', 'work'), book.rename('labs', 'personal'), book.use('labs').catch(() => null)]);
    expect((await book.list()).accounts.map((account) => account.name).sort()).toEqual(['personal', 'work']);
  });
});

describe('a store only the tray can read', () => {
  const safeStorage = () => {
    const secrets = new Map<string, string>();
    const store: SecretStore = {
      kind: 'safe-storage',
      description: 'Electron safeStorage',
      read: async (key) => secrets.get(key) ?? null,
      write: async (key, secret) => {
        secrets.set(key, secret);
      },
      remove: async (key) => {
        secrets.delete(key);
      },
    };
    return { store, secrets };
  };
  const trayBook = (store: SecretStore | null) =>
    new AccountBook({
      registry: new AccountRegistry(dataDir),
      keyring: () => probeKeyring({ entries: async () => keyring.entries, platform: 'linux', disabled: false }),
      hostStore: async () => store,
      plaintext: plaintextStore(dataDir),
      createClient: createHarvestClient,
      now: () => new Date('2026-03-11T10:00:00Z'),
      consentHint: 'Agree to that to stay signed in.',
    });

  it('is used where no keyring answers, before asking for consent to a plaintext file', async () => {
    keyring.reachable = false;
    const tray = safeStorage();
    const added = await trayBook(tray.store).add(request());
    expect(added.tokenStore).toBe('safe-storage');
    expect([...tray.secrets.values()]).toEqual([SIMULATOR_TOKENS.multi]);
    expect((await trayBook(tray.store).credentials('work')).token).toBe(SIMULATOR_TOKENS.multi);
  });

  it('the keyring comes first, so the command line can use what the tray added', async () => {
    const tray = safeStorage();
    expect((await trayBook(tray.store).add(request())).tokenStore).toBe('keyring');
    expect(tray.secrets.size).toBe(0);
    expect((await book.credentials('work')).token).toBe(SIMULATOR_TOKENS.multi);
  });

  it('the command line lists such an account, and says how to use it there', async () => {
    keyring.reachable = false;
    await trayBook(safeStorage().store).add(request());
    expect((await book.list()).accounts.map((account) => account.name)).toEqual(['work']);
    const refused = await failure(book.credentials('work'));
    expect(refused.message).toContain('added in the Harvest Tray app');
    expect(refused.message).toContain('harvest-tray accounts add work --account-id 100001');
  });

  it('asks for consent in the host’s own words where nothing encrypts', async () => {
    keyring.reachable = false;
    const refused = await failure(trayBook(null).add(request()));
    expect(refused.kind).toBe('consent-required');
    expect(refused.message).toMatch(/unencrypted .* Agree to that to stay signed in\.$/);
  });
});
