// A stand-in for the parts of the 'electron' module the desktop adapters use. Unit tests alias
// 'electron' to this file (vitest.config.ts) because the real package downloads its binary when
// required from plain Node. Where our code depends on how Electron behaves, the fake follows
// Electron's documentation (each rule names its page under docs/api/ of electron/electron, and
// the source file where the docs leave the exact wording out); fakeElectron.test.ts holds one test
// per rule. It records what happened so tests can look. `fake` holds the knobs and recordings;
// `fake.reset()` starts a test afresh, with the app ready (most adapters run after `ready`).
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface FakeDisplay {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
  scaleFactor: number;
}

// ---------- nativeImage ----------

export class FakeNativeImage {
  private template = false;
  scaleFactor = 1;
  constructor(
    readonly buffer: Buffer,
    readonly origin: string,
  ) {}
  isEmpty(): boolean {
    return this.buffer.length === 0;
  }
  /** Reads width and height from a PNG's IHDR chunk, as Electron would decode them. */
  getSize(): { width: number; height: number } {
    if (this.buffer.length < 24) return { width: 0, height: 0 };
    return { width: this.buffer.readUInt32BE(16), height: this.buffer.readUInt32BE(20) };
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  toPNG(): Buffer {
    return this.buffer;
  }
}

export const nativeImage = {
  createFromBuffer: (buffer: Buffer, options?: { scaleFactor?: number }) => {
    const image = new FakeNativeImage(buffer, 'buffer');
    image.scaleFactor = options?.scaleFactor ?? 1;
    return image;
  },
  /** docs/api/native-image.md: a missing or unreadable file gives an empty image, not an error. */
  createFromPath: (path: string) => new FakeNativeImage(existsSync(path) ? readFileSync(path) : Buffer.alloc(0), path),
  createEmpty: () => new FakeNativeImage(Buffer.alloc(0), 'empty'),
};

// ---------- nativeTheme ----------

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  /** The user switched the system between light and dark. */
  switchTo(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    this.emit('updated');
  }
}

export const nativeTheme = new FakeNativeTheme();

// ---------- Menu ----------

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  role?: string;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  /** The labels in order, separators as '---', for readable assertions. */
  labels(): string[] {
    return this.items.map((item) => (item.type === 'separator' ? '---' : (item.label ?? item.role ?? '')));
  }
  item(label: string): FakeMenuItem {
    const found = this.items.find((item) => item.label === label);
    if (!found) throw new Error(`No menu item "${label}" in [${this.labels().join(', ')}]`);
    return found;
  }
  click(label: string): void {
    const item = this.item(label);
    if (item.enabled === false) throw new Error(`Menu item "${label}" is disabled`);
    item.click?.();
  }
}

export const Menu = {
  buildFromTemplate: (template: FakeMenuItem[]) => new FakeMenu(template),
};

