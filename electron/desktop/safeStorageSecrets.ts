// The tray's own token store for named accounts, over Electron's safeStorage: used only where the
// system keyring (which the command line reads too) does not answer but safeStorage still
// encrypts, as with KWallet versions that offer no Secret Service. Its key is Electron's, so the
// command line cannot read these tokens; `harvest-tray accounts list` says so (core/accounts/).
// Where safeStorage would only obfuscate (basic_text), it offers nothing, and the plaintext file
// that both share is used with the user's consent instead.
import * as z from 'zod';
import type { SecretStore } from '../core/accounts/secretStore';
import type { JsonStore } from '../core/ports';
import { safeStorageNeedsConsent, type SafeStorageLike } from './vault';

/** One record of key -> encrypted token: keys hold dots, which electron-store reads as paths. */
const TOKENS_KEY = 'namedTokens';
const recordSchema = z.record(z.string(), z.string());

export async function safeStorageSecrets(options: {
  safeStorage: SafeStorageLike;
  store: JsonStore;
  platform: NodeJS.Platform;
}): Promise<SecretStore | null> {
  const { safeStorage, store, platform } = options;
  if (await safeStorageNeedsConsent(safeStorage, platform)) return null;

  const readAll = (): Record<string, string> => {
    const parsed = recordSchema.safeParse(store.get(TOKENS_KEY));
    return parsed.success ? parsed.data : {};
  };

  return {
    kind: 'safe-storage',
    description: 'the tray app’s encrypted store',
    read: async (key) => {
      const encrypted = readAll()[key];
      if (encrypted === undefined) return null;
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'))).result;
      } catch {
        // The keyring behind safeStorage was reset: the token cannot be recovered.
        return null;
      }
    },
    write: async (key, secret) => {
      const encrypted = (await safeStorage.encryptStringAsync(secret)).toString('base64');
      store.set(TOKENS_KEY, { ...readAll(), [key]: encrypted });
    },
    remove: async (key) => {
      const { [key]: _removed, ...rest } = readAll();
      store.set(TOKENS_KEY, rest);
    },
  };
}
