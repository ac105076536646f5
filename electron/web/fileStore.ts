// The web host's JsonStore on disk, with `conf` (what electron-store is built on, usable in plain
// Node), opened the same way as the desktop's store (core/storage/jsonFileStore.ts).
import Conf from 'conf';
import type { JsonStore } from '../core/ports';
import { openJsonFileStore, SHARED_CONF_OPTIONS } from '../core/storage/jsonFileStore';

/** Its own file: the desktop app's electron-store may hold the same folder, and run at the same time. */
export const WEB_STORE_NAME = 'web-host-store';

export function createFileStore(dataDir: string): JsonStore {
  return openJsonFileStore({
    dataDir,
    name: WEB_STORE_NAME,
    consequence: 'Your settings are back to their defaults; projects and account details are loaded from Harvest again.',
    open: () =>
      new Conf<Record<string, unknown>>({
        ...SHARED_CONF_OPTIONS,
        cwd: dataDir,
        configName: WEB_STORE_NAME,
        projectName: 'harvest-tray',
      }),
  });
}
