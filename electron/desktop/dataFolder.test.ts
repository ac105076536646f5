// Without HARVEST_TRAY_DATA_DIR the tray keeps its settings, caches and named accounts in
// Electron's userData folder, and the command line and web host look in defaultDataDir: the two
// must be one folder, or an account added in one is missing from the other.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../web/userDataDir';
import { fake } from './testing/fakeElectron';

describe('the default data folder', () => {
  it("is the one Electron gives the tray as userData, by the app's name", () => {
    expect(basename(fake.app.getPath('userData'))).toBe(basename(defaultDataDir('linux', {}, '/home/someone')));
  });
});
