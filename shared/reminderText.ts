// What a reminder says, the same in the system notification and in the popover.
import { formatClockTime } from './clockTime';
import type { Reminder } from './domain';

export interface ReminderWording {
  formatHours: (hours: number) => string;
  clock: '12h' | '24h';
  /** Screen sharing: name no project or task. */
  hideNames: boolean;
}

export interface ReminderText {
  title: string;
  body: string;
}

export function reminderText(reminder: Reminder, wording: ReminderWording): ReminderText {
  switch (reminder.kind) {
    case 'no-timer':
      return { title: 'No timer is running', body: 'Start a timer to track what you are working on, or snooze this reminder.' };
    case 'end-of-day':
      return {
        title: 'Your day in Harvest',
        body: `You tracked ${wording.formatHours(reminder.hours)} today. Open the review to check it before you go.`,
      };
    case 'auto-stopped': {
      const stopped = new Date(reminder.stoppedAt);
      const time = formatClockTime(stopped.getHours() * 60 + stopped.getMinutes(), wording.clock);
      const name = wording.hideNames ? 'The timer' : `${reminder.entry.project.name} — ${reminder.entry.task.name}`;
      return { title: 'Timer stopped', body: `${name} was stopped at ${time}, as your settings ask.` };
    }
  }
}
