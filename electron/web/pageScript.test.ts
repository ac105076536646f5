import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_GLOBAL, channelNames } from '../../shared/contract';
import { pageScript } from './pageScript';

describe('the page script served at /web-bridge.js', () => {
  it('defines window.harvestTray with every contract channel when run in a page', async () => {
    const code = await pageScript();
    const page: Record<string, unknown> = {};
    page.window = page;
    runInNewContext(code, page);
    const api = page[API_GLOBAL] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    for (const channel of channelNames) expect(typeof api[channel], channel).toBe('function');
  });

  it('stays small: the contract’s names are written in, zod is not bundled', async () => {
    const code = await pageScript();
    expect(code.length).toBeLessThan(10_000);
    expect(code).not.toMatch(/ZodError|safeParse/);
  });

  it('is built once per process', async () => {
    expect(pageScript()).toBe(pageScript());
  });
});
