import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncState, TimeEntry } from '../../shared/domain';
import { runningEntry, timeEntry } from './testing/entries';
import { fileURLToPath } from 'node:url';
import { FakeMenu, Tray, fake, nativeImage, type FakeNativeImage } from './testing/fakeElectron';
import { createTrayService, type TrayActions, type TrayLike } from './tray';
import { trayImageLoader } from './trayImages';

const trayFolder = fileURLToPath(new URL('../../build/tray/', import.meta.url));

let now: Date;
let running: TimeEntry | null;
let last: TimeEntry | null;
let calls: string[];
let accountName: string | null;
let sync: SyncState | null;

const actions: TrayActions = {
  stopTimer: (id) => calls.push(`stop ${id}`),
  restartTimer: (id) => calls.push(`restart ${id}`),
  togglePopover: () => calls.push('toggle'),
  openPopover: () => calls.push('open'),
  navigate: (view) => calls.push(`navigate ${view}`),
  quit: () => calls.push('quit'),
};

function setUp(platform: NodeJS.Platform) {
  const tray = new Tray(nativeImage.createEmpty());
  const service = createTrayService({
    tray: tray as unknown as TrayLike,
    entries: { runningEntry: () => running, lastEntry: () => last, currentAccountName: () => accountName },
    actions,
    platform,
    image: trayImageLoader(trayFolder, platform) as unknown as Parameters<typeof createTrayService>[0]['image'],
    now: () => now,
    syncState: () => sync,
  });
  service.update();
  return { tray, service };
}

function menuOf(tray: Tray): FakeMenu {
  if (!tray.contextMenu) throw new Error('no context menu set');
  return tray.contextMenu;
}

beforeEach(() => {
  fake.reset();
  now = new Date('2026-03-02T10:00:00Z');
  running = null;
  last = null;
  calls = [];
  accountName = null;
  sync = null;
});
afterEach(() => vi.useRealTimers());

