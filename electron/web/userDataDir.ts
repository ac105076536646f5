// The per-user folder for settings, caches, named accounts and the pending-changes queue when
// HARVEST_TRAY_DATA_DIR is not set: the same place Electron's app.getPath('userData') gives the
// desktop app, which Electron names after package.json's productName (electron-builder takes its
// product name from there too), so every host finds the same files.
import { homedir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };

export const APP_FOLDER_NAME = packageJson.productName;

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}
