// The browser only ever opens Harvest's own pages, whichever door asks (the popover's link through
// the core, or a window.open the popover window intercepts).
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl as coreRule } from '../core/app/externalUrl';
import { isAllowedExternalUrl, openExternalSafely } from './externalLinks';

function recordingShell() {
  const opened: string[] = [];
  return { opened, openExternal: async (url: string) => void opened.push(url) };
}

describe('openExternalSafely', () => {
  it('uses the one allow-list the core uses', () => {
    expect(isAllowedExternalUrl).toBe(coreRule);
  });

  it('opens a Harvest page', async () => {
    const shell = recordingShell();
    await openExternalSafely(shell, 'https://northwind.harvestapp.com/time');
    expect(shell.opened).toEqual(['https://northwind.harvestapp.com/time']);
  });

  it.each([
    'https://harvestapp.com.evil.example/',
    'https://evilharvestapp.com/',
    'https://harvestapp.com@evil.example/',
    'https://user:secret@northwind.harvestapp.com/',
    'https://harvestapp.com:8443/',
    'http://northwind.harvestapp.com/',
  ])('refuses %s and opens nothing', async (url) => {
    const shell = recordingShell();
    await expect(openExternalSafely(shell, url)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(shell.opened).toEqual([]);
  });
});
