// Screen sharing: with project names hidden, nothing on the tray names the project or task.
import type { NativeImage } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { runningEntry, timeEntry } from './testing/entries';
import { Tray, fake, nativeImage, type FakeMenu } from './testing/fakeElectron';
import { createTrayService, type TrayLike } from './tray';

const now = new Date('2026-03-02T10:00:00Z');
const noop = () => {};
// The icon is not what these tests look at.
const image = () => nativeImage.createEmpty() as unknown as NativeImage;
const actions = { stopTimer: noop, restartTimer: noop, togglePopover: noop, openPopover: noop, navigate: noop, quit: noop };

function everythingShown(tray: Tray): string {
  const menu = (tray.contextMenu ?? { labels: () => [] }) as FakeMenu;
  return [tray.toolTip, tray.title, ...menu.labels()].join(' | ');
}

beforeEach(() => fake.reset());

describe('tray with project names hidden', () => {
  for (const platform of ['linux', 'darwin'] as const) {
    it(`on ${platform}: a running timer shows its time but no project or task, until names are shown again`, () => {
      const tray = new Tray(nativeImage.createEmpty());
      let hidden = true;
      let running = runningEntry(now, 85, { project: { id: 2, name: 'Secret merger', code: null }, task: { id: 3, name: 'Due diligence' } });
      const service = createTrayService({
        tray: tray as unknown as TrayLike,
        entries: { runningEntry: () => running, lastEntry: () => null },
        actions,
        platform,
        image,
        now: () => now,
        hideNames: () => hidden,
      });
      service.update();
      if (platform === 'linux') expect(tray.toolTip).toBe('Harvest Tray — Timer (1:25)');
      expect(everythingShown(tray)).not.toMatch(/Secret|diligence/);

      hidden = false;
      service.update();
      expect(tray.toolTip).toBe('Harvest Tray — Secret merger — Due diligence (1:25)');

      hidden = true;
      running = runningEntry(now, 85, { project: { id: 2, name: 'Secret merger', code: null } });
      service.update();
      expect(everythingShown(tray)).not.toMatch(/Secret/);
    });
  }

  it('the last entry offered for restart is not named either', () => {
    const tray = new Tray(nativeImage.createEmpty());
    const service = createTrayService({
      tray: tray as unknown as TrayLike,
      entries: { runningEntry: () => null, lastEntry: () => timeEntry({ project: { id: 2, name: 'Secret merger', code: null } }) },
      actions,
      platform: 'linux',
      image,
      now: () => now,
      hideNames: () => true,
    });
    service.update();
    expect(everythingShown(tray)).not.toMatch(/Secret/);
    expect(tray.contextMenu?.labels()[0]).toBe('Last: Timer (1:15)');
  });
});
