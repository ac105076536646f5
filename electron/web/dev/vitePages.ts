// `npm run dev`: the web host serves the renderer from Vite's dev server (middleware mode) instead
// of out/renderer, so an edit shows in the open page at once (React components keep their state).
// The API, the session key and the Host check stay the bridge's own; Vite only answers the page's
// paths, and its hot-reload websocket shares the bridge's port, so there is one URL.
import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { developmentCsp } from '../../desktop/csp';
import type { StartPages } from '../bridge';
import { SECURITY_HEADERS } from '../securityHeaders';
import { PAGE_SCRIPT_PATH, contentTypeOf, withPageScript } from '../staticFiles';

const RENDERER_ROOT = fileURLToPath(new URL('../../../renderer', import.meta.url));
// Vite's dependency cache stays inside this checkout (node_modules may be shared between checkouts).
const CACHE_DIR = fileURLToPath(new URL('../../../out/.vite-dev', import.meta.url));

/** The page-side bridge goes first in <head>, as the built page gets it (staticFiles.ts). */
function webBridgeScript(): Plugin {
  return { name: 'harvest-tray-web-bridge', transformIndexHtml: (html) => withPageScript(html) };
}

export function vitePages(): StartPages {
  return async ({ server, origin, pageScript }) => {
    const vite = await createServer({
      configFile: false,
      root: RENDERER_ROOT,
      cacheDir: CACHE_DIR,
      plugins: [react(), webBridgeScript()],
      appType: 'spa',
      clearScreen: false,
      server: {
        middlewareMode: true,
        hmr: { server },
        // The desktop's development policy (inline styles, React's refresh preamble, the socket),
        // with the web host's other headers: nothing looser than the desktop's own dev server.
        headers: {
          ...SECURITY_HEADERS,
          'Content-Security-Policy': `${developmentCsp(origin)}; frame-ancestors 'none'`,
        },
      },
    });
    return {
      serve: (request, response) => {
        if (new URL(request.url ?? '/', origin).pathname === PAGE_SCRIPT_PATH) {
          sendPageScript(response, pageScript);
          return Promise.resolve(true);
        }
        return viteAnswer(vite.middlewares, request, response);
      },
      close: () => vite.close(),
    };
  };
}

type Middlewares = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** True once Vite has answered; false where it passed the request on (no such page). */
function viteAnswer(middlewares: Middlewares, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve, reject) => {
    response.once('close', () => resolve(true));
    middlewares(request, response, (error) => (error ? reject(error) : resolve(false)));
  });
}

function sendPageScript(response: ServerResponse, pageScript: string): void {
  const body = Buffer.from(pageScript, 'utf8');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(PAGE_SCRIPT_PATH),
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  response.end(body);
}
