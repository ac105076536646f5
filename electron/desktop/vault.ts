// TokenVault over Electron's safeStorage (async API) and a JsonStore file: where versions before
// named accounts kept the sign-in. The core reads it once and moves it to the named accounts. The token is encrypted
// by the OS (Keychain, DPAPI, libsecret/kwallet) before it touches disk; where Linux has no keyring
// (basic_text) it is only obfuscated, so saving there needs the user's explicit consent. Only
// load() ever hands the token back, and only the core holds this object.
import * as z from 'zod';
import { vaultBackendSchema, type VaultBackend } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { JsonStore, StoredCredentials, TokenVault } from '../core/ports';

/** The slice of Electron's safeStorage the vault uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

const CREDENTIALS_KEY = 'credentials';

/** Which protection safeStorage gives now. */
export async function safeStorageBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Promise<VaultBackend> {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  const parsed = vaultBackendSchema.safeParse(safeStorage.getSelectedStorageBackend());
  return parsed.success ? parsed.data : 'unknown';
}

/** true where safeStorage would only obfuscate (Linux basic_text), or cannot be used at all. */
export async function safeStorageNeedsConsent(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return true;
  if (platform !== 'linux') return false;
  // 'unknown' means the keyring could not be identified: no proof the token is protected.
  const chosen = await safeStorageBackend(safeStorage, platform);
  return chosen === 'basic_text' || chosen === 'unknown';
}

const storedRecordSchema = z.object({
  encryptedToken: z.string().min(1),
  accountId: z.number().int().positive(),
  backend: vaultBackendSchema,
});

export function safeStorageVault(options: {
  safeStorage: SafeStorageLike;
  /** A store of its own, so settings files never sit beside the token. */
  store: JsonStore;
  platform: NodeJS.Platform;
}): TokenVault {
  const { safeStorage, store, platform } = options;

  const backend = () => safeStorageBackend(safeStorage, platform);
  const needsPlaintextConsent = () => safeStorageNeedsConsent(safeStorage, platform);

  const write = async (credentials: { token: string; accountId: number }, used: VaultBackend) => {
    const encrypted = await safeStorage.encryptStringAsync(credentials.token);
    store.set(CREDENTIALS_KEY, {
      encryptedToken: encrypted.toString('base64'),
      accountId: credentials.accountId,
      backend: used,
    } satisfies z.infer<typeof storedRecordSchema>);
  };

  return {
    backend,
    needsPlaintextConsent,

    async save(credentials, { allowPlaintext }) {
      if ((await needsPlaintextConsent()) && !allowPlaintext) {
        throw new AppFailure({
          kind: 'consent-required',
          message:
            'This computer has no keyring to encrypt your token. Harvest Tray can store it without encryption if you agree.',
        });
      }
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        throw new AppFailure({
          kind: 'unexpected',
          message: 'Harvest Tray could not reach the system keyring to store your token. Please try again.',
        });
      }
      await write(credentials, await backend());
    },

    async load(): Promise<StoredCredentials | null> {
      const record = storedRecordSchema.safeParse(store.get(CREDENTIALS_KEY));
      if (!record.success) return null;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
          Buffer.from(record.data.encryptedToken, 'base64'),
        );
        if (shouldReEncrypt) await write({ token: result, accountId: record.data.accountId }, await backend());
        return { token: result, accountId: record.data.accountId, backend: record.data.backend };
      } catch {
        // The keyring changed or was reset: the token cannot be recovered; the user signs in again.
        return null;
      }
    },

    async clear() {
      store.delete(CREDENTIALS_KEY);
    },
  };
}
