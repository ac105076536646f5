// Which Chromium the end-to-end tests, the benchmarks and the screenshots run in: the one rule,
// read by playwright.config.ts, scripts/bench.ts and scripts/test.mjs. In order: CHROMIUM_PATH,
// then Playwright's own Chromium where `npx playwright install chromium` put it, then the
// system's Chromium or Chrome where each system installs it. Where there is none, one sentence
// naming the command that installs one on this system: never a stack trace per test.
import { win32 } from 'node:path';

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** True where `path` is a file (a folder, a device or nothing at all is no browser). */
  isFile: (path: string) => boolean;
  /** Where Playwright keeps its own Chromium, installed or not; null where it cannot say. */
  playwrightChromium: () => string | null;
}

export type ChromiumSource = 'CHROMIUM_PATH' | 'Playwright' | 'system';

export type ChromiumFound =
  | { found: true; path: string; source: ChromiumSource }
  | { found: false; instruction: string };

export function findChromium(lookup: ChromiumLookup): ChromiumFound {
  const chosen = lookup.env.CHROMIUM_PATH?.trim();
  if (chosen && lookup.isFile(chosen)) return { found: true, path: chosen, source: 'CHROMIUM_PATH' };

  const playwrights = lookup.playwrightChromium();
  if (playwrights && lookup.isFile(playwrights)) return { found: true, path: playwrights, source: 'Playwright' };

  const system = systemBrowserPaths(lookup.platform, lookup.env).find((path) => lookup.isFile(path));
  if (system) return { found: true, path: system, source: 'system' };

  const what = chosen
    ? `CHROMIUM_PATH (${chosen}) is not a file and no other Chromium or Chrome was found`
    : 'No Chromium or Chrome was found';
  return {
    found: false,
    instruction: `${what} for the end-to-end tests: install one with ${installCommand(lookup)}, or set CHROMIUM_PATH to one.`,
  };
}

/** Where each system's own installers put Chromium and Chrome, the first found being taken. */
function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const bundles = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    const folders = ['/Applications', ...(env.HOME ? [`${env.HOME}/Applications`] : [])];
    return folders.flatMap((folder) => bundles.map((bundle) => `${folder}/${bundle}`));
  }
  if (platform === 'win32') {
    // Chrome installs per machine under Program Files, or per user under LocalAppData.
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    const chrome = roots.map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    const chromium = env.LOCALAPPDATA ? [win32.join(env.LOCALAPPDATA, 'Chromium', 'Application', 'chrome.exe')] : [];
    return [...chrome, ...chromium];
  }
  // Linux and the other Unixes: Debian's package first, as CI installs it.
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ];
}

/** Playwright's download works everywhere with a network; apt-get also where only Debian's mirror is reachable. */
function installCommand(lookup: ChromiumLookup): string {
  if (lookup.platform !== 'linux') return '`npx playwright install chromium`';
  // On Linux, Playwright's Chromium also needs the system's libraries, which --with-deps installs.
  const playwright = '`npx playwright install --with-deps chromium`';
  return lookup.isFile('/usr/bin/apt-get') ? `\`sudo apt-get install chromium\` (or ${playwright})` : playwright;
}
