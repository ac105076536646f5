// How the tray, its menu and notifications name an entry and its time, e.g. "Acme site — Design (1:25)".
import type { TimeEntry } from '../../shared/domain';
import { liveHours } from '../../shared/elapsed';
import { formatHours } from '../../shared/hours';

export function entryName(entry: TimeEntry): string {
  return `${entry.project.name} — ${entry.task.name}`;
}

/** h:mm whatever the account's format: a running clock reads best as one. */
export function entryClock(entry: TimeEntry, now: Date): string {
  return formatHours(liveHours(entry, now), 'hours_minutes');
}
