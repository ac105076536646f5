// The user's own app settings, kept in the host's store. The file on disk is outside input: each
// field is checked on read and a bad one falls back to its default instead of breaking start-up.
import { settingsSchema, type Settings } from '../../../shared/domain';
import type { JsonStore } from '../ports';

const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  hoursDisplay: 'account',
  launchAtLogin: false,
  shortcuts: {
    togglePopover: 'CommandOrControl+Alt+H',
    quickRestart: 'CommandOrControl+Alt+R',
  },
};

const fieldSchemas = settingsSchema.shape;
const shortcutSchema = fieldSchemas.shortcuts.valueType;

/** The stored settings, field by field, with defaults wherever the store holds nothing valid. */
export function readSettings(stored: unknown): Settings {
  const record = isRecord(stored) ? stored : {};
  const hoursDisplay = fieldSchemas.hoursDisplay.safeParse(record.hoursDisplay);
  const launchAtLogin = fieldSchemas.launchAtLogin.safeParse(record.launchAtLogin);
  const shortcuts = isRecord(record.shortcuts) ? record.shortcuts : {};
  const shortcut = (action: keyof Settings['shortcuts']): string => {
    const parsed = shortcutSchema.safeParse(shortcuts[action]);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS.shortcuts[action];
  };
  return {
    hoursDisplay: hoursDisplay.success ? hoursDisplay.data : DEFAULT_SETTINGS.hoursDisplay,
    launchAtLogin: launchAtLogin.success ? launchAtLogin.data : DEFAULT_SETTINGS.launchAtLogin,
    shortcuts: { togglePopover: shortcut('togglePopover'), quickRestart: shortcut('quickRestart') },
  };
}

export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return settingsSchema.parse({
    ...current,
    ...patch,
    shortcuts: { ...current.shortcuts, ...patch.shortcuts },
  });
}

export class SettingsService {
  constructor(
    private readonly store: JsonStore,
    private readonly onChange: (settings: Settings) => void,
  ) {}

  get(): Settings {
    return readSettings(this.store.get(SETTINGS_KEY));
  }

  update(patch: Partial<Settings>): Settings {
    const next = mergeSettings(this.get(), patch);
    this.store.set(SETTINGS_KEY, next);
    this.onChange(next);
    return next;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
