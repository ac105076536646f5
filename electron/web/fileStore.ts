// The web host's JsonStore on disk (see core/jsonFileStore).
import { createJsonFileStore } from '../core/jsonFileStore';
import type { JsonStore } from '../core/ports';

/** Its own file: the desktop app's electron-store may hold the same folder, and run at the same time. */
export const WEB_STORE_NAME = 'web-host-store';

export function createFileStore(dataDir: string): JsonStore {
  return createJsonFileStore({ dataDir, name: WEB_STORE_NAME });
}
