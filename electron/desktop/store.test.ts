import { describeJsonFileStore } from '../core/storage/testing/jsonFileStoreBehaviour';
import { electronJsonStore } from './store';

// electron-store runs for real here: vitest.config.ts inlines it so its own import of 'electron'
// reaches the fake (for app.getPath and ipcMain), as it would reach Electron in the app.
describeJsonFileStore('the desktop’s store on disk (electron-store)', {
  open: (dataDir) => electronJsonStore({ dataDir, name: 'harvest-tray' }),
  fileName: 'harvest-tray.json',
});
