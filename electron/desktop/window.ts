// The popover window: created hidden at start-up so it opens instantly, and locked down:
// isolated sandboxed renderer, strict CSP, no navigation, no new windows, no permissions, and only
// Harvest's own pages opened in the browser (windowSecurity.test.ts keeps it so).
import { BrowserWindow, session, shell } from 'electron';
import type { AppPage } from './bridge/main/appPage';
import { developmentCsp } from './csp';
import { isAllowedExternalUrl } from './externalLinks';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

export interface PopoverWindowOptions {
  page: AppPage;
  preloadPath: string;
  /** 'popover' beside the tray; 'window' where the desktop shows no tray icon. */
  mode: 'popover' | 'window';
}

export function createPopoverWindow({ page, preloadPath, mode }: PopoverWindowOptions): BrowserWindow {
  const asPopover = mode === 'popover';
  const window = new BrowserWindow({
    ...POPOVER_SIZE,
    show: false,
    frame: !asPopover,
    resizable: false,
    maximizable: false,
    minimizable: !asPopover,
    fullscreenable: false,
    skipTaskbar: asPopover,
    title: 'Harvest Tray',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (every new window is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
    },
  });
  hardenContents(window);
  // How it shows, hides and closes lives in popoverController.ts.
  void (page.location.kind === 'url' ? window.loadURL(page.location.url) : window.loadFile(page.location.path));
  return window;
}

function hardenContents(window: BrowserWindow): void {
  const contents = window.webContents;
  // The popover is a single page: any navigation is a link or script taking it elsewhere.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A Harvest link (e.g. "Open in Harvest") goes to the browser; no window ever opens in-app.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Once per app run, before any window loads: the session is shared by every window. */
export function hardenSession(page: AppPage): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  if (page.location.kind === 'url') {
    const origin = new URL(page.location.url).origin;
    const policy = developmentCsp(origin);
    defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
      });
    });
  }
}
