import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { electronPackageDir, findElectronBinary } from './electronBinary';

const PACKAGE = '/app/node_modules/electron';

function files(entries: Record<string, string>) {
  return {
    exists: (path: string) => path in entries,
    readText: (path: string) => entries[path] ?? null,
  };
}

describe('findElectronBinary', () => {
  it('finds the downloaded binary named by path.txt', () => {
    const binary = join(PACKAGE, 'dist', 'electron');
    const found = findElectronBinary({
      env: {},
      packageDir: PACKAGE,
      ...files({ [join(PACKAGE, 'path.txt')]: 'electron\n', [binary]: '' }),
    });
    expect(found).toBe(binary);
  });

  it('reports nothing (rather than downloading) when path.txt or the binary is missing', () => {
    expect(findElectronBinary({ env: {}, packageDir: PACKAGE, ...files({}) })).toBeNull();
    expect(
      findElectronBinary({ env: {}, packageDir: PACKAGE, ...files({ [join(PACKAGE, 'path.txt')]: 'electron' }) }),
    ).toBeNull();
    expect(findElectronBinary({ env: {}, packageDir: null, ...files({}) })).toBeNull();
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, as electron itself does', () => {
    const binary = join('/opt/electron', 'electron');
    const found = findElectronBinary({
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      packageDir: PACKAGE,
      platform: 'linux',
      ...files({ [binary]: '', [join(PACKAGE, 'dist', 'electron')]: '' }),
    });
    expect(found).toBe(binary);
    const mac = join('/opt/electron', 'Electron.app/Contents/MacOS/Electron');
    expect(
      findElectronBinary({
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        packageDir: null,
        platform: 'darwin',
        ...files({ [mac]: '' }),
      }),
    ).toBe(mac);
  });

  it('locates the installed electron package without running it', () => {
    expect(electronPackageDir(import.meta.url)).toMatch(/node_modules[\\/]electron$/);
  });
});
