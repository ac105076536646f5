// Where the tokens of named accounts are kept. The list of accounts (names, account ids, servers)
// is not secret and lives in a file; each token lives in one of these stores, under a key that
// names whose token it is, never the token itself.
export const SECRET_STORE_KINDS = [
  /** The operating system's keyring, through @napi-rs/keyring: the tray and the command line both read it. */
  'keyring',
  /** A file only this user can read, kept only with the user's consent: both read it too. */
  'plaintext-file',
  /** Electron's safeStorage, whose key only the tray can use: the command line cannot read it. */
  'safe-storage',
  /** The web host's memory: gone when it stops, never in the list on disk. */
  'memory',
] as const;
export type SecretStoreKind = (typeof SECRET_STORE_KINDS)[number];

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
