// Reminders and the idle question as the operating system's own notifications. Where the
// platform shows buttons on them (macOS, Windows), the snooze choices and "Open review" are
// buttons; elsewhere a click opens the popover, which offers the same choices.
import { awayText } from '../../shared/awayText';
import type { IdleQuestion, Reminder, Snooze } from '../../shared/domain';
import type { ReminderText } from '../../shared/reminderText';

export interface NotificationOptionsLike {
  title: string;
  body: string;
  silent?: boolean;
  actions?: Array<{ type: 'button'; text: string }>;
}

/** The parts of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: unknown, actionIndex?: number) => void): unknown;
  show(): void;
  close(): void;
}

export interface NotifierOptions {
  create(options: NotificationOptionsLike): NotificationLike;
  isSupported(): boolean;
  platform: NodeJS.Platform;
  openPopover(): void;
  openReview(): void;
  snooze(choice: Snooze): void;
}

interface Action {
  label: string;
  run(): void;
}

export interface Notifier {
  reminder(reminder: Reminder, text: ReminderText): void;
  idle(question: IdleQuestion): void;
}

export function createNotifier(options: NotifierOptions): Notifier {
  const withButtons = options.platform === 'darwin' || options.platform === 'win32';
  // Electron stops delivering clicks for a notification that was garbage-collected: keep the
  // latest of each kind, and close it when a newer one replaces it.
  const live = new Map<string, NotificationLike>();

  function show(key: string, text: ReminderText, actions: Action[], onClick: () => void): void {
    if (!options.isSupported()) return;
    live.get(key)?.close();
    const notification = options.create({
      title: text.title,
      body: text.body,
      ...(withButtons && actions.length > 0
        ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.label })) }
        : {}),
    });
    notification.on('click', onClick);
    notification.on('action', (details, actionIndex) => actions[indexOf(details, actionIndex)]?.run());
    notification.show();
    live.set(key, notification);
  }

  const snooze = (choice: Snooze) => () => options.snooze(choice);

  return {
    reminder(reminder, text) {
      switch (reminder.kind) {
        case 'no-timer':
          return show(
            'no-timer',
            text,
            [
              { label: 'Snooze 15 minutes', run: snooze('15m') },
              { label: 'Snooze 1 hour', run: snooze('1h') },
              { label: 'Not today', run: snooze('rest-of-day') },
            ],
            options.openPopover,
          );
        case 'end-of-day':
          return show('end-of-day', text, [{ label: 'Open review', run: options.openReview }], options.openReview);
        case 'auto-stopped':
          return show('auto-stopped', text, [], options.openPopover);
      }
    },
    idle(question) {
      show(
        'idle',
        {
          title: `You were away ${awayText(question.idleMinutes * 60_000)}`,
          body: 'Your timer kept running. Open Harvest Tray to keep, discard or move that time.',
        },
        [],
        options.openPopover,
      );
    },
  };
}

/** Electron 45 passes `{ actionIndex }` first; older versions passed the index as an argument. */
function indexOf(details: unknown, actionIndex: number | undefined): number {
  if (typeof details === 'object' && details !== null && 'actionIndex' in details) {
    const index = (details as { actionIndex: unknown }).actionIndex;
    if (typeof index === 'number') return index;
  }
  return actionIndex ?? -1;
}
