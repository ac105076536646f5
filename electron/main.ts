// Composition root: builds the core, hands it to the desktop adapters. Nothing here decides
// behaviour; each piece it wires has its own file and tests.
import { app, globalShortcut, ipcMain, nativeImage, Notification, powerMonitor, safeStorage, screen, shell, Tray } from 'electron';
import { join } from 'node:path';
import { createCore } from './core/app/createCore';
import type { HostHooks } from './core/app/Core';
import { readConfig } from './core/config';
import type { EventSink, NavigateView } from '../shared/contract';
import type { ShortcutStatus } from '../shared/domain';
import { handleArgvActions, type ArgvAction } from './desktop/argv';
import { appPage } from './desktop/bridge/appPage';
import { popoverEventSink } from './desktop/bridge/events';
import { registerIpc } from './desktop/bridge/ipc';
import { openExternalSafely } from './desktop/externalLinks';
import { popoverPosition } from './desktop/position';
import { describeFailure, describeQuickRestart, type Notice } from './desktop/quickRestartNotice';
import { createShortcutRegistry } from './desktop/shortcuts';
import { electronJsonStore } from './desktop/store';
import { createTrayService } from './desktop/tray';
import { trayIconPng } from './desktop/trayIcons';
import { hasStatusNotifierWatcher, trayAvailability } from './desktop/trayAvailability';
import { safeStorageVault } from './desktop/vault';
import { createPopoverWindow, hardenSession } from './desktop/window';

/** Refresh on a slow interval besides show, resume and unlock: polite to Harvest's limits. */
const REFRESH_INTERVAL_MS = 5 * 60 * 1000;

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv through 'second-instance' and acts on it.
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  app.dock?.hide();

  const config = readConfig(process.env, { dataDir: process.env.HARVEST_TRAY_DATA_DIR ?? app.getPath('userData') });
  const page = appPage({
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererFile: join(__dirname, '../renderer/index.html'),
    isPackaged: app.isPackaged,
  });
  hardenSession(page);

  // Where the desktop shows no tray icon (GNOME without AppIndicator), an ordinary window instead.
  const trayCheck = await trayAvailability({
    env: process.env,
    platform: process.platform,
    statusNotifierWatcher: () => hasStatusNotifierWatcher(),
  });
  const noTray = !trayCheck.available;
  const popover = createPopoverWindow({
    page,
    preloadPath: join(__dirname, '../preload/preload.cjs'),
    mode: noTray ? 'window' : 'popover',
  });
  const toPopover = popoverEventSink(() => (popover.isDestroyed() ? null : popover.webContents));
  let onTimerChanged = () => {};
  // Every event goes to the popover; timer and entry changes also move the tray, whichever way
  // they happened (popover, shortcut, menu, refresh).
  const emit: EventSink = (event, payload) => {
    toPopover(event, payload);
    if (event === 'timer.changed' || event === 'entries.changed') onTimerChanged();
  };

  let shortcutStatus: ShortcutStatus[] = [];
  const host: HostHooks = {
    shortcutsStatus: () => shortcutStatus,
    openExternal: (url) => openExternalSafely(shell, url),
    hidePopover: () => popover.hide(),
    settingsChanged: (settings) => {
      shortcuts.apply(settings.shortcuts);
      app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
    },
  };

  const core = await createCore({
    config,
    vault: safeStorageVault({
      safeStorage,
      store: electronJsonStore({ dataDir: config.dataDir, name: 'vault' }),
      platform: process.platform,
    }),
    store: electronJsonStore({ dataDir: config.dataDir, name: 'harvest-tray' }),
    emit,
    host,
  });

  registerIpc({
    ipcMain,
    handlers: core.handlers,
    popoverFrame: () => (popover.isDestroyed() ? null : popover.webContents.mainFrame),
    isAppPage: page.isAppPage,
  });

  const tray = noTray ? null : new Tray(nativeImage.createFromBuffer(trayIconPng('idle', process.platform === 'darwin')));

  const showPopover = () => {
    if (tray) {
      const { width, height } = popover.getBounds();
      const position = popoverPosition({
        trayBounds: tray.getBounds(),
        cursor: screen.getCursorScreenPoint(),
        windowSize: { width, height },
        displays: screen.getAllDisplays(),
      });
      popover.setPosition(position.x, position.y);
    }
    popover.show();
    popover.focus();
    emit('ui.shown', {});
    void core.refresh();
  };
  const togglePopover = () => (popover.isVisible() ? popover.hide() : showPopover());
  const navigate = (view: NavigateView) => {
    showPopover();
    emit('ui.navigate', { view });
  };

  const notify = ({ title, body }: Notice) => {
    if (Notification.isSupported()) new Notification({ title, body, silent: true }).show();
  };
  const quickRestart = async () => {
    try {
      notify(describeQuickRestart(await core.quickRestart(), new Date()));
    } catch (error) {
      notify(describeFailure(error));
    }
  };
  const stopRunning = async () => {
    const running = core.runningEntry();
    if (!running) return notify({ title: 'No timer is running', body: '' });
    const reply = await core.handlers['timer.stop']({ id: running.id }).catch((error: unknown) => error);
    if (reply instanceof Error) notify(describeFailure(reply));
  };

  const shortcuts = createShortcutRegistry({
    globalShortcut,
    actions: { togglePopover, quickRestart: () => void quickRestart() },
    env: process.env,
    onChange: (status) => {
      shortcutStatus = status;
      emit('shortcuts.changed', status);
    },
  });
  const settings = await core.handlers['settings.get']({});
  shortcuts.apply(settings.shortcuts);
  app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });

  const trayService = tray
    ? createTrayService({
        tray,
        entries: core,
        platform: process.platform,
        actions: {
          stopTimer: (id) => void core.handlers['timer.stop']({ id }).catch((error: unknown) => notify(describeFailure(error))),
          restartTimer: (id) =>
            void core.handlers['timer.restart']({ id }).catch((error: unknown) => notify(describeFailure(error))),
          togglePopover,
          openPopover: showPopover,
          navigate,
          quit: () => app.quit(),
        },
      })
    : null;
  onTimerChanged = () => trayService?.update();
  trayService?.update();
  trayService?.startTicking();

  if (!trayCheck.available) {
    showPopover();
    notify({ title: 'Harvest Tray opened as a window', body: trayCheck.reason });
  }

  const runAction = (action: ArgvAction) => {
    if (action === 'toggle') togglePopover();
    else if (action === 'quick-restart') void quickRestart();
    else void stopRunning();
  };
  handleArgvActions(app, process.argv, runAction, showPopover);

  const refresh = () => void core.refresh().then(() => trayService?.update());
  powerMonitor.on('resume', refresh);
  powerMonitor.on('unlock-screen', refresh);
  const interval = setInterval(refresh, REFRESH_INTERVAL_MS);

  app.on('window-all-closed', () => {
    // A tray app keeps running with its window hidden or closed.
  });
  app.on('will-quit', () => {
    clearInterval(interval);
    shortcuts.dispose();
    trayService?.dispose();
    void core.dispose();
  });
}
