import { beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import type { JsonStore } from '../core/ports';
import { fake } from './testing/fakeElectron';
import { safeStorageVault } from './vault';

const TOKEN = '1234567.pt.SECRET-token-value';

/** A store that keeps what it is given as JSON text, as the file on disk would. */
function textStore(): JsonStore & { text(): string } {
  const data = new Map<string, string>();
  return {
    get: (key) => (data.has(key) ? JSON.parse(data.get(key) ?? 'null') : undefined),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    delete: (key) => void data.delete(key),
    text: () => [...data.values()].join('\n'),
  };
}

beforeEach(() => fake.reset());

describe('safeStorageVault', () => {
  it('stores the token encrypted and gives it back through load() with the backend used', async () => {
    const store = textStore();
    const vault = safeStorageVault({ safeStorage: fake.safeStorage, store, platform: 'linux' });
    await vault.save({ token: TOKEN, accountId: 99 }, { allowPlaintext: false });
    expect(store.text()).not.toContain(TOKEN);
    expect(store.text()).toContain('gnome_libsecret');
    expect(fake.safeStorage.encrypted).toEqual([TOKEN]);
    await expect(vault.load()).resolves.toEqual({ token: TOKEN, accountId: 99, backend: 'gnome_libsecret' });
  });

  it('never returns the token from anything but load()', async () => {
    const vault = safeStorageVault({ safeStorage: fake.safeStorage, store: textStore(), platform: 'linux' });
    const results = [
      await vault.save({ token: TOKEN, accountId: 1 }, { allowPlaintext: false }),
      await vault.backend(),
      await vault.needsPlaintextConsent(),
      await vault.clear(),
    ];
    expect(JSON.stringify(results)).not.toContain('SECRET');
    await expect(vault.load()).resolves.toBeNull();
  });

  it('refuses to save on basic_text without consent, and saves with it', async () => {
    fake.safeStorage.backend = 'basic_text';
    const store = textStore();
    const vault = safeStorageVault({ safeStorage: fake.safeStorage, store, platform: 'linux' });
    await expect(vault.needsPlaintextConsent()).resolves.toBe(true);
    const refusal = await vault.save({ token: TOKEN, accountId: 5 }, { allowPlaintext: false }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).kind).toBe('consent-required');
    expect((refusal as AppFailure).message).not.toContain(TOKEN);
    expect(store.text()).toBe('');
    await vault.save({ token: TOKEN, accountId: 5 }, { allowPlaintext: true });
    await expect(vault.load()).resolves.toEqual({ token: TOKEN, accountId: 5, backend: 'basic_text' });
  });

  it('names the OS keystore on macOS and Windows without asking for consent', async () => {
    fake.safeStorage.backend = 'basic_text'; // ignored off Linux, as in Electron
    for (const [platform, expected] of [['darwin', 'keychain'], ['win32', 'dpapi']] as const) {
      const vault = safeStorageVault({ safeStorage: fake.safeStorage, store: textStore(), platform });
      await expect(vault.backend()).resolves.toBe(expected);
      await expect(vault.needsPlaintextConsent()).resolves.toBe(false);
      await vault.save({ token: TOKEN, accountId: 3 }, { allowPlaintext: false });
      await expect(vault.load()).resolves.toMatchObject({ backend: expected });
    }
  });

  it('asks for consent where encryption is unavailable, and fails in words if saved anyway', async () => {
    fake.safeStorage.available = false;
    const vault = safeStorageVault({ safeStorage: fake.safeStorage, store: textStore(), platform: 'darwin' });
    await expect(vault.needsPlaintextConsent()).resolves.toBe(true);
    await expect(vault.save({ token: TOKEN, accountId: 3 }, { allowPlaintext: false })).rejects.toMatchObject({
      kind: 'consent-required',
    });
  });

  it('returns null for a record it cannot decrypt or parse', async () => {
    const store = textStore();
    const vault = safeStorageVault({ safeStorage: fake.safeStorage, store, platform: 'linux' });
    store.set('credentials', { encryptedToken: Buffer.from('garbage').toString('base64'), accountId: 1, backend: 'kwallet' });
    await expect(vault.load()).resolves.toBeNull();
    store.set('credentials', { token: TOKEN });
    await expect(vault.load()).resolves.toBeNull();
  });
});
