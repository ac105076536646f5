// The only pages Harvest Tray opens in the user's browser: Harvest's own https sites.
import { AppFailure } from '../../shared/errors';

const allowedDomains = ['harvestapp.com', 'getharvest.com'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return allowedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

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
