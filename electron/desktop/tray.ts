// The tray icon as one service with the Tray passed in (tests hand a fake). It shows whether a
// timer runs (icon), how long (title on macOS; tooltip and menu elsewhere), and offers the menu:
// the running or last entry with Stop / Restart, Open, New entry, Review today, Settings, Quit.
// While changes wait for Harvest, the tooltip and the menu say so (in the popover's words).
import { Menu, nativeTheme, type MenuItemConstructorOptions, type NativeImage, type Tray } from 'electron';
import type { NavigateView } from '../../shared/contract';
import type { SyncState, TimeEntry } from '../../shared/domain';
import { syncSummary } from '../../shared/pendingWords';
import { entryClock, entryName as nameOf } from './entryText';
import type { TrayIconState } from './trayImages';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'popUpContextMenu' | 'on'>;

export interface TrayEntries {
  runningEntry(): TimeEntry | null;
  lastEntry(): TimeEntry | null;
  /** The account everything acts in, named in the tooltip where there is one. */
  currentAccountName?(): string | null;
}

export interface TrayActions {
  stopTimer(id: number): void;
  restartTimer(id: number): void;
  togglePopover(): void;
  openPopover(): void;
  navigate(view: Exclude<NavigateView, 'today'>): void;
  quit(): void;
}

export interface TrayServiceOptions {
  tray: TrayLike;
  entries: TrayEntries;
  actions: TrayActions;
  platform: NodeJS.Platform;
  /** The icon for a state (trayImages.ts); asked again when the system theme changes. */
  image: (state: TrayIconState) => NativeImage;
  now?: () => Date;
  /** Screen sharing: name no project or task anywhere on the tray. */
  hideNames?: () => boolean;
  /** The sync state last told ('sync.changed'); null before the first. */
  syncState?: () => SyncState | null;
}

export interface TrayService {
  /** Re-reads the entries; call on every timer change. Cheap when nothing visible changed. */
  update(): void;
  /** Keeps the shown time current. */
  startTicking(intervalMs?: number): void;
  dispose(): void;
}

/** The h:mm text changes once a minute; checking every 10 s keeps it at most 10 s late. */
const TICK_MS = 10_000;

export function createTrayService({
  tray,
  entries,
  actions,
  platform,
  image,
  now = () => new Date(),
  hideNames = () => false,
  syncState = () => null,
}: TrayServiceOptions): TrayService {
  const isMac = platform === 'darwin';
  let shown = { state: '' as TrayIconState | '', text: '', dark: nativeTheme.shouldUseDarkColors, account: null as string | null, waiting: '' };
  let menu: Menu | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;

  // macOS: a left click opens the popover and a right click the menu (a set context menu would
  // swallow left clicks there). Windows and Linux: the menu is always set, since 'click' never
  // fires on some Linux desktops and the menu is then the only way in.
  tray.on('click', () => actions.togglePopover());
  if (isMac) tray.on('right-click', () => menu && tray.popUpContextMenu(menu));

  const update = () => {
    const running = entries.runningEntry();
    const last = running ? null : entries.lastEntry();
    const at = now();
    const entryName = (entry: TimeEntry) => (hideNames() ? 'Timer' : nameOf(entry));
    const state: TrayIconState = running ? 'running' : 'idle';
    const text = running ? `${entryName(running)} ${entryClock(running, at)}` : (last ? entryName(last) : '');
    const dark = nativeTheme.shouldUseDarkColors;
    const account = entries.currentAccountName?.() ?? null;
    // Only changes that wait are the tray's business; offline alone is the popover's to say.
    const sync = syncState();
    const waiting = sync && sync.pending > 0 ? syncSummary(sync) : '';
    if (state === shown.state && text === shown.text && dark === shown.dark && account === shown.account && waiting === shown.waiting) return;
    shown = { state, text, dark, account, waiting };

    tray.setImage(image(state));
    const app = account === null ? 'Harvest Tray' : `Harvest Tray (${account})`;
    const timer = running ? `${app} — ${entryName(running)} (${entryClock(running, at)})` : `${app} — no timer running`;
    tray.setToolTip(waiting ? `${timer}\n${waiting}` : timer);
    if (isMac) tray.setTitle(running ? ` ${entryClock(running, at)}` : '', { fontType: 'monospacedDigit' });
    menu = Menu.buildFromTemplate(menuTemplate(running, last, at, actions, entryName, waiting));
    if (!isMac) tray.setContextMenu(menu);
  };

  // Light and dark panels get their own icon (trayImages.ts).
  nativeTheme.on('updated', update);

  return {
    update,
    startTicking(intervalMs = TICK_MS) {
      clearInterval(ticker);
      ticker = setInterval(update, intervalMs);
    },
    dispose() {
      clearInterval(ticker);
      nativeTheme.off('updated', update);
    },
  };
}

function menuTemplate(
  running: TimeEntry | null,
  last: TimeEntry | null,
  at: Date,
  actions: TrayActions,
  entryName: (entry: TimeEntry) => string,
  waiting: string,
): MenuItemConstructorOptions[] {
  const entryItems: MenuItemConstructorOptions[] = running
    ? [
        { label: `Running: ${entryName(running)} (${entryClock(running, at)})`, enabled: false },
        { label: 'Stop timer', click: () => actions.stopTimer(running.id) },
      ]
    : last
      ? [
          { label: `Last: ${entryName(last)} (${entryClock(last, at)})`, enabled: false },
          { label: 'Restart timer', click: () => actions.restartTimer(last.id) },
        ]
      : [{ label: 'No timer running', enabled: false }];
  // The changes are listed, and refused ones fixed, in the popover: the line opens it.
  const waitingItems: MenuItemConstructorOptions[] = waiting ? [{ label: waiting, click: () => actions.openPopover() }] : [];
  return [
    ...entryItems,
    ...waitingItems,
    { type: 'separator' },
    { label: 'Open Harvest Tray', click: () => actions.openPopover() },
    { label: 'New entry', click: () => actions.navigate('new-entry') },
    { label: 'Review today', click: () => actions.navigate('review') },
    { label: 'Settings', click: () => actions.navigate('settings') },
    { type: 'separator' },
    { label: 'Quit Harvest Tray', click: () => actions.quit() },
  ];
}