// ---------- Tray ----------

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: FakeNativeImage;
  toolTip = '';
  title = '';
  titleOptions: { fontType?: string } | undefined;
  contextMenu: FakeMenu | null = null;
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };
  destroyed = false;
  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setImage(image: FakeNativeImage): void {
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setTitle(title: string, options?: { fontType?: string }): void {
    this.title = title;
    this.titleOptions = options;
  }
  getTitle(): string {
    return this.title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
  }
  poppedUpMenus: FakeMenu[] = [];
  popUpContextMenu(menu?: FakeMenu): void {
    if (menu) this.poppedUpMenus.push(menu);
  }
  /**
   * The user clicked (or right-clicked) the icon. Rule: the click takes focus away from the
   * app's focused window first, so its 'blur' fires before the tray's 'click' (docs/api/tray.md
   * "Event: 'click'", docs/api/browser-window.md "Event: 'blur'"; the order is what menubar's
   * users observed on Windows, max-mapper/menubar#274).
   */
  press(button: 'click' | 'right-click' = 'click'): void {
    for (const window of BrowserWindow.getAllWindows()) if (window.isFocused()) window.blur();
    this.emit(button, {}, this.bounds);
  }
  getBounds(): Rectangle {
    return this.bounds;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// ---------- BrowserWindow ----------

export class FakeFrame {
  constructor(public url: string) {}
}

/**
 * Rule: using a destroyed window or webContents throws "Object has been destroyed"; only
 * isDestroyed() still answers (docs/api/browser-window.md "Event: 'closed'": "avoid using it any
 * more"; the TypeError is thrown by shell/common/gin_helper/function_template.h).
 */
function assertAlive(target: { isDestroyed(): boolean }): void {
  if (target.isDestroyed()) throw new TypeError('Object has been destroyed');
}

/** What a page does once loaded: the popover's renderer calling the bridge at start-up. */
export type PageScript = (contents: FakeWebContents) => void;

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly mainFrame: FakeFrame = new FakeFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    assertAlive(this);
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    assertAlive(this);
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    assertAlive(this);
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Called by the owning window's destroy(). */
  markDestroyed(): void {
    this.destroyed = true;
  }
  async loadURL(url: string): Promise<void> {
    assertAlive(this);
    this.mainFrame.url = url;
    this.runPageScript();
  }
  async loadFile(path: string): Promise<void> {
    assertAlive(this);
    this.mainFrame.url = `file://${path}`;
    this.runPageScript();
  }
  /**
   * The renderer starts in its own process and may call ipcRenderer.invoke as soon as the main
   * process next turns its event loop: modelled as the next macrotask after the load starts.
   */
  private runPageScript(): void {
    const script = fake.pageScript;
    if (script) setImmediate(() => !this.destroyed && script(this));
  }
  /** Fires will-navigate as Chromium would; returns true when the navigation was prevented. */
  attemptNavigation(url: string): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url };
    this.emit('will-navigate', event, url);
    return prevented;
  }
  /** Fires before-input-event for a key press; returns true when a listener prevented it. */
  pressKey(key: string): boolean {
    let prevented = false;
    this.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', key });
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }
  private readonly contents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  bounds: Rectangle;
  title = '';
  menu: FakeMenu | null = null;
  constructor(readonly options: Record<string, unknown> & { width?: number; height?: number; show?: boolean }) {
    super();
    // docs/api/browser-window.md: a BrowserWindow can only be created once the app is ready.
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false;
    BrowserWindow.instances.push(this);
  }
  get webContents(): FakeWebContents {
    assertAlive(this);
    return this.contents;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }
  getBounds(): Rectangle {
    assertAlive(this);
    return { ...this.bounds };
  }
  getSize(): [number, number] {
    assertAlive(this);
    return [this.bounds.width, this.bounds.height];
  }
  setBounds(bounds: Partial<Rectangle>): void {
    assertAlive(this);
    this.bounds = { ...this.bounds, ...bounds };
  }
  setPosition(x: number, y: number): void {
    assertAlive(this);
    this.bounds = { ...this.bounds, x, y };
  }
  setTitle(title: string): void {
    assertAlive(this);
    this.title = title;
  }
  setMenu(menu: FakeMenu | null): void {
    assertAlive(this);
    this.menu = menu;
  }
  /**
   * Rule (macOS): a window cannot become key while another app is active; showing or focusing it
   * leaves the keyboard with the other app until ours is activated, e.g. by app.focus({ steal:
   * true }) (docs/api/app.md "app.focus([options])"; electron/electron#19920).
   */
  show(): void {
    assertAlive(this);
    this.visible = true;
    this.emit('show');
    this.focus();
  }
  hide(): void {
    assertAlive(this);
    const hadFocus = this.focused;
    this.visible = false;
    this.focused = false;
    if (hadFocus) this.emit('blur');
    this.emit('hide');
  }
  focus(): void {
    assertAlive(this);
    if (!this.visible || this.focused) return;
    if (app.platform === 'darwin' && !app.active) return;
    for (const other of BrowserWindow.getAllWindows()) if (other !== this && other.focused) other.blur();
    this.focused = true;
    this.emit('focus');
  }
  /** Focus moved elsewhere (another app, another window, a tray click). */
  blur(): void {
    assertAlive(this);
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    assertAlive(this);
    return this.visible;
  }
  isFocused(): boolean {
    assertAlive(this);
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setSkipTaskbar(): void {
    assertAlive(this);
  }
  setVisibleOnAllWorkspaces(): void {
    assertAlive(this);
  }
  setAlwaysOnTop(): void {
    assertAlive(this);
  }
  /**
   * Rule: close() is what the title bar's close button, Alt+F4 or the window manager do: it emits
   * 'close', and unless a listener calls preventDefault() the window is destroyed and 'closed'
   * follows (docs/api/browser-window.md "Event: 'close'", "win.close()"). Returns whether it closed.
   */
  close(): boolean {
    assertAlive(this);
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroy();
    return true;
  }
  /** docs/api/browser-window.md "win.destroy()": no 'close' event, but 'closed' is guaranteed. */
  destroy(): void {
    if (this.destroyed) return;
    this.visible = false;
    this.focused = false;
    this.destroyed = true;
    this.contents.markDestroyed();
    this.emit('closed');
  }
}

