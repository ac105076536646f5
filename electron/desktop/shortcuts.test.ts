import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, globalShortcut } from './testing/fakeElectron';
import type { ShortcutStatus } from '../../shared/domain';
import { createShortcutRegistry } from './shortcuts';

const defaults = { togglePopover: 'CommandOrControl+Alt+H', quickRestart: 'CommandOrControl+Alt+R' };

function registry(env: NodeJS.ProcessEnv = {}) {
  const actions = { togglePopover: vi.fn(), quickRestart: vi.fn() };
  const changes: ShortcutStatus[][] = [];
  const shortcuts = createShortcutRegistry({ globalShortcut, actions, env, onChange: (s) => changes.push(s) });
  return { shortcuts, actions, changes };
}

describe('global shortcuts', () => {
  beforeEach(() => fake.reset());

  it('registers both shortcuts and runs their actions when pressed', () => {
    const { shortcuts, actions, changes } = registry();
    const status = shortcuts.apply(defaults);
    expect(status.every((s) => s.registered && s.problem === null)).toBe(true);
    globalShortcut.press('CommandOrControl+Alt+R');
    expect(actions.quickRestart).toHaveBeenCalledTimes(1);
    expect(actions.togglePopover).not.toHaveBeenCalled();
    expect(changes).toHaveLength(1);
  });

  it('reports a shortcut another app holds, with the reason, and keeps the other one', () => {
    globalShortcut.heldElsewhere.add('CommandOrControl+Alt+H');
    const { shortcuts } = registry();
    const [toggle, quick] = shortcuts.apply(defaults);
    expect(toggle).toMatchObject({ registered: false, problem: expect.stringMatching(/already taken/) });
    expect(quick).toMatchObject({ registered: true, problem: null });
    expect(shortcuts.status()).toEqual([toggle, quick]);
  });

  it('reports an accelerator the system cannot parse instead of throwing', () => {
    const { shortcuts } = registry();
    const [toggle] = shortcuts.apply({ ...defaults, togglePopover: 'Ctrl+Banana' });
    expect(toggle).toMatchObject({ registered: false, problem: expect.stringMatching(/not a key combination/) });
  });

  it('on Wayland registers through the portal, as Electron does by default', () => {
    globalShortcut.backend = 'portal';
    const { shortcuts } = registry({ XDG_SESSION_TYPE: 'wayland' });
    expect(shortcuts.apply(defaults).every((s) => s.registered)).toBe(true);
  });

  it('on Wayland with no portal to register with, says so and how to bind keys instead', () => {
    globalShortcut.backend = 'none';
    const { shortcuts } = registry({ WAYLAND_DISPLAY: 'wayland-0' });
    const status = shortcuts.apply(defaults);
    expect(status.every((s) => !s.registered && /Wayland.*--quick-restart/.test(s.problem ?? ''))).toBe(true);
  });

  it('on Wayland with HARVEST_TRAY_SHORTCUT_PORTAL=0, registers nothing and says why', () => {
    globalShortcut.backend = 'portal';
    const { shortcuts } = registry({ XDG_SESSION_TYPE: 'wayland', HARVEST_TRAY_SHORTCUT_PORTAL: '0' });
    const status = shortcuts.apply(defaults);
    expect(status.every((s) => !s.registered && /HARVEST_TRAY_SHORTCUT_PORTAL=0/.test(s.problem ?? ''))).toBe(true);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('moves to new keys when settings change, releasing the old ones', () => {
    const { shortcuts, changes } = registry();
    shortcuts.apply(defaults);
    shortcuts.apply({ togglePopover: 'Alt+Shift+T', quickRestart: '' });
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+Shift+T']);
    expect(changes.at(-1)?.[1]).toMatchObject({ registered: false, problem: 'No shortcut is set.' });
  });

  it('refuses the same keys for both actions', () => {
    const { shortcuts } = registry();
    const [, quick] = shortcuts.apply({ togglePopover: 'Alt+Shift+T', quickRestart: 'Alt+Shift+T' });
    expect(quick?.registered).toBe(false);
  });
});
