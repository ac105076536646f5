import { describe, expect, it } from 'vitest';
import { acceleratorFromKeys, displayAccelerator, type KeyPress } from './accelerator';

const press = (code: string, held: Partial<KeyPress> = {}, key = code): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
});

describe('acceleratorFromKeys', () => {
  it('records Ctrl on Linux and Windows, and Cmd on macOS, as CommandOrControl', () => {
    expect(acceleratorFromKeys(press('KeyK', { ctrlKey: true, shiftKey: true }, 'K'), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Shift+K',
    });
    expect(acceleratorFromKeys(press('KeyK', { metaKey: true, altKey: true }, '˚'), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect(acceleratorFromKeys(press('Digit5', { ctrlKey: true }, '5'), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'Control+5',
    });
  });

  it('reads the key by its place on the keyboard, whatever the layout types', () => {
    expect(acceleratorFromKeys(press('KeyZ', { altKey: true }, 'y'), false)).toMatchObject({ accelerator: 'Alt+Z' });
    expect(acceleratorFromKeys(press('ArrowUp', { ctrlKey: true, altKey: true }), false)).toMatchObject({ accelerator: 'CommandOrControl+Alt+Up' });
  });

  it('waits while only modifiers are held, and Escape cancels', () => {
    expect(acceleratorFromKeys(press('ControlLeft', { ctrlKey: true }, 'Control'), false)).toEqual({ kind: 'incomplete', held: 'Ctrl' });
    expect(acceleratorFromKeys(press('Escape', { ctrlKey: true }), false)).toEqual({ kind: 'cancelled' });
  });

  it('refuses a key alone or with only Shift (it would stop typing in other apps), but takes a function key', () => {
    expect(acceleratorFromKeys(press('KeyA'), false).kind).toBe('invalid');
    expect(acceleratorFromKeys(press('KeyA', { shiftKey: true }), false).kind).toBe('invalid');
    expect(acceleratorFromKeys(press('F9'), false)).toEqual({ kind: 'accelerator', accelerator: 'F9' });
    expect(acceleratorFromKeys(press('IntlBackslash', { ctrlKey: true }), false).kind).toBe('invalid');
  });
});

describe('displayAccelerator', () => {
  it('names the keys as the keyboard does', () => {
    expect(displayAccelerator('CommandOrControl+Alt+H', false)).toBe('Ctrl+Alt+H');
    expect(displayAccelerator('CommandOrControl+Alt+H', true)).toBe('Cmd+Option+H');
    expect(displayAccelerator('', false)).toBe('');
  });
});
