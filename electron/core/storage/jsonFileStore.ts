// A JsonStore kept in one JSON file through `conf` (electron-store on the desktop, which is conf
// with Electron's defaults), set up the same way for every host: keys are plain names (dots are
// not paths into objects), the file is the user's alone (0600), written atomically (conf writes
// through `atomically`: temporary file, fsync, rename), and an unreadable file is set aside with
// a notice instead of stopping the app or being silently emptied.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonStore } from '../ports';
import { setAsideSync, type SetAsideFile } from './setAside';

/** The slice of conf (and of electron-store) the store uses. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * The desktop app's store file (settings and reference caches), which the command line shares so
 * both see the same settings and caches of an account.
 */
export const APP_STORE_NAME = 'harvest-tray';

/** Settings, the user's e-mail, clients and entries: for this user's eyes only. */
export const PRIVATE_MODE = 0o600;

/** Options every host passes to conf or electron-store, so both read and write files alike. */
export const SHARED_CONF_OPTIONS = {
  // The core's keys are names ("cache-1-me", "queue.v1"), never paths into nested objects.
  accessPropertiesByDotNotation: false,
  configFileMode: PRIVATE_MODE,
  // An unreadable file is set aside below, with a notice; conf's own option would empty it silently.
  clearInvalidConfig: false,
} as const;

export interface JsonFileStoreOptions {
  dataDir: string;
  /** The file's name without `.json`. */
  name: string;
  /** What starting without the file means for the user, said in the notice. */
  consequence: string;
  /** Builds conf (or electron-store) over the file, with SHARED_CONF_OPTIONS. */
  open: () => ConfLike;
  now?: () => Date;
}

/**
 * Watches one JSON file of keys: sets it aside (renamed with the time) when it is no longer a
 * JSON object, keeps a record of what it set aside for the user's notice, and keeps the file
 * private. Shared by every store that keeps such a file, with or without conf.
 */
export class JsonFileGuard {
  private readonly setAside: SetAsideFile[] = [];
  private readonly listeners = new Set<(file: SetAsideFile) => void>();

  constructor(
    readonly path: string,
    private readonly consequence: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sets the file aside when it is no longer a JSON object; true when it did. */
  setAsideIfUnreadable(): boolean {
    if (isReadableObjectFile(this.path)) return false;
    const file = setAsideSync(this.path, this.now(), this.consequence);
    this.setAside.push(file);
    for (const listener of this.listeners) listener(file);
    return true;
  }

  /** A file written before the store made its files private (0644) becomes private now. */
  makePrivate(): void {
    if (!existsSync(this.path)) return;
    if ((statSync(this.path).mode & 0o777) !== PRIVATE_MODE) chmodSync(this.path, PRIVATE_MODE);
  }

  onSetAside(listener: (file: SetAsideFile) => void): void {
    for (const file of this.setAside) listener(file);
    this.listeners.add(listener);
  }
}

export function openJsonFileStore(options: JsonFileStoreOptions): JsonStore {
  const guard = new JsonFileGuard(join(options.dataDir, `${options.name}.json`), options.consequence, options.now);
  guard.setAsideIfUnreadable();
  guard.makePrivate();
  const conf = options.open();

  // The file is read again on every access (conf does not cache it), so it can turn unreadable
  // while the app runs; the first access that meets that sets it aside and tries once more.
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (!guard.setAsideIfUnreadable()) throw error;
      return work();
    }
  };

  return {
    get: (key) => guarded(() => conf.get(key)),
    set: (key, value) =>
      guarded(() => {
        // JSON has no undefined: storing it means "no value", as a store on disk reads it back.
        if (value === undefined) conf.delete(key);
        else conf.set(key, value);
      }),
    delete: (key) => guarded(() => conf.delete(key)),
    onSetAside: (listener) => guard.onSetAside(listener),
  };
}

/** Missing counts as readable: conf starts a new file. */
function isReadableObjectFile(path: string): boolean {
  if (!existsSync(path)) return true;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
