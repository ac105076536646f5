// Keys pressed in the settings view, turned into the Electron accelerator the desktop registers
// ("CommandOrControl+Alt+H"), and accelerators shown the way the keyboard labels them. Keys are
// read by their physical position (KeyboardEvent.code), so Alt+H records H on every layout
// (macOS turns Option+H into "˙" in KeyboardEvent.key).

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recorded =
  /** Only modifiers so far: what is held, to show while the user goes on. */
  | { kind: 'incomplete'; held: string }
  | { kind: 'cancelled' }
  | { kind: 'accelerator'; accelerator: string }
  | { kind: 'invalid'; reason: string };

const NAMED_KEYS: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  Backslash: '\\',
};

const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS)(Left|Right)?$/;

function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1] ?? null;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED_KEYS[code] ?? null;
}

function modifiers(press: KeyPress, isMac: boolean): string[] {
  const held: string[] = [];
  // The everyday modifier (Cmd on macOS, Ctrl elsewhere) is written so one setting suits both.
  if (isMac ? press.metaKey : press.ctrlKey) held.push('CommandOrControl');
  if (isMac && press.ctrlKey) held.push('Control');
  if (!isMac && press.metaKey) held.push('Super');
  if (press.altKey) held.push('Alt');
  if (press.shiftKey) held.push('Shift');
  return held;
}

export function acceleratorFromKeys(press: KeyPress, isMac: boolean): Recorded {
  if (press.code === 'Escape' || press.key === 'Escape') return { kind: 'cancelled' };
  const held = modifiers(press, isMac);
  if (MODIFIER_CODES.test(press.code) || press.key === 'Shift' || press.key === 'Control' || press.key === 'Alt' || press.key === 'Meta') {
    return { kind: 'incomplete', held: displayAccelerator(held.join('+'), isMac) };
  }
  const key = keyName(press.code);
  if (key === null) return { kind: 'invalid', reason: 'That key cannot be part of a shortcut. Try a letter, a digit or a function key.' };
  const functionKey = /^F\d+$/.test(key);
  if (!functionKey && !held.some((modifier) => modifier !== 'Shift')) {
    return {
      kind: 'invalid',
      reason: isMac
        ? 'Hold Cmd, Control or Option with the key, so typing it in other apps still works.'
        : 'Hold Ctrl, Alt or Super with the key, so typing it in other apps still works.',
    };
  }
  return { kind: 'accelerator', accelerator: [...held, key].join('+') };
}

/** "CommandOrControl+Alt+H" as the keyboard says it: "Ctrl+Alt+H", or "Cmd+Option+H" on a Mac. */
export function displayAccelerator(accelerator: string, isMac: boolean): string {
  if (accelerator === '') return '';
  const names: Record<string, string> = isMac
    ? { CommandOrControl: 'Cmd', CmdOrCtrl: 'Cmd', Command: 'Cmd', Control: 'Control', Alt: 'Option', Option: 'Option', Super: 'Cmd' }
    : { CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Command: 'Super', Alt: 'Alt', Super: 'Super' };
  return accelerator
    .split('+')
    .map((part) => names[part] ?? part)
    .join('+');
}
