// A keyring that behaves like @napi-rs/keyring's AsyncEntry: entries per (service, key), and a
// store that can be made unreachable, in which case making an entry throws as the library does.
import type { KeyringEntryFactory } from '../keyringStore';

export interface FakeKeyring {
  entries: KeyringEntryFactory;
  /** Every stored secret by "service/key". */
  secrets: Map<string, string>;
  reachable: boolean;
}

export function fakeKeyring(): FakeKeyring {
  const keyring: FakeKeyring = {
    secrets: new Map(),
    reachable: true,
    entries: (service, key) => {
      if (!keyring.reachable) throw new Error('Platform failure: DBus error: no secret service');
      const id = `${service}/${key}`;
      return {
        getPassword: async () => keyring.secrets.get(id) ?? null,
        setPassword: async (password) => {
          keyring.secrets.set(id, password);
        },
        deletePassword: async () => keyring.secrets.delete(id),
      };
    },
  };
  return keyring;
}
