// The tray's named accounts: the same list and the same stores as the command line, so an
// account added in either shows in both. Tokens go to the system keyring (Keychain, Windows
// Credential Manager, the Secret Service) through @napi-rs/keyring, which the command line reads
// too; where it does not answer, to safeStorage if that encrypts (the tray alone can read those);
// otherwise, with consent, to the plaintext file both read. safeStorage alone would keep every
// token out of the command line's reach, since its key is Electron's.
import { AccountBook } from '../core/accounts/accountBook';
import { AccountRegistry } from '../core/accounts/accountRegistry';
import { probeKeyring, realKeyringEntries, type KeyringEntryFactory } from '../core/accounts/keyringStore';
import { plaintextStore } from '../core/accounts/plaintextStore';
import { createHarvestClient } from '../core/harvest/createHarvestClient';
import type { JsonStore } from '../core/ports';
import { safeStorageSecrets } from './safeStorageSecrets';
import type { SafeStorageLike } from './vault';

export const TRAY_CONSENT_HINT = 'Agree to that to stay signed in.';

export function desktopAccountBook(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  safeStorage: SafeStorageLike;
  /** The vault's own store: the tray's safeStorage tokens sit beside the old sign-in. */
  vaultStore: JsonStore;
  /** Injected for tests: the keyring module is loaded only when a token is read or kept. */
  keyringEntries?: () => Promise<KeyringEntryFactory>;
}): AccountBook {
  // A store found is kept; one not found is looked for again next time, since the tray runs for
  // days and a keyring started after it (a login that opens the tray first) answers later.
  const keyring = lookedForAgainUntilFound(
    () =>
      probeKeyring({
        entries: options.keyringEntries ?? realKeyringEntries,
        platform: options.platform,
        disabled: options.env.HARVEST_TRAY_NO_KEYRING === '1',
      }),
    (probe) => probe.store !== null,
  );
  const hostStore = lookedForAgainUntilFound(
    () => safeStorageSecrets({ safeStorage: options.safeStorage, store: options.vaultStore, platform: options.platform }),
    (store) => store !== null,
  );
  return new AccountBook({
    registry: new AccountRegistry(options.dataDir),
    keyring,
    hostStore,
    plaintext: plaintextStore(options.dataDir),
    createClient: createHarvestClient,
    now: () => new Date(),
    consentHint: TRAY_CONSENT_HINT,
  });
}

function lookedForAgainUntilFound<T>(find: () => Promise<T>, found: (value: T) => boolean): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () => {
    if (kept !== null) return kept;
    const looking = find();
    kept = looking;
    looking.then(
      (value) => {
        if (!found(value)) kept = null;
      },
      () => {
        kept = null;
      },
    );
    return looking;
  };
}
