// Where the tokens of named accounts are kept. The list of accounts (names, account ids, servers)
// is not secret and lives in a file; each token lives in one of these stores, under a key that
// names whose token it is, never the token itself.
export type SecretStoreKind = 'keyring' | 'plaintext-file';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** Where the tokens go, in words for messages: "the system keyring", a file's path. */
  readonly description: string;
  read(key: string): Promise<string | null>;
  write(key: string, secret: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Why no keyring can be used here, in words a person understands; null when one can. */
export type KeyringProbe = { store: SecretStore; problem: null } | { store: null; problem: string };
