// The popover's own page: the built file (out/renderer/index.html) or, in development, the
// electron-vite dev server. Only frames showing this page may call the API.
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** What BrowserWindow should load. */
  location: { kind: 'url'; url: string } | { kind: 'file'; path: string };
  isAppPage(url: string): boolean;
}

export function appPage(options: { devServerUrl?: string | undefined; rendererFile: string }): AppPage {
  const devServer = options.devServerUrl ? safeUrl(options.devServerUrl) : null;
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
