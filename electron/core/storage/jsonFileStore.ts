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

/** Options every host passes to conf or electron-store, so both read and write files alike. */
export const SHARED_CONF_OPTIONS = {
  // The core's keys are names ("cache-1-me", "queue.v1"), never paths into nested objects.
  accessPropertiesByDotNotation: false,
  // Settings, the user's e-mail, clients and entries: for this user's eyes only.
  configFileMode: 0o600,
  // An unreadable file is set aside below, with a notice; conf's own option would empty it silently.
  clearInvalidConfig: false,
} as const;

const PRIVATE_MODE = 0o600;

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

export function openJsonFileStore(options: JsonFileStoreOptions): JsonStore {
  const path = join(options.dataDir, `${options.name}.json`);
  const now = options.now ?? (() => new Date());
  const setAside: SetAsideFile[] = [];
  const listeners = new Set<(file: SetAsideFile) => void>();

  /** Sets the file aside when it is no longer a JSON object; true when it did. */
  const setAsideIfUnreadable = (): boolean => {
    if (isReadableObjectFile(path)) return false;
    const file = setAsideSync(path, now(), options.consequence);
    setAside.push(file);
    for (const listener of listeners) listener(file);
    return true;
  };

  setAsideIfUnreadable();
  makePrivate(path);
  const conf = options.open();

  // The file is read again on every access (conf does not cache it), so it can turn unreadable
  // while the app runs; the first access that meets that sets it aside and tries once more.
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (!setAsideIfUnreadable()) throw error;
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
    onSetAside: (listener) => {
      for (const file of setAside) listener(file);
      listeners.add(listener);
    },
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

/** A file written before the store made its files private (0644) becomes private now. */
function makePrivate(path: string): void {
  if (!existsSync(path)) return;
  if ((statSync(path).mode & 0o777) !== PRIVATE_MODE) chmodSync(path, PRIVATE_MODE);
}
