// The popover's queries kept on disk between launches (so it opens with the entries it last
// showed), by the first part of their query key, with the channel each one's data comes from.
// The renderer decides what to save by this list; the main process checks what it loads back
// against the channel's reply schema.
import type { Channel } from './contract';

export const PERSISTED_QUERY_CHANNELS = {
  entries: 'entries.list',
  choices: 'choices.projects',
  company: 'account.company',
  me: 'account.me',
} as const satisfies Record<string, Channel>;

export type PersistedRoot = keyof typeof PERSISTED_QUERY_CHANNELS;

export function isPersistedRoot(value: unknown): value is PersistedRoot {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERSISTED_QUERY_CHANNELS, value);
}
