// The tray icon files (generated into build/tray by scripts/icons from one source, shipped inside
// the app: electron-builder.yml's `files`). macOS gets template images, which the menu bar
// recolours; elsewhere the glyph is drawn for a light or a dark panel, following the system theme.
import { nativeImage, nativeTheme, type NativeImage } from 'electron';
import { join } from 'node:path';

export type TrayIconState = 'idle' | 'running';

/** The file for one state; nativeImage adds the @2x file beside it on high-density screens. */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform, darkPanel: boolean): string {
  const name = state === 'idle' ? 'tray' : 'trayRunning';
  if (platform === 'darwin') return `${name}Template.png`;
  return `${name}-${darkPanel ? 'dark' : 'light'}.png`;
}

/** Loads tray icons from `folder` (app.getAppPath()/build/tray). */
export function trayImageLoader(folder: string, platform: NodeJS.Platform): (state: TrayIconState) => NativeImage {
  return (state) => {
    const image = nativeImage.createFromPath(join(folder, trayIconFile(state, platform, nativeTheme.shouldUseDarkColors)));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  };
}
