// Tokens in the operating system's keyring (Keychain, Windows Credential Manager, the Secret
// Service of GNOME Keyring or KWallet) through @napi-rs/keyring. Plain Node, so the tray can use
// the same store from its main process. The native module is loaded only when a token is needed:
// most commands run on HARVEST_ACCESS_TOKEN or read no token at all, and should not pay for it.
import type { KeyringProbe, SecretStore } from './secretStore';

/** The slice of @napi-rs/keyring's AsyncEntry used here. */
export interface KeyringEntry {
  getPassword(): Promise<string | null | undefined>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}

/** Makes an entry; throws when the platform's store cannot be reached (as the library does). */
export type KeyringEntryFactory = (service: string, key: string) => KeyringEntry;

export const KEYRING_SERVICE = 'Harvest Tray';
const PROBE_KEY = 'keyring-availability-check';

/**
 * On Linux the library silently falls back to the kernel keyring, which forgets everything at
 * reboot; pinning the Secret Service makes a missing one an error we can report instead.
 */
export async function realKeyringEntries(): Promise<KeyringEntryFactory> {
  const { AsyncEntry } = await import('@napi-rs/keyring');
  return (service, key) => new AsyncEntry(service, key, { linux: { store: 'secret-service' } });
}

export async function probeKeyring(options: {
  entries: () => Promise<KeyringEntryFactory>;
  platform: NodeJS.Platform;
  /** HARVEST_TRAY_NO_KEYRING=1: behave as on a machine without a keyring (CI, shared accounts). */
  disabled: boolean;
}): Promise<KeyringProbe> {
  const missing =
    options.platform === 'linux'
      ? 'this computer has no keyring (no Secret Service, such as GNOME Keyring or KWallet, answers on the session bus)'
      : 'the system keyring could not be reached';
  if (options.disabled) return { store: null, problem: 'the keyring is turned off here (HARVEST_TRAY_NO_KEYRING)' };
  let entryFor: KeyringEntryFactory;
  try {
    entryFor = await options.entries();
    // Reaching the store at all is the test: a locked or absent keyring fails here.
    await entryFor(KEYRING_SERVICE, PROBE_KEY).getPassword();
  } catch {
    return { store: null, problem: missing };
  }
  return { store: keyringStore(entryFor), problem: null };
}

function keyringStore(entryFor: KeyringEntryFactory): SecretStore {
  return {
    kind: 'keyring',
    description: 'the system keyring',
    read: async (key) => (await entryFor(KEYRING_SERVICE, key).getPassword()) ?? null,
    write: (key, secret) => entryFor(KEYRING_SERVICE, key).setPassword(secret),
    remove: async (key) => {
      await entryFor(KEYRING_SERVICE, key).deletePassword();
    },
  };
}