// ---------- app ----------

/** docs/api/command-line.md: the switches Chromium reads, kept in order. */
class FakeCommandLine {
  readonly switches: Array<{ name: string; value: string; beforeReady: boolean }> = [];
  appendSwitch(name: string, value = ''): void {
    this.switches.push({ name, value, beforeReady: !app.isReady() });
  }
  hasSwitch(name: string): boolean {
    return this.switches.some((entry) => entry.name === name);
  }
  getSwitchValue(name: string): string {
    return this.switches.findLast((entry) => entry.name === name)?.value ?? '';
  }
  /**
   * Rule: Chromium reads its switches at start-up, so only those appended before `ready` take
   * effect (docs/api/command-line-switches.md: "in your app's main script before the ready event").
   */
  effectiveFeatures(): string[] {
    return this.switches
      .filter((entry) => entry.name === 'enable-features' && entry.beforeReady)
      .flatMap((entry) => entry.value.split(','))
      .filter(Boolean);
  }
}

/** The app's package.json, which Electron reads its name from. */
function appNameFromPackageJson(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    productName?: string;
  };
  return (packageJson.productName ?? packageJson.name).trim();
}

class FakeApp extends EventEmitter {
  /** Another instance of the app already holds the single-instance lock. */
  otherInstanceHoldsLock = false;
  /** Whether this instance asked for and got the lock. */
  holdsLock = false;
  /** The temporary folder standing for the OS's appData. */
  appDataDir = '';
  loginItemSettings: Array<{ openAtLogin: boolean }> = [];
  quitCalls = 0;
  /** Set when app.quit() got through: 'will-quit' was emitted. */
  quitted = false;
  dockHidden = false;
  /** undefined off macOS, like the real app.dock. */
  dock: { hide(): void; show(): Promise<void> } | undefined = undefined;
  isPackaged = false;
  /** The platform the fake behaves as; process.platform stays what it is. */
  platform: NodeJS.Platform = 'linux';
  /** macOS: whether this app is the active one (another app is frontmost when false). */
  active = true;
  readonly focusCalls: Array<{ steal?: boolean } | undefined> = [];
  readonly commandLine = new FakeCommandLine();
  private ready = true;
  private readyWaiters: Array<() => void> = [];
  private pendingSecondInstances: unknown[][] = [];

  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  /** Starts the app as a fresh process would: not ready until becomeReady(). */
  startUnready(): void {
    this.ready = false;
  }
  becomeReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready');
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    for (const args of this.pendingSecondInstances.splice(0)) this.emit('second-instance', ...args);
  }
  /**
   * Rule: the first instance to ask gets the lock; a later instance gets false and its argv is
   * delivered to the first as 'second-instance' (docs/api/app.md
   * "app.requestSingleInstanceLock([additionalData])").
   */
  requestSingleInstanceLock(): boolean {
    if (this.otherInstanceHoldsLock) return false;
    this.holdsLock = true;
    return true;
  }
  /**
   * Another copy of the app is started with `argv`. Rule (docs/api/app.md "Event:
   * 'second-instance'"): only an instance holding the lock hears of it, never before 'ready', and
   * the argv it gets "will not be exactly the same": the order may change and Chromium appends
   * arguments (such as --original-process-start-time). Returns whether this instance was told.
   */
  launchSecondInstance(argv: string[], workingDirectory = '/'): boolean {
    if (!this.holdsLock) return false;
    const [program = 'harvest-tray', ...rest] = argv;
    const switches = rest.filter((arg) => arg.startsWith('--')).reverse();
    const others = rest.filter((arg) => !arg.startsWith('--'));
    const delivered = [program, ...switches, ...others, '--original-process-start-time=13400000000000000'];
    const args = [{ preventDefault: () => {} }, delivered, workingDirectory, null];
    if (this.ready) this.emit('second-instance', ...args);
    else this.pendingSecondInstances.push(args);
    return true;
  }
  /**
   * Rule: the app is named by its package.json's productName, else its name (lib/browser/init.ts;
   * docs/api/app.md "app.name"), and userData is "the appData directory appended with your app's
   * name" (docs/api/app.md "app.getPath(name)"). Here appData is a temporary folder.
   */
  get name(): string {
    return appNameFromPackageJson();
  }
  getName(): string {
    return this.name;
  }
  getPath(name: string): string {
    const userData = join(this.ensureAppData(), this.name);
    return name === 'userData' ? userData : join(userData, name);
  }
  getAppPath(): string {
    return process.cwd();
  }
  getVersion(): string {
    return '0.1.0';
  }
  /**
   * Rule: login items exist on macOS and Windows only; elsewhere the call does nothing
   * (docs/api/app.md "app.setLoginItemSettings(settings)" is marked _macOS_ _Windows_).
   */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    if (this.platform !== 'darwin' && this.platform !== 'win32') return;
    this.loginItemSettings.push(settings);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return this.loginItemSettings.at(-1) ?? { openAtLogin: false };
  }
  /** docs/api/app.md "app.focus([options])": on macOS makes this the active app. */
  focus(options?: { steal?: boolean }): void {
    this.focusCalls.push(options);
    if (this.platform === 'darwin' && !options?.steal && !this.active) return;
    this.active = true;
    const key = BrowserWindow.getAllWindows().findLast((window) => window.visible);
    key?.focus();
  }
  /**
   * Rule: quit emits 'before-quit' (preventable), then tries to close every window; a window
   * whose 'close' is prevented cancels the quit; otherwise 'will-quit' follows (docs/api/app.md
   * "app.quit()", "Event: 'before-quit'"; shell/browser/browser.cc Browser::OnWindowCloseCancelled).
   */
  quit(): void {
    this.quitCalls += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.close()) return;
    }
    this.quitted = true;
    this.emit('will-quit', { preventDefault: () => {} });
  }
  /** The status app.exit() was given; null until it is called. */
  exitCode: number | null = null;
  /** docs/api/app.md "app.exit([exitCode])": windows close at once, no before-quit or will-quit. */
  exit(exitCode = 0): void {
    this.exitCode = exitCode;
    this.quitCalls += 1;
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    this.quitted = true;
  }
  setAppUserModelId(): void {}
  private ensureAppData(): string {
    if (!this.appDataDir) this.appDataDir = mkdtempSync(join(tmpdir(), 'harvest-tray-appdata-'));
    return this.appDataDir;
  }
  /** Back to a just-started, ready app. */
  resetState(): void {
    this.removeAllListeners();
    this.otherInstanceHoldsLock = false;
    this.holdsLock = false;
    this.loginItemSettings = [];
    this.quitCalls = 0;
    this.exitCode = null;
    this.quitted = false;
    this.dock = undefined;
    this.dockHidden = false;
    this.isPackaged = false;
    this.platform = 'linux';
    this.active = true;
    this.focusCalls.length = 0;
    this.commandLine.switches.length = 0;
    this.ready = true;
    this.readyWaiters = [];
    this.pendingSecondInstances = [];
  }
}

