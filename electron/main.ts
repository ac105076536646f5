// Composition root: builds the core, hands it to the desktop adapters. Nothing here decides
// behaviour; each piece it wires has its own file and tests. The order matters and is tested
// (main.test.ts): Chromium switches before `ready`; the IPC handlers before the popover's page
// loads (they wait for the core while it starts); every call into the core through dispatch.
import { app, globalShortcut, ipcMain, Notification, powerMonitor, safeStorage, screen, shell, Tray } from 'electron';
import { join } from 'node:path';
import type { Channel, EventPayload, EventSink, NavigateView, Reply, RequestOf, ResponseOf } from '../shared/contract';
import type { Settings, ShortcutStatus, SyncState } from '../shared/domain';
import type { Core, HostHooks } from './core/app/Core';
import { createCore } from './core/app/createCore';
import { dispatch } from './core/app/dispatch';
import { readConfig } from './core/config';
import { APP_STORE_NAME } from './core/storage/jsonFileStore';
import { desktopAccountBook } from './desktop/accountBook';
import { commandLineWords, handleArgvActions, type ArgvAction } from './desktop/argv';
import { appPage } from './desktop/bridge/main/appPage';
import { popoverEventSink } from './desktop/bridge/main/events';
import { registerIpc } from './desktop/bridge/main/ipc';
import { openExternalSafely } from './desktop/externalLinks';
import { createLoginItem } from './desktop/loginItem';
import { createPopoverController, type PopoverController } from './desktop/popoverController';
import { popoverPosition } from './desktop/position';
import { createDesktopPresence } from './desktop/presence';
import { describeQuickRestart, describeRefusal, type Notice } from './desktop/quickRestartNotice';
import { createShortcutRegistry, type ShortcutRegistry } from './desktop/shortcuts';
import { applyStartupSwitches } from './desktop/startupSwitches';
import { electronJsonStore } from './desktop/store';
import { createTrayService } from './desktop/tray';
import { trayImageLoader } from './desktop/trayImages';
import { hasStatusNotifierWatcher, trayAvailability } from './desktop/trayAvailability';
import { safeStorageVault } from './desktop/vault';
import { createPopoverWindow, hardenSession } from './desktop/window';
import { windowMenu } from './desktop/windowMenu';

/** Refresh on a slow interval besides show, resume and unlock: polite to Harvest's limits. */
const REFRESH_INTERVAL_MS = 5 * 60 * 1000;

// Chromium reads its switches once, before `ready`.
applyStartupSwitches(app.commandLine, process.env, process.platform);

