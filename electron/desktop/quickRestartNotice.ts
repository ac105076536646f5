// What the notification says after the quick-restart shortcut, so the user knows without looking.
import type { QuickRestartResult } from '../../shared/domain';
import { AppFailure, type AppError } from '../../shared/errors';
import { entryClock, entryName } from './entryText';

export interface Notice {
  title: string;
  body: string;
}

export function describeQuickRestart(result: QuickRestartResult, now: Date): Notice {
  const entry = result.entry;
  switch (result.action) {
    case 'stopped':
      return { title: 'Timer stopped', body: entry ? `${entryName(entry)} (${entryClock(entry, now)})` : '' };
    case 'restarted':
      return { title: 'Timer restarted', body: entry ? entryName(entry) : '' };
    case 'started-new':
      return { title: 'New timer started today', body: entry ? entryName(entry) : '' };
    case 'nothing-to-restart':
      return { title: 'Nothing to restart yet', body: 'Start a timer from the tray first.' };
  }
}

export function describeFailure(error: unknown): Notice {
  const message = error instanceof AppFailure ? error.message : 'Something went wrong inside Harvest Tray.';
  return { title: 'Could not change the timer', body: message };
}

/** A refusal the core answered through dispatch, in its own words. */
export function describeRefusal(error: AppError): Notice {
  return { title: 'Could not change the timer', body: error.message };
}
