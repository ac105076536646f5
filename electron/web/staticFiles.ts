// Serves the built renderer (out/renderer) as it is, except that index.html gets the web bridge's
// script before the renderer's own, so `window.harvestTray` exists when the app starts.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './securityHeaders';

export const PAGE_SCRIPT_PATH = '/web-bridge.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file inside `root`, or null when it would leave it (`..`, encoded
 * slashes, NUL bytes, malformed escapes). Never touches the disk.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  return target.startsWith(base + sep) ? target : null;
}

/** Puts the bridge's script first in <head>: a classic script runs before the deferred module. */
export function withPageScript(html: string): string {
  const tag = `<script src="${PAGE_SCRIPT_PATH}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return tag + html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
}

export interface StaticFiles {
  /** Answers a GET/HEAD for `urlPath`; false when no such file (the caller sends 404). */
  serve(urlPath: string, response: ServerResponse, headOnly: boolean): Promise<boolean>;
}

export function createStaticFiles(options: { root: string; pageScript: string }): StaticFiles {
  return {
    async serve(urlPath, response, headOnly) {
      if (urlPath === PAGE_SCRIPT_PATH) {
        send(response, 200, contentTypeOf(PAGE_SCRIPT_PATH), Buffer.from(options.pageScript, 'utf8'), headOnly);
        return true;
      }
      const filePath = resolveInside(options.root, urlPath);
      if (filePath === null) return false;
      const info = await stat(filePath).catch(() => null);
      if (!info?.isFile()) return false;
      let body = await readFile(filePath);
      if (filePath === resolve(options.root, 'index.html')) {
        body = Buffer.from(withPageScript(body.toString('utf8')), 'utf8');
      }
      send(response, 200, contentTypeOf(filePath), body, headOnly);
      return true;
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer, headOnly: boolean) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': body.length,
    // The renderer is rebuilt in place during development; a stale cached bundle would confuse.
    'Cache-Control': 'no-cache',
  });
  response.end(headOnly ? undefined : body);
}
