// What the core needs from its host (desktop or web), as interfaces the hosts implement.
// The core never imports 'electron'; the desktop host hands it safeStorage- and
// electron-store-backed implementations, the web host and tests plain ones.
import type { VaultBackend } from '../../shared/domain';
import type { SetAsideFile } from './storage/setAside';

export interface StoredCredentials {
  token: string;
  accountId: number;
  /** The backend that encrypted the token when it was saved, so a change can be noticed. */
  backend: VaultBackend;
}

export interface TokenVault {
  /** Which protection a save would use now. */
  backend(): Promise<VaultBackend>;
  /** true where saving would store the token without OS encryption (Linux basic_text). */
  needsPlaintextConsent(): Promise<boolean>;
  /** Throws AppFailure kind 'consent-required' when plaintext storage was not agreed to. */
  save(credentials: { token: string; accountId: number }, options: { allowPlaintext: boolean }): Promise<void>;
  load(): Promise<StoredCredentials | null>;
  clear(): Promise<void>;
}

/** A small persistent key-value store (electron-store on the desktop, conf or memory elsewhere). */
export interface JsonStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /**
   * Hears about each file this store found unreadable and set aside (on opening, or later),
   * those already set aside first. Stores that keep nothing on disk have none.
   */
  onSetAside?(listener: (file: SetAsideFile) => void): void;
}

/** Resolved configuration from the environment (config.ts). */
export interface AppConfig {
  apiUrl: string;
  idUrl: string;
  /** HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID: credentials given up front, no sign-in screen. */
  envCredentials: { token: string; accountId: number } | null;
  /** HARVEST_TRAY_DATA_DIR, or the host's per-user app data folder. */
  dataDir: string;
  /** Start straight into the demo (npm run demo). */
  demo: boolean;
}
