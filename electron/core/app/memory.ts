// In-memory stand-ins for the host's store and vault: the web host keeps nothing on disk between
// runs, and tests need ports they can inspect.
import type { VaultBackend } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import type { JsonStore, StoredCredentials, TokenVault } from '../ports';

export interface MemoryStore extends JsonStore {
  /** Every key held, for tests that check what a sign-out left behind. */
  keys(): string[];
}

export function createMemoryStore(initial: Record<string, unknown> = {}): MemoryStore {
  const values = new Map<string, unknown>(Object.entries(initial));
  return {
    // A structured copy, like a store on disk: callers cannot change what is stored by mutating.
    get: (key) => (values.has(key) ? structuredClone(values.get(key)) : undefined),
    set: (key, value) => {
      values.set(key, structuredClone(value));
    },
    delete: (key) => {
      values.delete(key);
    },
    keys: () => [...values.keys()],
  };
}

export function createMemoryVault(backend: VaultBackend = 'memory'): TokenVault {
  let stored: StoredCredentials | null = null;
  const plaintext = backend === 'basic_text';
  return {
    backend: async () => backend,
    needsPlaintextConsent: async () => plaintext,
    save: async (credentials, options) => {
      if (plaintext && !options.allowPlaintext) {
        throw new AppFailure({
          kind: 'consent-required',
          message: 'Storing the token without encryption needs your consent.',
        });
      }
      stored = { ...credentials, backend };
    },
    load: async () => (stored === null ? null : { ...stored }),
    clear: async () => {
      stored = null;
    },
  };
}