const cliWords = commandLineWords(process.argv, process.defaultApp === true);
if (cliWords !== null) {
  // The installed `harvest-tray` is the command line too: the same runCli, here in the main
  // process, which is Node. No lock (a running tray must not take the command, nor a command
  // keep a tray from starting), no window, nothing waiting for `ready`; app.exit because an app
  // with no window never quits by itself.
  void import('./cli/processHost').then(({ runCliInProcess }) => runCliInProcess(cliWords, (status) => app.exit(status)));
} else if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv through 'second-instance' and acts on it.
  app.quit();
} else {
  start().catch((error: unknown) => {
    // A bad HARVEST_* variable or an unreadable data folder: say it where it was started.
    console.error(`Harvest Tray could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
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

  // Filled in as start-up goes on; the hooks below only run once they are.
  let popoverWindow: Electron.BrowserWindow | null = null;
  let popover: PopoverController | null = null;
  let shortcuts: ShortcutRegistry | null = null;
  let shortcutStatus: ShortcutStatus[] = [];
  let settings: Settings | null = null;
  let core: Core | null = null;
  let navigate: (view: NavigateView) => void = () => {};
  let onTimerChanged = () => {};
  // The tray says when changes wait: it keeps the sync state last told to the popover.
  let syncState: SyncState | null = null;

  const liveWindow = () => (popoverWindow && !popoverWindow.isDestroyed() ? popoverWindow : null);
  const toPopover = popoverEventSink(() => liveWindow()?.webContents ?? null);
  // Every event goes to the popover; timer and entry changes also move the tray, whichever way
  // they happened (popover, shortcut, menu, refresh), and so does a switch to another account.
  const emit: EventSink = (event, payload) => {
    toPopover(event, payload);
    if (event === 'sync.changed') syncState = payload as EventPayload<'sync.changed'>;
    if (event === 'timer.changed' || event === 'entries.changed' || event === 'session.changed' || event === 'sync.changed') onTimerChanged();
  };

  const loginItem = createLoginItem({
    platform: process.platform,
    env: process.env,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    execPath: process.execPath,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
  });
  // Idle time, reminders and the stop on shutdown; they reach the core and the popover once built.
  const presence = createDesktopPresence({
    powerMonitor,
    notifications: { create: (options) => new Notification(options), isSupported: () => Notification.isSupported() },
    platform: process.platform,
    env: process.env,
    core: () => core,
    settings: () => settings,
    showPopover: () => popover?.show('menu'),
    openReview: () => navigate('review'),
    quit: () => app.quit(),
    shortcuts: { release: () => shortcuts?.dispose(), reapply: () => settings && shortcuts?.apply(settings.shortcuts) },
  });
  const host: HostHooks = {
    shortcutsStatus: () => shortcutStatus,
    openExternal: (url) => openExternalSafely(shell, url),
    hidePopover: () => popover?.hide(),
    settingsChanged: (next) => {
      settings = next;
      shortcuts?.apply(next.shortcuts);
      loginItem.apply(next.launchAtLogin);
      onTimerChanged();
    },
    ...presence.hooks,
  };

  const vaultStore = electronJsonStore({ dataDir: config.dataDir, name: 'vault', consequence: 'Sign in to Harvest again.' });
  const coreReady = createCore({
    config,
    accounts: desktopAccountBook({
      dataDir: config.dataDir,
      env: process.env,
      platform: process.platform,
      safeStorage,
      vaultStore,
    }),
    vault: safeStorageVault({ safeStorage, store: vaultStore, platform: process.platform }),
    store: electronJsonStore({ dataDir: config.dataDir, name: APP_STORE_NAME }),
    // An unreadable vault file is set aside like the settings file, and the user told why.
    otherStores: [vaultStore],
    emit,
    host,
  });
  const handlersReady = coreReady.then((core) => core.handlers);
  handlersReady.catch(() => {}); // the failure is reported once, by start()'s caller
  registerIpc({
    ipcMain,
    handlers: handlersReady,
    popoverFrame: () => liveWindow()?.webContents.mainFrame ?? null,
    isAppPage: page.isAppPage,
  });

  // Where the desktop shows no tray icon (GNOME without AppIndicator), an ordinary window instead.
  const trayCheck = await trayAvailability({
    env: process.env,
    platform: process.platform,
    statusNotifierWatcher: () => hasStatusNotifierWatcher(),
  });
  const mode = trayCheck.available ? 'popover' : 'window';
  const window = createPopoverWindow({ page, preloadPath: join(__dirname, '../preload/preload.cjs'), mode });
  popoverWindow = window;
  presence.watchWindow(window);
  const trayImage = trayImageLoader(join(app.getAppPath(), 'build', 'tray'), process.platform);
  const tray = mode === 'popover' ? new Tray(trayImage('idle')) : null;

  const readyCore = await coreReady;
  core = readyCore;
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>) =>
    (await dispatch(readyCore.handlers, channel, request)) as Reply<ResponseOf<C>>;
  presence.connect(call);

  popover = createPopoverController({
    window,
    mode,
    app,
    platform: process.platform,
    place: tray
      ? () => {
          const { width, height } = window.getBounds();
          const position = popoverPosition({
            trayBounds: tray.getBounds(),
            cursor: screen.getCursorScreenPoint(),
            windowSize: { width, height },
            displays: screen.getAllDisplays(),
          });
          window.setPosition(position.x, position.y);
        }
      : undefined,
    onShown: () => {
      emit('ui.shown', {});
      void readyCore.refresh();
    },
  });
  const controller = popover;
  navigate = (view: NavigateView) => {
    controller.show('menu');
    emit('ui.navigate', { view });
  };

  const notify = ({ title, body }: Notice) => {
    if (Notification.isSupported()) new Notification({ title, body, silent: true }).show();
  };
  const notifyRefusal = (reply: Reply<unknown>) => {
    if (!reply.ok) notify(describeRefusal(reply.error));
  };
  const quickRestart = async () => {
    const reply = await call('timer.quickRestart', {});
    if (reply.ok) notify(describeQuickRestart(reply.value, new Date()));
    else notify(describeRefusal(reply.error));
  };
  const stopRunning = async () => {
    const running = readyCore.runningEntry();
    if (!running) return notify({ title: 'No timer is running', body: '' });
    notifyRefusal(await call('timer.stop', { id: running.id }));
  };

  const registry = createShortcutRegistry({
    globalShortcut,
    actions: { togglePopover: () => controller.toggle('shortcut'), quickRestart: () => void quickRestart() },
    env: process.env,
    onChange: (status) => {
      shortcutStatus = status;
      emit('shortcuts.changed', status);
    },
  });
  shortcuts = registry;
  const stored = await call('settings.get', {});
  const syncNow = await call('sync.get', {});
  // A queue kept from the last run is said from the start, before anything is sent.
  if (syncNow.ok && syncState === null) syncState = syncNow.value;
  if (stored.ok) {
    settings = stored.value;
    registry.apply(stored.value.shortcuts);
    loginItem.apply(stored.value.launchAtLogin);
  }

  const trayService = tray
    ? createTrayService({
        tray,
        entries: readyCore,
        platform: process.platform,
        image: trayImage,
        hideNames: () => settings?.hideProjectNamesInTray ?? false,
        syncState: () => syncState,
        actions: {
          stopTimer: (id) => void call('timer.stop', { id }).then(notifyRefusal),
          restartTimer: (id) => void call('timer.restart', { id }).then(notifyRefusal),
          togglePopover: () => controller.toggle('tray'),
          openPopover: () => controller.show('menu'),
          navigate,
          quit: () => app.quit(),
        },
      })
    : null;
  onTimerChanged = () => trayService?.update();
  trayService?.update();
  trayService?.startTicking();

  if (mode === 'window') {
    window.setMenu(windowMenu({ navigate, quit: () => app.quit() }));
    controller.show('start');
    if (!trayCheck.available) notify({ title: 'Harvest Tray opened as a window', body: trayCheck.reason });
  }

  const runAction = (action: ArgvAction) => {
    if (action === 'toggle') controller.toggle('launch');
    else if (action === 'quick-restart') void quickRestart();
    else void stopRunning();
  };
  handleArgvActions(app, process.argv, runAction, () => controller.show('launch'));

  const refresh = () =>
    void readyCore.refresh().then(() => {
      trayService?.update();
      void readyCore.checkReminders();
    });
  powerMonitor.on('resume', refresh);
  powerMonitor.on('unlock-screen', refresh);
  const interval = setInterval(refresh, REFRESH_INTERVAL_MS);

  app.on('window-all-closed', () => {
    // A tray app keeps running with its window hidden or closed.
  });
  app.on('will-quit', () => {
    clearInterval(interval);
    registry.dispose();
    presence.dispose();
    trayService?.dispose();
    void readyCore.dispose();
  });
}
