// The IPC names both sides of the Electron bridge use: main/ (ipcMain, the main process) and
// preload/ (ipcRenderer, the sandboxed preload) import this file and nothing from each other.
// Kept free of zod (type-only imports from the contract) so the preload bundles to a few lines;
// the compile-time checks below and names.test.ts keep these lists equal to the contract's.
import type { Channel, EventName } from '../../../shared/contract';

/** The global the popover finds the API on (the contract's API_GLOBAL). */
export const API_GLOBAL = 'harvestTray';

/** Every contract channel is registered as `harvestTray:<channel>` with ipcMain.handle. */
export const CHANNEL_PREFIX = 'harvestTray:';

/** The one channel main uses to push events: messages are `{ event, payload }`. */
export const EVENT_CHANNEL = 'harvestTray:event';

export const bridgeChannels = [
  'session.get',
  'session.listAccounts',
  'session.signIn',
  'session.startDemo',
  'session.signOut',
  'account.me',
  'account.company',
  'choices.projects',
  'entries.list',
  'entries.create',
  'entries.update',
  'entries.delete',
  'timer.start',
  'timer.stop',
  'timer.restart',
  'timer.quickRestart',
  'settings.get',
  'settings.update',
  'shortcuts.status',
  'sync.get',
  'queue.list',
  'queue.retry',
  'queue.discard',
  'notices.list',
  'notices.dismiss',
  'queryCache.load',
  'queryCache.save',
  'app.openExternal',
  'app.hidePopover',
  'app.capabilities',
  'shortcuts.recording',
  'idle.question',
  'idle.answer',
  'reminders.current',
  'reminders.snooze',
  'reminders.dismiss',
  // Named accounts
  'accounts.list',
  'accounts.add',
  'accounts.use',
  'accounts.rename',
  'accounts.remove',
] as const satisfies readonly Channel[];

export const bridgeEvents = [
  'session.changed',
  'entries.changed',
  'timer.changed',
  'sync.changed',
  'queue.changed',
  'notices.changed',
  'settings.changed',
  'shortcuts.changed',
  'ui.navigate',
  'ui.shown',
  'idle.changed',
  'reminders.changed',
] as const satisfies readonly EventName[];

// A channel or event added to the contract but not here fails the type check.
type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const everyChannelListed: Unlisted<Channel, (typeof bridgeChannels)[number]> = true;
export const everyEventListed: Unlisted<EventName, (typeof bridgeEvents)[number]> = true;

export interface EventMessage {
  event: EventName;
  payload: unknown;
}
