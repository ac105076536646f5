import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../shared/domain';
import { timeEntry } from '../../shared/testing/timeEntry';
import { createNotifier, type NotificationLike, type NotificationOptionsLike } from './notifier';

/** Like Electron's Notification: events for click and action (with `{ actionIndex }`), show, close. */
class FakeNotification extends EventEmitter implements NotificationLike {
  shown = false;
  closed = false;
  constructor(readonly options: NotificationOptionsLike) {
    super();
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
  }
  pressButton(index: number) {
    this.emit('action', { actionIndex: index, selectionIndex: -1 }, index);
  }
}

function setup(platform: NodeJS.Platform, supported = true) {
  const created: FakeNotification[] = [];
  const actions = { openPopover: vi.fn(), openReview: vi.fn(), snooze: vi.fn() };
  const notifier = createNotifier({
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification;
    },
    isSupported: () => supported,
    platform,
    ...actions,
  });
  return { notifier, created, actions };
}

const noTimer: Reminder = { kind: 'no-timer', at: '2026-11-20T09:30:00.000Z' };
const endOfDay: Reminder = { kind: 'end-of-day', at: '2026-11-20T16:30:00.000Z', date: '2026-11-20', hours: 7.5 };
const text = { title: 'No timer is running', body: 'Start a timer…' };

describe('notifier', () => {
  it('on macOS, the no-timer reminder offers the snoozes as buttons', () => {
    const { notifier, created, actions } = setup('darwin');
    notifier.reminder(noTimer, text);
    expect(created[0]?.options.actions?.map((action) => action.text)).toEqual(['Snooze 15 minutes', 'Snooze 1 hour', 'Not today']);
    created[0]?.pressButton(1);
    expect(actions.snooze).toHaveBeenCalledWith('1h');
    created[0]?.pressButton(2);
    expect(actions.snooze).toHaveBeenLastCalledWith('rest-of-day');
  });

  it('on Linux, no buttons: a click opens the popover, where the same choices are', () => {
    const { notifier, created, actions } = setup('linux');
    notifier.reminder(noTimer, text);
    expect(created[0]?.options.actions).toBeUndefined();
    created[0]?.emit('click');
    expect(actions.openPopover).toHaveBeenCalledTimes(1);
    expect(actions.snooze).not.toHaveBeenCalled();
  });

  it('the end-of-day reminder opens the review, from its button or a click', () => {
    const { notifier, created, actions } = setup('win32');
    notifier.reminder(endOfDay, { title: 'Your day in Harvest', body: 'You tracked 7.50 today.' });
    created[0]?.pressButton(0);
    created[0]?.emit('click');
    expect(actions.openReview).toHaveBeenCalledTimes(2);
  });

  it('a newer reminder of the same kind replaces the older one', () => {
    const { notifier, created } = setup('linux');
    notifier.reminder(noTimer, text);
    notifier.reminder(noTimer, text);
    expect(created.map((notification) => [notification.shown, notification.closed])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('the idle question says how long and opens the popover on a click', () => {
    const { notifier, created, actions } = setup('linux');
    notifier.idle({ spans: [{ from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T11:05:00.000Z' }], entry: timeEntry(), idleMinutes: 65 });
    expect(created[0]?.options.title).toBe('You were away 1 h 5 min');
    created[0]?.emit('click');
    expect(actions.openPopover).toHaveBeenCalled();
  });

  it('shows nothing where the system has no notifications', () => {
    const { notifier, created } = setup('linux', false);
    notifier.reminder(noTimer, text);
    expect(created).toEqual([]);
  });
});
