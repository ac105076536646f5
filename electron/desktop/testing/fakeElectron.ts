// A stand-in for the parts of the 'electron' module the desktop adapters use. Unit tests alias
// 'electron' to this file (vitest.config.ts) because the real package downloads its binary when
// required from plain Node. It behaves like Electron where the adapters depend on it (events,
// handler registration, safeStorage round trips, shortcut failures) and records what happened so
// tests can look. `fake` holds the knobs and recordings; `fake.reset()` starts a test afresh.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
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
  createFromPath: (path: string) => new FakeNativeImage(Buffer.alloc(0), path),
  createEmpty: () => new FakeNativeImage(Buffer.alloc(0), 'empty'),
};

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
  /** The user clicked (or right-clicked) the icon. */
  press(button: 'click' | 'right-click' = 'click'): void {
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

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly mainFrame: FakeFrame = new FakeFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return false;
  }
  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
  }
  async loadFile(path: string): Promise<void> {
    this.mainFrame.url = `file://${path}`;
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
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  bounds: Rectangle;
  title = '';
  constructor(readonly options: Record<string, unknown> & { width?: number; height?: number; show?: boolean }) {
    super();
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false;
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height];
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  setPosition(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
  }
  setTitle(title: string): void {
    this.title = title;
  }
  show(): void {
    this.visible = true;
    this.focused = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
  }
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setSkipTaskbar(): void {}
  setVisibleOnAllWorkspaces(): void {}
  setAlwaysOnTop(): void {}
  close(): void {
    this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

// ---------- app ----------

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  userDataDir = '';
  loginItemSettings: Array<{ openAtLogin: boolean }> = [];
  quitCalls = 0;
  dockHidden = false;
  /** undefined off macOS, like the real app.dock. */
  dock: { hide(): void; show(): Promise<void> } | undefined = undefined;
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  getPath(name: string): string {
    if (name !== 'userData') return join(this.ensureUserData(), name);
    return this.ensureUserData();
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'Harvest Tray';
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItemSettings.push(settings);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return this.loginItemSettings.at(-1) ?? { openAtLogin: false };
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(): void {
    this.quitCalls += 1;
  }
  setAppUserModelId(): void {}
  private ensureUserData(): string {
    if (!this.userDataDir) this.userDataDir = mkdtempSync(join(tmpdir(), 'harvest-tray-userdata-'));
    return this.userDataDir;
  }
}

export const app = new FakeApp();

// ---------- globalShortcut ----------

class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another app already holds: register() returns false for them. */
  readonly heldElsewhere = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    if (!isValidAccelerator(accelerator)) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    }
    if (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
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
  /** What ipcRenderer.invoke from `event`'s frame would get back. */
  async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  /** Answers invoke() calls, like the main side would. */
  respond: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: {} });
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.respond(channel, ...args);
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

class FakeSafeStorage {
  backend: LinuxBackend = 'gnome_libsecret';
  available = true;
  /** Every plaintext handed in, so tests can prove what was encrypted. */
  readonly encrypted: string[] = [];
  getSelectedStorageBackend(): LinuxBackend {
    return this.backend;
  }
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available.');
    this.encrypted.push(plainText);
    // Reversible, but never the plaintext bytes: tests check the file holds no token.
    return Buffer.from(`v10${Buffer.from(plainText, 'utf8').toString('base64').split('').reverse().join('')}`);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
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

export const powerMonitor = new EventEmitter();

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
  session: session.defaultSession,
  trays: () => Tray.instances,
  windows: () => BrowserWindow.instances,
  notifications: () => Notification.shown,
  /** An IPC event as if sent from `frame` of `contents`. */
  ipcEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): FakeIpcEvent {
    return { sender: contents, senderFrame: frame };
  },
  reset(): void {
    app.removeAllListeners();
    app.singleInstanceLock = true;
    app.loginItemSettings = [];
    app.quitCalls = 0;
    app.dock = undefined;
    app.dockHidden = false;
    globalShortcut.registered.clear();
    globalShortcut.heldElsewhere.clear();
    ipcMain.handlers.clear();
    ipcMain.removeAllListeners();
    ipcRenderer.invoked.length = 0;
    ipcRenderer.listeners.clear();
    ipcRenderer.respond = () => ({ ok: true, value: {} });
    contextBridge.exposed.clear();
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = true;
    safeStorage.encrypted.length = 0;
    screen.displays = [defaultDisplay()];
    screen.cursor = { x: 100, y: 100 };
    shell.opened.length = 0;
    powerMonitor.removeAllListeners();
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
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
};