export const app = new FakeApp();

// ---------- globalShortcut ----------

/**
 * How the system takes global shortcuts: 'grab' (macOS, Windows, X11), 'portal' (Wayland with the
 * GlobalShortcuts portal: registration is handled externally and always reported as done), 'none'
 * (no listener at all, e.g. Wayland without a portal).
 */
type ShortcutBackend = 'grab' | 'portal' | 'none';

class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another app already holds: register() returns false for them. */
  readonly heldElsewhere = new Set<string>();
  backend: ShortcutBackend = 'grab';
  /**
   * Rules (docs/api/global-shortcut.md): the module "cannot be used before the ready event"
   * (throws, shell/browser/api/electron_api_global_shortcut.cc); register() returns false when
   * the accelerator is taken by another app or already by this one, or when there is no listener;
   * through the portal it returns true and the desktop decides later; an accelerator that is not
   * one throws while converting the argument.
   */
  register(accelerator: string, callback: () => void): boolean {
    if (!app.isReady()) throw new Error('globalShortcut cannot be used before the app is ready');
    if (!isValidAccelerator(accelerator)) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    }
    if (this.backend === 'none') return false;
    if (this.backend === 'grab' && (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator))) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  /** The user pressed the keys. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`Nothing registered for ${accelerator}`);
    callback();
  }
}

const modifiers = new Set([
  'Command', 'Cmd', 'Control', 'Ctrl', 'CommandOrControl', 'CmdOrCtrl', 'Alt', 'Option', 'AltGr',
  'Shift', 'Super', 'Meta',
]);

/** Electron's rule, roughly: modifiers joined by '+', then exactly one key. */
function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop();
  if (!key || modifiers.has(key)) return false;
  if (!parts.every((part) => modifiers.has(part))) return false;
  return /^([A-Z0-9]|F([1-9]|1\d|2[0-4])|Space|Tab|Enter|Escape|Up|Down|Left|Right|Home|End|[-=[\];',./`\\])$/i.test(key);
}

export const globalShortcut = new FakeGlobalShortcut();

// ---------- IPC ----------

export interface FakeIpcEvent {
  senderFrame: FakeFrame | null;
  sender: FakeWebContents;
}

type InvokeHandler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /**
   * What ipcRenderer.invoke from `event`'s frame gets back. Rule: with no handler registered for
   * the channel, or a handler that throws, the renderer's promise rejects with
   * "Error invoking remote method '<channel>': <error>" (docs/api/ipc-renderer.md
   * "ipcRenderer.invoke(channel, ...args)", docs/api/ipc-main.md "ipcMain.handle(channel,
   * listener)"; wording from lib/browser/ipc-dispatch.ts and lib/renderer/api/ipc-renderer.ts).
   */
  async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return await handler(event, ...args);
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    }
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  /** The page this renderer belongs to; a detached one gets a webContents of its own. */
  contents: FakeWebContents | null = null;
  /** Reaches whatever ipcMain.handle registered, as from this page's main frame. */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    this.contents ??= new FakeWebContents();
    return ipcMain.invoke(channel, fake.ipcEvent(this.contents), ...args);
  }
  on(channel: string, listener: (...args: unknown[]) => void): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: (...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
  /** The main process sent a message to this renderer. */
  deliver(channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: this }, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  }
}

