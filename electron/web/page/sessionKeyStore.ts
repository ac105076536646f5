// Where the page keeps the web host's session key: the printed URL brings it in the fragment
// (`/#key=…`, never sent to a server); the page moves it to sessionStorage, which belongs to this
// origin alone (so to this port: another local service cannot read it) and survives a reload of
// the tab, and takes it out of the address bar and the history.
export const SESSION_KEY_STORAGE_NAME = 'harvest-tray-session-key';
/** The header every bridge request carries; the host compares it with its own key. */
export const SESSION_KEY_HEADER = 'X-Harvest-Tray-Key';

export interface PageLocation {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(name: string): string | null; setItem(name: string, value: string): void };
}

/** The key this tab holds: a fresh one from the address wins over a stored one (a new host start). */
export function takeSessionKey(page: PageLocation): string | null {
  const fromAddress = new URLSearchParams(page.location.hash.replace(/^#/, '')).get('key');
  if (fromAddress) {
    try {
      page.sessionStorage.setItem(SESSION_KEY_STORAGE_NAME, fromAddress);
    } catch {
      // Storage refused (a privacy mode): the key still works until the tab reloads.
    }
    page.history.replaceState(null, '', `${page.location.pathname}${page.location.search}`);
    return fromAddress;
  }
  try {
    return page.sessionStorage.getItem(SESSION_KEY_STORAGE_NAME);
  } catch {
    return null;
  }
}
