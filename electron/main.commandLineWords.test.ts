// The packages install the tray app as `harvest-tray`, the command line's name: a script that runs
// `harvest-tray entries list --json` there must not start a tray that never exits, or show the
// popover of the running one and end with status 0 and nothing printed.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fake } from './desktop/testing/fakeElectron';

const savedArgv = process.argv;
afterAll(() => {
  process.argv = savedArgv;
  vi.restoreAllMocks();
});

describe('the tray app started with the command line’s words', () => {
  it('says where the command line is and exits 2, before taking the lock or opening anything', async () => {
    fake.reset();
    fake.app.startUnready();
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      errors.push(String(text));
      return true;
    });
    process.argv = ['/opt/Harvest Tray/harvest-tray', 'entries', 'list', '--json'];
    await import('./main');
    fake.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(fake.app.exitCode).toBe(2);
    expect(fake.app.holdsLock).toBe(false);
    expect(fake.windows()).toHaveLength(0);
    expect(errors.join('')).toMatch(/^harvest-tray: "entries" is a command of the harvest-tray command line, which this app does not carry/);
  });
});
