// Named accounts held in memory only: the web host's (a browser tab is no place for the system
// keyring's promise, so it forgets every token when it stops) and the tests'.
import { AccountBook, type AccountBookDeps } from './accountBook';
import type { AccountList, NamedAccount } from './accountRegistry';
import type { SecretStore } from './secretStore';

export function memoryAccountList(): AccountList {
  let contents: { accounts: NamedAccount[]; defaultAccount: string | null } = { accounts: [], defaultAccount: null };
  return {
    read: async () => ({ ...structuredClone(contents), problems: [], unreadable: false }),
    write: async (next) => {
      contents = structuredClone({ accounts: next.accounts, defaultAccount: next.defaultAccount });
    },
  };
}

export function memorySecretStore(): SecretStore & { size(): number } {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    description: 'memory (forgotten when Harvest Tray stops)',
    read: async (key) => secrets.get(key) ?? null,
    write: async (key, secret) => {
      secrets.set(key, secret);
    },
    remove: async (key) => {
      secrets.delete(key);
    },
    size: () => secrets.size,
  };
}

/**
 * An account book wholly in memory: the list and the tokens. No keyring is asked and no file
 * written, so nothing needs consent.
 */
export function memoryAccountBook(deps: Pick<AccountBookDeps, 'createClient' | 'now'>): AccountBook {
  const tokens = memorySecretStore();
  return new AccountBook({
    registry: memoryAccountList(),
    keyring: async () => ({ store: null, problem: 'this host keeps tokens in memory only' }),
    hostStore: async () => tokens,
    plaintext: tokens,
    consentHint: '',
    ...deps,
  });
}
