import { describe, expect, it } from 'vitest';
import { appPage } from './appPage';

const rendererFile = '/opt/Harvest Tray/resources/app.asar/out/renderer/index.html';

describe('appPage', () => {
  it('in development, loads the dev server named by ELECTRON_RENDERER_URL and trusts only its origin', () => {
    const page = appPage({ devServerUrl: 'http://localhost:5173/', rendererFile, isPackaged: false });
    expect(page.location).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(page.isAppPage('http://localhost:5173/index.html')).toBe(true);
    expect(page.isAppPage('http://localhost:5174/')).toBe(false);
  });

  it('in a packaged app, ignores ELECTRON_RENDERER_URL and loads its own file', () => {
    const page = appPage({ devServerUrl: 'https://evil.example/', rendererFile, isPackaged: true });
    expect(page.location).toEqual({ kind: 'file', path: rendererFile });
    expect(page.isAppPage('https://evil.example/')).toBe(false);
    expect(page.isAppPage('file:///opt/Harvest%20Tray/resources/app.asar/out/renderer/index.html#review')).toBe(true);
  });

  it('trusts only the one built file, not its neighbours', () => {
    const page = appPage({ rendererFile, isPackaged: true });
    expect(page.isAppPage('file:///opt/Harvest%20Tray/resources/app.asar/out/renderer/other.html')).toBe(false);
    expect(page.isAppPage('not a url')).toBe(false);
  });
});
