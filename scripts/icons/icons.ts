// Every icon file the app and its packages use, by path under build/, rendered from art.ts.
// File names follow what their readers expect: electron-builder takes build/icon.png (macOS and
// the fallback), build/icon.ico (Windows) and build/icons/<N>x<N>.png (Linux); Electron's
// nativeImage picks name@2x.png beside name.png on high-density screens and treats names ending
// in "Template" as macOS template images (docs/api/native-image.md).
import { appIconBitmap, HARVEST_ORANGE, trayBitmap, type Rgb, type TrayState } from './art';
import { encodeIco, encodePng } from './encode';

export const TRAY_FOLDER = 'tray';
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Glyph colours on light and dark panels (Windows taskbar, Linux panels). */
const TRAY_COLOURS: Record<'light' | 'dark', Record<TrayState, Rgb>> = {
  light: { idle: [0x4a, 0x4a, 0x4a], running: HARVEST_ORANGE },
  dark: { idle: [0xe0, 0xe0, 0xe0], running: HARVEST_ORANGE },
};

export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('icon.png', encodePng(appIconBitmap(1024)));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(appIconBitmap(size)) }))));
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, encodePng(appIconBitmap(size)));

  for (const state of ['idle', 'running'] as const) {
    const name = state === 'idle' ? 'tray' : 'trayRunning';
    // Tray icons are 16 pt: 16 px, and 32 px for @2x screens.
    for (const [suffix, size] of [['', 16], ['@2x', 32]] as const) {
      files.set(`${TRAY_FOLDER}/${name}Template${suffix}.png`, encodePng(trayBitmap(size, state, [0, 0, 0])));
      for (const panel of ['light', 'dark'] as const) {
        files.set(`${TRAY_FOLDER}/${name}-${panel}${suffix}.png`, encodePng(trayBitmap(size, state, TRAY_COLOURS[panel][state])));
      }
    }
  }
  return files;
}
