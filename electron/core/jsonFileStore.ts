// A JsonStore on disk with `conf` (what electron-store is built on, usable in plain Node): atomic
// writes, so settings, caches and the pending-changes queue survive a restart or a crash. The
// file format is electron-store's, so a host can open the desktop app's own file by its name.
import Conf from 'conf';
import type { JsonStore } from './ports';

export interface JsonFileStoreOptions {
  dataDir: string;
  /** The file's name without `.json`. */
  name: string;
  /** A file that is not JSON (truncated, hand-edited) reads as empty instead of failing, as in the tray. */
  clearInvalid?: boolean;
}

export function createJsonFileStore(options: JsonFileStoreOptions): JsonStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.dataDir,
    configName: options.name,
    projectName: 'harvest-tray',
    // The core's keys may contain dots ("queue.v1"); they are names, not paths into objects.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: options.clearInvalid ?? false,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => {
      // JSON has no undefined: storing it means "no value", as a store on disk reads it back.
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
    delete: (key) => conf.delete(key),
  };
}
