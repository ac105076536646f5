import { beforeEach, describe, expect, it } from 'vitest';
import { appPage } from './bridge/main/appPage';
import { isAllowedExternalUrl, openExternalSafely } from './externalLinks';
import { BrowserWindow, fake } from './testing/fakeElectron';
import { createPopoverWindow, hardenSession } from './window';

const page = appPage({ rendererFile: '/app/out/renderer/index.html', isPackaged: true });

function popover(mode: 'popover' | 'window' = 'popover'): BrowserWindow {
  createPopoverWindow({ page, preloadPath: '/app/out/preload/preload.cjs', mode });
  const window = fake.windows().at(-1);
  if (!window) throw new Error('no window created');
  return window;
}

beforeEach(() => fake.reset());

describe('createPopoverWindow', () => {
  it('creates a hidden, frameless, fixed-size window with an isolated sandboxed renderer', () => {
    const window = popover();
    expect(window.options).toMatchObject({
      width: 380,
      height: 560,
      show: false,
      frame: false,
      resizable: false,
      skipTaskbar: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/app/out/preload/preload.cjs',
      },
    });
    expect(window.isVisible()).toBe(false);
    expect(window.webContents.getURL()).toBe('file:///app/out/renderer/index.html');
  });

  it('prevents every navigation away from the page', () => {
    const window = popover();
    expect(window.webContents.attemptNavigation('https://evil.example/')).toBe(true);
    expect(window.webContents.attemptNavigation('file:///etc/passwd')).toBe(true);
  });

  it('denies new windows, sending only Harvest links to the browser', () => {
    const handler = popover().webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'https://acme.harvestapp.com/time' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://acme.harvestapp.com/time']);
  });

  it('as an ordinary window (no tray) keeps its frame and taskbar entry', () => {
    const window = popover('window');
    expect(window.options).toMatchObject({ frame: true, skipTaskbar: false, webPreferences: { sandbox: true } });
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', async () => {
    hardenSession(page);
    await expect(fake.session.requestPermission('media')).resolves.toBe(false);
    await expect(fake.session.requestPermission('notifications')).resolves.toBe(false);
    expect(fake.session.permissionCheckHandler?.(null, 'clipboard-read')).toBe(false);
  });

  it('adds a CSP header to dev server pages', async () => {
    hardenSession(appPage({ devServerUrl: 'http://localhost:5173', rendererFile: '/x.html', isPackaged: false }));
    const headers = await fake.session.serve('http://localhost:5173/', { 'Content-Type': ['text/html'] });
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(String(headers['Content-Security-Policy'])).toContain("default-src 'none'");
    expect(String(headers['Content-Security-Policy'])).toContain('ws://localhost:5173');
  });
});

describe('external links', () => {
  it.each([
    ['https://acme.harvestapp.com/time/week', true],
    ['https://harvestapp.com/', true],
    ['https://id.getharvest.com/developers', true],
    ['http://acme.harvestapp.com/', false],
    ['https://harvestapp.com.evil.example/', false],
    ['https://evilharvestapp.com/', false],
    ['https://user:pw@acme.harvestapp.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('openExternalSafely opens allowed pages and refuses others in words', async () => {
    await openExternalSafely(fake.shell, 'https://acme.harvestapp.com/');
    await expect(openExternalSafely(fake.shell, 'https://evil.example/')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(fake.shell.opened).toEqual(['https://acme.harvestapp.com/']);
  });
});
