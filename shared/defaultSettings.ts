// The settings a new install starts with. Kept apart from the schemas (no zod here) so the popover
// can offer "Reset to defaults" without pulling the validation library into its bundle.
import type { Settings } from './domain';

export const DEFAULT_SHORTCUTS: Settings['shortcuts'] = {
  togglePopover: 'CommandOrControl+Alt+H',
  quickRestart: 'CommandOrControl+Alt+R',
};

export const DEFAULT_SETTINGS: Settings = {
  hoursDisplay: 'account',
  launchAtLogin: false,
  shortcuts: DEFAULT_SHORTCUTS,
  idle: { enabled: true, minutes: 10 },
  reminders: {
    workDays: [1, 2, 3, 4, 5],
    workStart: '9:00',
    workEnd: '17:00',
    noTimer: false,
    noTimerEveryMinutes: 30,
    endOfDay: false,
    endOfDayAt: '17:30',
    autoStop: false,
    autoStopAt: '19:00',
    stopOnShutdown: false,
  },
  hideProjectNamesInTray: false,
  weeklyTargetHours: null,
};
