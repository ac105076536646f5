import { describe, expect, it } from 'vitest';
import { describeJsonFileStore } from '../core/storage/testing/jsonFileStoreBehaviour';
import { createFileStore, WEB_STORE_NAME } from './fileStore';
import { defaultDataDir } from './userDataDir';

describeJsonFileStore('the web host’s store on disk (conf)', {
  open: (dataDir) => createFileStore(dataDir),
  fileName: `${WEB_STORE_NAME}.json`,
});

describe('defaultDataDir', () => {
  it('matches where Electron keeps the desktop app’s user data on each system', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Harvest Tray');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Harvest Tray');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Harvest Tray');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toContain('Harvest Tray');
  });
});
