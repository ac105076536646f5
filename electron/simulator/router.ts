// A tiny route table for the /v2 endpoints: "/v2/time_entries/:id/stop" style patterns, where
// every :param is a numeric id (Harvest's ids are all integers).
import type { RequestBody, Reply } from './http';
import type { SimStore, Viewer } from './store';

export interface RouteContext {
  store: SimStore;
  viewer: Viewer;
  url: URL;
  /** The simulator's origin, for absolute pagination links. */
  origin: string;
  /** Numeric path parameters in order of appearance. */
  ids: number[];
  body: RequestBody;
  /** The page-size knob: a cap on per_page. */
  pageSize: number;
}

export type RouteHandler = (context: RouteContext) => Reply;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  handler: RouteHandler;
}

export function route(method: Route['method'], path: string, handler: RouteHandler): Route {
  const source = path.replace(/\//g, '\\/').replace(/:\w+/g, '(\\d+)');
  return { method, pattern: new RegExp(`^${source}$`), handler };
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { handler: RouteHandler; ids: number[] } | null {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(pathname);
    if (match) return { handler: candidate.handler, ids: match.slice(1).map(Number) };
  }
  return null;
}