export const contextBridge = new FakeContextBridge();

// ---------- safeStorage ----------

type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

const NOT_READY = 'safeStorage cannot be used before app is ready';

/** The OS keyring answers from another thread: the promise settles on a later macrotask. */
function later<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

/**
 * Rules (docs/api/safe-storage.md): before 'ready', isEncryptionAvailable() is false,
 * isAsyncEncryptionAvailable() resolves false, getSelectedStorageBackend() says 'unknown', and
 * the encrypt/decrypt calls fail with "safeStorage cannot be used before app is ready"
 * (shell/browser/api/electron_api_safe_storage.cc).
 */
class FakeSafeStorage {
  backend: LinuxBackend = 'gnome_libsecret';
  available = true;
  /** Every plaintext handed in, so tests can prove what was encrypted. */
  readonly encrypted: string[] = [];
  getSelectedStorageBackend(): LinuxBackend {
    return app.isReady() ? this.backend : 'unknown';
  }
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return app.isReady() && this.available;
  }
  isEncryptionAvailable(): boolean {
    return app.isReady() && this.available;
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!app.isReady()) return Promise.reject(new Error(NOT_READY));
    return later(() => {
      if (!this.available) throw new Error('Encryption is not available.');
      this.encrypted.push(plainText);
      // Reversible, but never the plaintext bytes: tests check the file holds no token.
      return Buffer.from(`v10${Buffer.from(plainText, 'utf8').toString('base64').split('').reverse().join('')}`);
    });
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!app.isReady()) return Promise.reject(new Error(NOT_READY));
    return later(() => this.decrypt(encrypted));
  }
  private decrypt(encrypted: Buffer): { result: string; shouldReEncrypt: boolean } {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const base64 = text.slice(3).split('').reverse().join('');
    return { result: Buffer.from(base64, 'base64').toString('utf8'), shouldReEncrypt: false };
  }
  setUsePlainTextEncryption(): void {}
}

export const safeStorage = new FakeSafeStorage();

// ---------- screen ----------

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [defaultDisplay()];
  cursor: Point = { x: 100, y: 100 };
  getAllDisplays(): FakeDisplay[] {
    return this.displays;
  }
  getPrimaryDisplay(): FakeDisplay {
    const primary = this.displays[0];
    if (!primary) throw new Error('No displays');
    return primary;
  }
  getCursorScreenPoint(): Point {
    return this.cursor;
  }
  getDisplayNearestPoint(point: Point): FakeDisplay {
    return nearest(this.displays, point) ?? this.getPrimaryDisplay();
  }
  getDisplayMatching(rect: Rectangle): FakeDisplay {
    return this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  }
}

