// The web host's JsonStore on disk, with `conf` (what electron-store is built on, usable in plain
// Node): atomic writes, so settings and the pending-changes queue survive a restart or a crash.
import Conf from 'conf';
import type { JsonStore } from '../core/ports';

/** Its own file: the desktop app's electron-store may hold the same folder, and run at the same time. */
export const WEB_STORE_NAME = 'web-host-store';

export function createFileStore(dataDir: string): JsonStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: WEB_STORE_NAME,
    projectName: 'harvest-tray',
    // The core's keys may contain dots ("queue.v1"); they are names, not paths into objects.
    accessPropertiesByDotNotation: false,
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