describe('tray on Windows and Linux', () => {
  it('with nothing tracked: idle icon, a tooltip saying so, and the menu', () => {
    const { tray } = setUp('linux');
    expect(tray.toolTip).toBe('Harvest Tray — no timer running');
    // The generated 16 px icon for a light panel (nativeImage adds its @2x file itself).
    expect(tray.image.origin).toMatch(/build\/tray\/tray-light\.png$/);
    expect(tray.image.getSize()).toEqual({ width: 16, height: 16 });
    expect(tray.image.isTemplateImage()).toBe(false);
    expect(menuOf(tray).labels()).toEqual([
      'No timer running', '---', 'Open Harvest Tray', 'New entry', 'Review today', 'Settings', '---', 'Quit Harvest Tray',
    ]);
  });

  it('follows a running timer: icon, tooltip with time, and Stop in the menu', () => {
    const { tray, service } = setUp('win32');
    const idleIcon = tray.image;
    running = runningEntry(now, 85);
    service.update();
    expect(tray.image).not.toBe(idleIcon);
    expect(tray.image.toPNG().equals(idleIcon.toPNG())).toBe(false);
    expect(tray.toolTip).toBe('Harvest Tray — Website — Design (1:25)');
    expect(menuOf(tray).labels().slice(0, 2)).toEqual(['Running: Website — Design (1:25)', 'Stop timer']);
    menuOf(tray).click('Stop timer');
    expect(calls).toEqual(['stop 101']);
    expect(tray.title).toBe('');
  });

  it('names the current account in the tooltip, and follows a switch to another', () => {
    accountName = 'work';
    const { tray, service } = setUp('linux');
    expect(tray.toolTip).toBe('Harvest Tray (work) — no timer running');
    running = runningEntry(now, 85);
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray (work) — Website — Design (1:25)');
    accountName = 'personal';
    running = null;
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray (personal) — no timer running');
  });

  it('says when changes wait for Harvest, in the tooltip and the menu, whose line opens the popover', () => {
    const { tray, service } = setUp('linux');
    sync = { online: false, pending: 2, refused: 0, lastSyncedAt: null };
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray — no timer running\nOffline — 2 changes waiting to be sent.');
    expect(menuOf(tray).labels().slice(0, 3)).toEqual(['No timer running', 'Offline — 2 changes waiting to be sent.', '---']);
    menuOf(tray).click('Offline — 2 changes waiting to be sent.');
    expect(calls).toEqual(['open']);

    sync = { online: true, pending: 1, refused: 1, lastSyncedAt: null };
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray — no timer running\n1 change refused by Harvest.');
    // Offline with nothing waiting: the tray has nothing to ask of the user.
    sync = { online: false, pending: 0, refused: 0, lastSyncedAt: null };
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray — no timer running');
    expect(menuOf(tray).labels()[1]).toBe('---');
  });

  it('offers Restart for the last entry once the timer stops', () => {
    const { tray, service } = setUp('linux');
    running = runningEntry(now, 30);
    service.update();
    running = null;
    last = timeEntry({ id: 7, hours: 2.5, hoursWithoutTimer: 2.5, task: { id: 9, name: 'Review' } });
    service.update();
    expect(tray.toolTip).toBe('Harvest Tray — no timer running');
    expect(menuOf(tray).labels().slice(0, 2)).toEqual(['Last: Website — Review (2:30)', 'Restart timer']);
    menuOf(tray).click('Restart timer');
    expect(calls).toEqual(['restart 7']);
  });

  it('menu items open the popover, navigate and quit', () => {
    const { tray } = setUp('linux');
    for (const label of ['Open Harvest Tray', 'New entry', 'Review today', 'Settings', 'Quit Harvest Tray']) {
      menuOf(tray).click(label);
    }
    expect(calls).toEqual(['open', 'navigate new-entry', 'navigate review', 'navigate settings', 'quit']);
  });

  it('a click toggles the popover', () => {
    const { tray } = setUp('win32');
    tray.press('click');
    expect(calls).toEqual(['toggle']);
  });

  it('ticks: the time moves on without a timer change, and an unchanged minute redraws nothing', () => {
    vi.useFakeTimers();
    const { tray, service } = setUp('linux');
    running = runningEntry(now, 59);
    service.update();
    service.startTicking(10_000);
    expect(tray.toolTip).toContain('(0:59)');
    const menuBefore = tray.contextMenu;
    now = new Date(now.getTime() + 20_000);
    vi.advanceTimersByTime(20_000);
    expect(tray.contextMenu).toBe(menuBefore);
    now = new Date(now.getTime() + 60_000);
    vi.advanceTimersByTime(10_000);
    expect(tray.toolTip).toContain('(1:00)');
    service.dispose();
  });
});

describe('tray and the system theme', () => {
  it('switches to the icon drawn for dark panels when the system turns dark', () => {
    const { tray, service } = setUp('linux');
    fake.nativeTheme.switchTo(true);
    expect((tray.image as FakeNativeImage).origin).toMatch(/tray-dark\.png$/);
    running = runningEntry(now, 5);
    service.update();
    expect(tray.image.origin).toMatch(/trayRunning-dark\.png$/);
    service.dispose();
  });
});

describe('tray on macOS', () => {
  it('shows the running time as a monospaced-digit title on a template icon', () => {
    const { tray, service } = setUp('darwin');
    expect(tray.image.isTemplateImage()).toBe(true);
    expect(tray.title).toBe('');
    running = runningEntry(now, 125);
    service.update();
    expect(tray.title).toBe(' 2:05');
    expect(tray.titleOptions).toEqual({ fontType: 'monospacedDigit' });
    running = null;
    service.update();
    expect(tray.title).toBe('');
  });

  it('left click toggles the popover; right click pops up the current menu', () => {
    const { tray, service } = setUp('darwin');
    running = runningEntry(now, 5);
    service.update();
    tray.press('click');
    tray.press('right-click');
    expect(calls).toEqual(['toggle']);
    expect(tray.contextMenu).toBeNull();
    expect(tray.poppedUpMenus.at(-1)?.labels()[1]).toBe('Stop timer');
  });
});
