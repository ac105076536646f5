// Finds the Electron executable the way electron's own index.js does, but without its fallback:
// requiring 'electron' when the binary is missing starts a download, which hangs or fails on
// machines without internet. Here a missing binary is simply "not found".
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronLookup {
  env: NodeJS.ProcessEnv;
  /** node_modules/electron, or null when the package is not installed. */
  packageDir: string | null;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string | null;
}

/** The executable's path inside a dist folder, as electron's install script writes to path.txt. */
const DEFAULT_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

export function findElectronBinary(lookup: ElectronLookup): string | null {
  const exists = lookup.exists ?? existsSync;
  const readText = lookup.readText ?? readTextOrNull;
  const pathInDist = lookup.packageDir ? readText(join(lookup.packageDir, 'path.txt'))?.trim() || null : null;
  const override = lookup.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();

  let candidate: string | null = null;
  if (override) {
    candidate = join(override, pathInDist ?? DEFAULT_EXECUTABLE[lookup.platform ?? process.platform] ?? 'electron');
  } else if (lookup.packageDir && pathInDist) {
    candidate = join(lookup.packageDir, 'dist', pathInDist);
  }
  return candidate !== null && exists(candidate) ? candidate : null;
}

/** Where the electron package is installed, found without running its index.js. */
export function electronPackageDir(fromUrl: string): string | null {
  try {
    return dirname(createRequire(fromUrl).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
