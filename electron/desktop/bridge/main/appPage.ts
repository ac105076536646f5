// The popover's own page: the built file (out/renderer/index.html) or, in development, the
// electron-vite dev server. Only frames showing this page may call the API. A packaged app never
// obeys ELECTRON_RENDERER_URL: anyone who can set an environment variable would otherwise choose
// the page that gets the popover's trusted bridge, under the development CSP.
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** What BrowserWindow should load. */
  location: { kind: 'url'; url: string } | { kind: 'file'; path: string };
  isAppPage(url: string): boolean;
}

export interface AppPageOptions {
  /** ELECTRON_RENDERER_URL, set by electron-vite's dev server. */
  devServerUrl?: string | undefined;
  rendererFile: string;
  /** app.isPackaged: true in an installed app, where only the built file is loaded. */
  isPackaged: boolean;
}

export function appPage(options: AppPageOptions): AppPage {
  const devServer = options.devServerUrl && !options.isPackaged ? safeUrl(options.devServerUrl) : null;
  if (devServer) {
    return {
      location: { kind: 'url', url: devServer.href },
      isAppPage: (url) => safeUrl(url)?.origin === devServer.origin,
    };
  }
  const fileHref = pathToFileURL(options.rendererFile).href;
  return {
    location: { kind: 'file', path: options.rendererFile },
    isAppPage: (url) => {
      const parsed = safeUrl(url);
      if (!parsed || parsed.protocol !== 'file:') return false;
      // The view in the hash or query may change; the document may not.
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === fileHref;
    },
  };
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
