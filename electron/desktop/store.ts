// JsonStore over electron-store: one JSON file per name in the data folder (HARVEST_TRAY_DATA_DIR
// or the app's userData), written atomically by conf underneath.
import ElectronStore from 'electron-store';
import type { JsonStore } from '../core/ports';

export function electronJsonStore(options: { dataDir: string; name: string }): JsonStore {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: options.dataDir,
    name: options.name,
    // Values are the core's own and validated by it on read; a corrupt file starts empty
    // instead of stopping the app at launch.
    clearInvalidConfig: true,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      // electron-store refuses undefined; the JsonStore contract treats it as removal.
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
