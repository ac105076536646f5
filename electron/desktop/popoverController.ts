// How the popover opens and closes: beside the tray icon or as an ordinary window. One place for
// the rules that depend on how Electron and the desktops order their events:
// - a tray click on an open popover first blurs it (which hides it) and then clicks: the click
//   must not open it again (menubar's known problem, max-mapper/menubar#274);
// - closing the window (title bar, Alt+F4, the window manager) hides it, because the app lives on
//   in the tray or waits for the next launch; only quitting really closes it;
// - on macOS, a popover opened from a shortcut or a second launch must activate the app, or it
//   takes no keys and never hears the blur that would hide it (electron/electron#19920).
//
// Why not the `menubar` package: it owns the BrowserWindow, the Tray and the app's ready event
// (it creates them itself and loads the page on first show), positions with electron-positioner
// where position.ts already handles multiple displays and taskbar edges, has no window mode for
// desktops without a tray, and answers the blur-then-click race with a 100 ms timer before hiding
// (which has races of its own: gitify-app/gitify#3082). What we need from it is the rule below.
import type { BrowserWindow } from 'electron';

/** Why the popover is being shown: decides focus stealing and the tray-click rule. */
export type ShowReason = 'tray' | 'shortcut' | 'launch' | 'menu' | 'start';

/**
 * A tray click this soon after the popover hid on blur is the click that caused the blur: the
 * user meant "close". Generous, because a loaded machine delivers the two events far apart; a
 * real "open" click comes after the user has looked at the tray, well over half a second later.
 */
export const BLUR_CLICK_GRACE_MS = 500;

export type PopoverWindowLike = Pick<
  BrowserWindow,
  'show' | 'hide' | 'focus' | 'isVisible' | 'isDestroyed' | 'on' | 'webContents'
>;

export interface AppFocusLike {
  focus(options?: { steal: boolean }): void;
  on(event: 'before-quit', listener: () => void): unknown;
}

export interface PopoverControllerOptions {
  window: PopoverWindowLike;
  mode: 'popover' | 'window';
  app: AppFocusLike;
  platform: NodeJS.Platform;
  /** Moves the window beside the tray icon before it shows (popover mode). */
  place?: () => void;
  /** After every show: tell the page, refresh. */
  onShown?: () => void;
  now?: () => number;
}

export interface PopoverController {
  show(reason: ShowReason): void;
  hide(): void;
  toggle(reason: ShowReason): void;
  isVisible(): boolean;
}

export function createPopoverController(options: PopoverControllerOptions): PopoverController {
  const { window, mode, app, platform, place, onShown, now = Date.now } = options;
  let quitting = false;
  let hiddenByBlurAt = Number.NEGATIVE_INFINITY;

  const hide = () => {
    if (!window.isDestroyed() && window.isVisible()) window.hide();
  };

  const show = (reason: ShowReason) => {
    if (window.isDestroyed()) return;
    place?.();
    window.show();
    if (platform === 'darwin' && (reason === 'shortcut' || reason === 'launch')) app.focus({ steal: true });
    window.focus();
    onShown?.();
  };

  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    hide();
  });
  if (mode === 'popover') {
    window.on('blur', () => {
      if (!window.isVisible()) return;
      hiddenByBlurAt = now();
      hide();
    });
  }
  window.webContents.on('before-input-event', (_event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') hide();
  });

  return {
    show,
    hide,
    toggle(reason) {
      if (window.isDestroyed()) return;
      if (window.isVisible()) return hide();
      const blurredByThisClick = reason === 'tray' && now() - hiddenByBlurAt < BLUR_CLICK_GRACE_MS;
      // Only the one click that caused the blur is swallowed; the next one opens again.
      hiddenByBlurAt = Number.NEGATIVE_INFINITY;
      if (!blurredByThisClick) show(reason);
    },
    isVisible: () => !window.isDestroyed() && window.isVisible(),
  };
}
