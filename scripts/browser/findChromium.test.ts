import { describe, expect, it } from 'vitest';
import { win32 } from 'node:path';
import { findChromium, type ChromiumLookup } from './findChromium';

const PLAYWRIGHT_OWN = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine whose files are exactly `files`; Playwright's own Chromium would live at PLAYWRIGHT_OWN. */
function machine(platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv = {}): ChromiumLookup {
  return {
    env,
    platform,
    isFile: (path) => files.includes(path),
    playwrightChromium: () => PLAYWRIGHT_OWN,
  };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, over every other browser on the machine', () => {
    const found = findChromium(
      machine('linux', ['/opt/my-chromium/chrome', PLAYWRIGHT_OWN, '/usr/bin/chromium'], {
        CHROMIUM_PATH: '/opt/my-chromium/chrome',
      }),
    );
    expect(found).toEqual({ found: true, path: '/opt/my-chromium/chrome', source: 'CHROMIUM_PATH' });
  });

  it("then Playwright's own Chromium, where `npx playwright install chromium` put it", () => {
    const found = findChromium(machine('linux', [PLAYWRIGHT_OWN, '/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere' }));
    expect(found).toEqual({ found: true, path: PLAYWRIGHT_OWN, source: 'Playwright' });
  });

  it("skips Playwright's Chromium when Playwright cannot say where it would be", () => {
    const lookup = { ...machine('linux', ['/usr/bin/chromium']), playwrightChromium: () => null };
    expect(findChromium(lookup)).toEqual({ found: true, path: '/usr/bin/chromium', source: 'system' });
  });

  it.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/usr/bin/chromium-browser'],
    ['linux', '/snap/bin/chromium'],
    ['linux', '/usr/bin/google-chrome-stable'],
    ['linux', '/usr/bin/google-chrome'],
    ['darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['win32', win32.join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe')],
    ['win32', win32.join('C:\\Program Files (x86)', 'Google', 'Chrome', 'Application', 'chrome.exe')],
    ['win32', win32.join('C:\\Users\\me\\AppData\\Local', 'Google', 'Chrome', 'Application', 'chrome.exe')],
    ['win32', win32.join('C:\\Users\\me\\AppData\\Local', 'Chromium', 'Application', 'chrome.exe')],
  ] as const)('then the system browser on %s at %s', (platform, path) => {
    const env = {
      HOME: '/Users/me',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
    };
    expect(findChromium(machine(platform, [path], env))).toEqual({ found: true, path, source: 'system' });
  });

  it("prefers Debian's Chromium to Chrome on Linux, as CI installs it", () => {
    const found = findChromium(machine('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']));
    expect(found).toEqual({ found: true, path: '/usr/bin/chromium', source: 'system' });
  });

  it("never takes another system's path (a Mac's Chrome is no use on Linux)", () => {
    const found = findChromium(machine('linux', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']));
    expect(found.found).toBe(false);
  });

  describe('where none is found: one sentence naming the command that installs one here', () => {
    it('on Debian and Ubuntu, apt-get first, then Playwright with its libraries', () => {
      const found = findChromium(machine('linux', ['/usr/bin/apt-get']));
      expect(found).toEqual({
        found: false,
        instruction:
          'No Chromium or Chrome was found for the end-to-end tests: install one with `sudo apt-get install chromium` (or `npx playwright install --with-deps chromium`), or set CHROMIUM_PATH to one.',
      });
    });

    it('on another Linux, Playwright with the libraries its Chromium needs', () => {
      const found = findChromium(machine('linux', []));
      expect(found).toEqual({
        found: false,
        instruction:
          'No Chromium or Chrome was found for the end-to-end tests: install one with `npx playwright install --with-deps chromium`, or set CHROMIUM_PATH to one.',
      });
    });

    it.each(['darwin', 'win32'] as const)('on %s, Playwright alone', (platform) => {
      const found = findChromium(machine(platform, []));
      expect(found).toEqual({
        found: false,
        instruction:
          'No Chromium or Chrome was found for the end-to-end tests: install one with `npx playwright install chromium`, or set CHROMIUM_PATH to one.',
      });
    });

    it('names a CHROMIUM_PATH that leads nowhere, still in one sentence', () => {
      const found = findChromium(machine('darwin', [], { CHROMIUM_PATH: '/opt/gone/chrome' }));
      expect(found).toEqual({
        found: false,
        instruction:
          'CHROMIUM_PATH (/opt/gone/chrome) is not a file and no other Chromium or Chrome was found for the end-to-end tests: install one with `npx playwright install chromium`, or set CHROMIUM_PATH to one.',
      });
    });
  });
});