function defaultDisplay(): FakeDisplay {
  return {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  };
}

function nearest(displays: FakeDisplay[], point: Point): FakeDisplay | undefined {
  const distance = (display: FakeDisplay) => {
    const { x, y, width, height } = display.bounds;
    const dx = Math.max(x - point.x, 0, point.x - (x + width - 1));
    const dy = Math.max(y - point.y, 0, point.y - (y + height - 1));
    return dx * dx + dy * dy;
  };
  return [...displays].sort((a, b) => distance(a) - distance(b))[0];
}

export const screen = new FakeScreen();

// ---------- Notification ----------

export class Notification extends EventEmitter {
  static shown: Array<{ title: string; body: string }> = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body?: string; silent?: boolean }) {
    super();
  }
  show(): void {
    Notification.shown.push({ title: this.options.title, body: this.options.body ?? '' });
  }
  close(): void {}
}

// ---------- shell, powerMonitor, session ----------

class FakeShell {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  async openPath(): Promise<string> {
    return '';
  }
}

export const shell = new FakeShell();

/** Idle time and lock state as a desktop reports them; tests set them and emit the events. */
class FakePowerMonitor extends EventEmitter {
  /** Seconds since the last keyboard or mouse input. */
  idleSeconds = 0;
  locked = false;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown' {
    if (!Number.isInteger(idleThreshold)) throw new TypeError('Error processing argument at index 0, conversion failure');
    if (this.locked) return 'locked';
    return this.idleSeconds >= idleThreshold ? 'idle' : 'active';
  }
}

export const powerMonitor = new FakePowerMonitor();

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[] | string>; cancel?: boolean }) => void,
) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  /** What Chromium would decide when the page asks for `permission`. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true); // Electron's default grants: why a handler is required.
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }
  /** The response headers a page would be served with after the listener ran. */
  serve(url: string, responseHeaders: Record<string, string[]> = {}): Promise<Record<string, string[] | string>> {
    const listener = this.headersListener;
    if (!listener) return Promise.resolve(responseHeaders);
    return new Promise((resolve) =>
      listener({ url, responseHeaders }, (response) => resolve(response.responseHeaders ?? responseHeaders)),
    );
  }
}

export const session = { defaultSession: new FakeSession() };

// ---------- test controls ----------

export const fake = {
  app,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  screen,
  shell,
  powerMonitor,
  nativeTheme,
  session: session.defaultSession,
  trays: () => Tray.instances,
  windows: () => BrowserWindow.instances,
  notifications: () => Notification.shown,
  /** An IPC event as if sent from `frame` of `contents`. */
  ipcEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): FakeIpcEvent {
    return { sender: contents, senderFrame: frame };
  },
  /** What a page runs once loaded (the popover's renderer); null: pages do nothing. */
  pageScript: null as PageScript | null,
  reset(): void {
    app.resetState();
    fake.pageScript = null;
    nativeTheme.removeAllListeners();
    nativeTheme.shouldUseDarkColors = false;
    globalShortcut.registered.clear();
    globalShortcut.heldElsewhere.clear();
    globalShortcut.backend = 'grab';
    ipcMain.handlers.clear();
    ipcMain.removeAllListeners();
    ipcRenderer.invoked.length = 0;
    ipcRenderer.listeners.clear();
    ipcRenderer.contents = null;
    contextBridge.exposed.clear();
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = true;
    safeStorage.encrypted.length = 0;
    screen.displays = [defaultDisplay()];
    screen.cursor = { x: 100, y: 100 };
    shell.opened.length = 0;
    powerMonitor.removeAllListeners();
    powerMonitor.idleSeconds = 0;
    powerMonitor.locked = false;
    session.defaultSession.permissionRequestHandler = null;
    session.defaultSession.permissionCheckHandler = null;
    session.defaultSession.headersListener = null;
    Tray.instances = [];
    BrowserWindow.instances = [];
    Notification.shown = [];
    Notification.supported = true;
  },
  /** Gives app a macOS-style dock whose hide() is recorded. */
  withDock(): void {
    app.dock = {
      hide: () => {
        app.dockHidden = true;
      },
      show: async () => {
        app.dockHidden = false;
      },
    };
  },
};

// electron-store does `import electron from 'electron'`; give it the same objects.
export default {
  app,
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  contextBridge,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  nativeImage,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
};
