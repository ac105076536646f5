import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type Handlers } from '../../../../shared/contract';
import { FakeFrame, FakeWebContents, fake } from '../../testing/fakeElectron';
import { appPage } from './appPage';
import { registerIpc } from './ipc';

const rendererFile = join('/opt/Harvest Tray/resources/app/out/renderer/index.html');
const page = appPage({ rendererFile, isPackaged: true });

/** Handlers that record what reached them; only a few answer meaningfully. */
function recordingHandlers(calls: Array<{ channel: string; request: unknown }>): Handlers {
  return Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async (request: unknown) => {
        calls.push({ channel, request });
        return { echoed: request };
      },
    ]),
  ) as unknown as Handlers;
}

let popover: FakeWebContents;
let calls: Array<{ channel: string; request: unknown }>;

beforeEach(async () => {
  fake.reset();
  calls = [];
  popover = new FakeWebContents();
  await popover.loadFile(rendererFile);
  registerIpc({
    ipcMain: fake.ipcMain,
    handlers: recordingHandlers(calls),
    popoverFrame: () => popover.mainFrame,
    isAppPage: page.isAppPage,
  });
});

describe('registerIpc', () => {
  it('registers exactly one prefixed handler per contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((c) => `harvestTray:${c}`).sort());
  });

  it("accepts the popover's main frame showing the app page and dispatches the parsed request", async () => {
    const reply = await fake.ipcMain.invoke('harvestTray:timer.stop', fake.ipcEvent(popover), { id: 42 });
    expect(reply).toEqual({ ok: true, value: { echoed: { id: 42 } } });
    expect(calls).toEqual([{ channel: 'timer.stop', request: { id: 42 } }]);
  });

  it('rejects a frame that is not the popover (another window, or an iframe)', async () => {
    const other = new FakeWebContents();
    await other.loadFile(rendererFile);
    const iframe = new FakeFrame(pathToFileURL(rendererFile).href);
    for (const event of [fake.ipcEvent(other), fake.ipcEvent(popover, iframe), fake.ipcEvent(popover, null)]) {
      const reply = await fake.ipcMain.invoke('harvestTray:session.get', event, {});
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('rejects the popover frame once it shows a foreign page', async () => {
    await popover.loadURL('https://evil.example/index.html');
    const reply = await fake.ipcMain.invoke('harvestTray:session.get', fake.ipcEvent(popover), {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await popover.loadURL('file:///tmp/out/renderer/index.html');
    const elsewhere = await fake.ipcMain.invoke('harvestTray:session.get', fake.ipcEvent(popover), {});
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('answers an invalid payload with a validation error naming the field', async () => {
    const reply = await fake.ipcMain.invoke('harvestTray:timer.stop', fake.ipcEvent(popover), { id: 'seven' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation', field: 'id' } });
    const extra = await fake.ipcMain.invoke('harvestTray:session.get', fake.ipcEvent(popover), { token: 'x' });
    expect(extra).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(calls).toEqual([]);
  });

  it('keeps the hash route of the app page trusted', async () => {
    await popover.loadURL(`${pathToFileURL(rendererFile).href}#/settings`);
    const reply = await fake.ipcMain.invoke('harvestTray:settings.get', fake.ipcEvent(popover), {});
    expect(reply).toMatchObject({ ok: true });
  });
});

describe('registerIpc while the core starts', () => {
  it('a call that arrives before the core is ready waits for it instead of failing', async () => {
    fake.reset();
    let coreStarted: (handlers: Handlers) => void = () => {};
    registerIpc({
      ipcMain: fake.ipcMain,
      handlers: new Promise<Handlers>((resolve) => (coreStarted = resolve)),
      popoverFrame: () => popover.mainFrame,
      isAppPage: page.isAppPage,
    });
    const early = fake.ipcMain.invoke('harvestTray:session.get', fake.ipcEvent(popover), {});
    coreStarted(recordingHandlers(calls));
    await expect(early).resolves.toEqual({ ok: true, value: { echoed: {} } });
  });

  it('a core that could not start is answered in words, not with a hang', async () => {
    fake.reset();
    const failed = Promise.reject(new Error('disk full'));
    failed.catch(() => {});
    registerIpc({ ipcMain: fake.ipcMain, handlers: failed, popoverFrame: () => popover.mainFrame, isAppPage: page.isAppPage });
    const reply = await fake.ipcMain.invoke('harvestTray:session.get', fake.ipcEvent(popover), {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unexpected', message: expect.stringMatching(/could not start/) } });
  });
});

describe('appPage with a dev server', () => {
  it('trusts only the dev server origin', () => {
    const dev = appPage({ devServerUrl: 'http://localhost:5173/', rendererFile, isPackaged: false });
    expect(dev.location).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(dev.isAppPage('http://localhost:5173/index.html')).toBe(true);
    expect(dev.isAppPage('http://localhost:5174/')).toBe(false);
    expect(dev.isAppPage(pathToFileURL(rendererFile).href)).toBe(false);
    expect(dev.isAppPage('not a url')).toBe(false);
  });
});
