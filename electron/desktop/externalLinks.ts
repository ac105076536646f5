// Opens Harvest's own pages in the user's browser. Which pages those are is decided once, in the
// core (core/app/externalUrl.ts); the desktop checks again here because a window's own link
// handler reaches the shell without passing through the core.
import { AppFailure } from '../../shared/errors';
import { isAllowedExternalUrl } from '../core/app/externalUrl';

export { isAllowedExternalUrl };

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens `url` in the browser when allowed; otherwise refuses with the reason. */
export async function openExternalSafely(shell: ShellLike, url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) {
    throw new AppFailure({ kind: 'forbidden', message: 'Harvest Tray only opens Harvest pages in your browser.' });
  }
  await shell.openExternal(url);
}
