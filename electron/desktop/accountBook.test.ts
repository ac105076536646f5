// Where the tray keeps the tokens of named accounts: the system keyring first (the command line
// reads it too), then safeStorage where it encrypts, then the plaintext file with consent.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import type { CheckedSignIn } from '../core/accounts/accountBook';
import { ACCOUNTS_FILE } from '../core/accounts/accountRegistry';
import { fakeKeyring, type FakeKeyring } from '../core/accounts/testing/fakeKeyring';
import { createMemoryStore, type MemoryStore } from '../core/app/memory';
import { desktopAccountBook, TRAY_CONSENT_HINT } from './accountBook';
import { fake } from './testing/fakeElectron';

const TOKEN = '1234567.pt.SECRET-token-value';
const signIn: CheckedSignIn = {
  token: TOKEN,
  userId: 7,
  account: { id: 100001, name: 'Northwind Studio' },
  apiUrl: 'https://api.harvestapp.com/v2',
  idUrl: 'https://id.getharvest.com',
};

let dataDir: string;
let keyring: FakeKeyring;
let vaultStore: MemoryStore;

beforeEach(async () => {
  fake.reset();
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-desktop-accounts-'));
  keyring = fakeKeyring();
  vaultStore = createMemoryStore();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function book(env: NodeJS.ProcessEnv = {}) {
  return desktopAccountBook({
    dataDir,
    env,
    platform: 'linux',
    safeStorage: fake.safeStorage,
    vaultStore,
    keyringEntries: async () => keyring.entries,
  });
}

describe('the tray’s named accounts', () => {
  it('keep tokens in the system keyring, where the command line finds them', async () => {
    const added = await book().keep(signIn, { allowPlaintext: false, makeDefault: true });
    expect(added).toMatchObject({ name: 'northwind-studio', tokenStore: 'keyring' });
    expect([...keyring.secrets.values()]).toEqual([TOKEN]);
    expect(await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')).not.toContain(TOKEN);
    expect(fake.safeStorage.encrypted).toEqual([]);
  });

  it('without a keyring, keep them encrypted with safeStorage where it encrypts (KWallet without Secret Service)', async () => {
    keyring.reachable = false;
    fake.safeStorage.backend = 'kwallet5';
    const tray = book();
    expect((await tray.keep(signIn, { allowPlaintext: false, makeDefault: true })).tokenStore).toBe('safe-storage');
    expect(fake.safeStorage.encrypted).toEqual([TOKEN]);
    expect(JSON.stringify(vaultStore.keys().map((key) => vaultStore.get(key)))).not.toContain(TOKEN);
    expect((await book().credentials('northwind-studio')).token).toBe(TOKEN);
    await tray.remove('northwind-studio');
    expect(vaultStore.get('namedTokens')).toEqual({});
  });

  it('where safeStorage would only obfuscate, ask for consent in the tray’s words, then use the file both read', async () => {
    keyring.reachable = false;
    fake.safeStorage.backend = 'basic_text';
    const refused = await book()
      .keep(signIn, { allowPlaintext: false, makeDefault: true })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppFailure);
    expect((refused as AppFailure).kind).toBe('consent-required');
    expect((refused as AppFailure).message.endsWith(TRAY_CONSENT_HINT)).toBe(true);
    expect((await book().keep(signIn, { allowPlaintext: true, makeDefault: true })).tokenStore).toBe('plaintext-file');
    expect(fake.safeStorage.encrypted).toEqual([]);
  });

  it('look for the keyring again when it did not answer: one started after the tray is used', async () => {
    keyring.reachable = false;
    fake.safeStorage.backend = 'basic_text';
    const tray = book();
    await expect(tray.keep(signIn, { allowPlaintext: false, makeDefault: true })).rejects.toThrow(/unencrypted/);
    keyring.reachable = true;
    expect((await tray.keep(signIn, { allowPlaintext: false, makeDefault: true })).tokenStore).toBe('keyring');
  });

  it('HARVEST_TRAY_NO_KEYRING=1 leaves the keyring alone, as the command line does', async () => {
    const added = await book({ HARVEST_TRAY_NO_KEYRING: '1' }).keep(signIn, { allowPlaintext: false, makeDefault: true });
    expect(added.tokenStore).toBe('safe-storage');
    expect(keyring.secrets.size).toBe(0);
  });
});
