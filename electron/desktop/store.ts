// JsonStore over electron-store: one JSON file per name in the data folder (HARVEST_TRAY_DATA_DIR
// or the app's userData), opened the same way as the web host's store
// (core/storage/jsonFileStore.ts): plain key names, 0600, atomic writes, unreadable files set aside.
import ElectronStore from 'electron-store';
import type { JsonStore } from '../core/ports';
import { openJsonFileStore, SHARED_CONF_OPTIONS } from '../core/storage/jsonFileStore';

const SETTINGS_LOST =
  'Your settings are back to their defaults; projects and account details are loaded from Harvest again.';

export function electronJsonStore(options: {
  dataDir: string;
  name: string;
  /** What starting without this file means for the user; the settings file's words by default. */
  consequence?: string;
}): JsonStore {
  return openJsonFileStore({
    dataDir: options.dataDir,
    name: options.name,
    consequence: options.consequence ?? SETTINGS_LOST,
    open: () =>
      new ElectronStore<Record<string, unknown>>({ ...SHARED_CONF_OPTIONS, cwd: options.dataDir, name: options.name }),
  });
}
