// Every window the app opens, and the policies its pages run under, compared with the settings
// Electron's security checklist asks for (docs/tutorial/security.md). Any weakening fails here:
// a preference added or changed, a second `new BrowserWindow`, a looser CSP directive.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { appPage } from './bridge/main/appPage';
import { cspMetaTag, developmentCsp, productionCsp, withCspMeta } from './csp';
import { fake } from './testing/fakeElectron';
import { createPopoverWindow } from './window';

const electronDir = fileURLToPath(new URL('../', import.meta.url));

const STRICT_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
  preload: '/app/out/preload/preload.cjs',
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

beforeEach(() => fake.reset());

describe('window security', () => {
  it('opens windows in one place only: window.ts', () => {
    const creators = sourceFiles(electronDir).filter((path) => /new BrowserWindow\(/.test(readFileSync(path, 'utf8')));
    expect(creators.map((path) => path.slice(electronDir.length))).toEqual(['desktop/window.ts']);
  });

  it.each(['popover', 'window'] as const)('the %s keeps exactly the strict webPreferences', (mode) => {
    const page = appPage({ rendererFile: '/app/out/renderer/index.html', isPackaged: true });
    createPopoverWindow({ page, preloadPath: '/app/out/preload/preload.cjs', mode });
    for (const window of fake.windows()) expect(window.options.webPreferences).toEqual(STRICT_PREFERENCES);
  });

  it('the production CSP allows only the app itself', () => {
    const policy = directives(productionCsp);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|data:)$/);
    }
  });

  it('the development CSP loosens only what the dev server needs, for its origin only', () => {
    const policy = directives(developmentCsp('http://localhost:5173'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('the built page carries the production policy first in its head', () => {
    const html = withCspMeta('<!doctype html><html><head><title>x</title></head><body></body></html>');
    expect(html.indexOf(cspMetaTag())).toBeGreaterThan(html.indexOf('<head>'));
    expect(html.indexOf(cspMetaTag())).toBeLessThan(html.indexOf('<title>'));
    expect(() => withCspMeta('<html><body></body></html>')).toThrow(/no <head>/);
  });
});
