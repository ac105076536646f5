import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_GLOBAL, channelNames } from '../../shared/contract';
import { pageScript } from './pageScript';

describe('the page script served at /web-bridge.js', () => {
  it('defines window.harvestTray with every contract channel when run in a page', async () => {
    const code = await pageScript();
    const stored = new Map<string, string>();
    const addresses: string[] = [];
    const page: Record<string, unknown> = {
      location: { hash: '#key=k3y', pathname: '/', search: '' },
      history: { replaceState: (_data: unknown, _unused: string, url: string) => addresses.push(url) },
      sessionStorage: { getItem: (name: string) => stored.get(name) ?? null, setItem: (name: string, value: string) => stored.set(name, value) },
    };
    page.window = page;
    // What a browser page has and the script uses: the EventSource extends Event and EventTarget.
    Object.assign(page, { Event, EventTarget, MessageEvent, URL, URLSearchParams });
    runInNewContext(code, page);
    const api = page[API_GLOBAL] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    for (const channel of channelNames) expect(typeof api[channel], channel).toBe('function');
    // The key moved from the address to the tab's own storage.
    expect([...stored.values()]).toEqual(['k3y']);
    expect(addresses).toEqual(['/']);
  });

  it('stays small: the contract’s names are written in, zod is not bundled', async () => {
    const code = await pageScript();
    // About 6 kB of it is the EventSource that can send the session key's header.
    expect(code.length).toBeLessThan(16_000);
    expect(code).not.toMatch(/ZodError|safeParse/);
  });

  it('is built once per process', async () => {
    expect(pageScript()).toBe(pageScript());
  });
});
