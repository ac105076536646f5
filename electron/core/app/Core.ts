// What the composition root gets back from the core, and what the core needs from its host.
import type { EventSink, Handlers } from '../../../shared/contract';
import type {
  HostCapabilities,
  IdleQuestion,
  QuickRestartResult,
  Reminder,
  ShortcutStatus,
  TimeEntry,
} from '../../../shared/domain';
import type { ReminderText } from '../../../shared/reminderText';
import type { AccountBook } from '../accounts/accountBook';
import type { RateLimiter } from '../harvest/rateLimiter';
import type { AppConfig, JsonStore, TokenVault } from '../ports';
import type { PendingQueueOptions } from '../queue/pendingQueue';
import type { RetryPolicy } from '../harvest/retry';

/** Things only the host (desktop or web) can do; the core asks for them through this. */
export interface HostHooks {
  /** Current registration state of the global shortcuts (the web host has none). */
  shortcutsStatus(): ShortcutStatus[];
  /** Opens an https://*.harvestapp.com or https://*.getharvest.com page in the browser. */
  openExternal(url: string): Promise<void>;
  hidePopover(): void;
  /** Called after settings change, so the host can re-register shortcuts, login item... */
  settingsChanged?(settings: import('../../../shared/domain').Settings): void;
  /** What this host can do; a host without it offers none of these. */
  capabilities?(): HostCapabilities;
  /** Lets go of the global shortcuts while a new one is recorded, and takes them back after. */
  pauseShortcuts?(paused: boolean): void;
  /** A timer ran while the user was away: the desktop opens the popover and says so. */
  askAboutIdle?(question: IdleQuestion): void;
  /** Shows a reminder the operating system's way. */
  remind?(reminder: Reminder, text: ReminderText): void;
}

export interface CoreOptions {
  config: AppConfig;
  /** The named accounts: on disk with the keyring on the desktop, in memory in the web host. */
  accounts: AccountBook;
  /** A sign-in an earlier version saved (the desktop's safeStorage); read once, then named. */
  vault: TokenVault;
  store: JsonStore;
  /** Other files the host keeps (the desktop's token vault): heard only for files set aside. */
  otherStores?: JsonStore[];
  emit: EventSink;
  host: HostHooks;
  /** Injected for tests; defaults to the system clock. */
  now?: () => Date;
  /** Injected for tests; defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /**
   * Injected for tests that send more in a few seconds than Harvest's limit allows (against a
   * simulator whose limit they raised); defaults to the one limiter every client of a token shares.
   */
  rateLimiter?: RateLimiter;
  /** Injected for tests on a shortened clock: the client's waits between its own retries. */
  clientRetry?: Partial<RetryPolicy>;
  /** Injected for tests: the pending-changes queue's backoff between tries, and its randomness. */
  queueTuning?: Pick<PendingQueueOptions, 'backoff' | 'random' | 'landingMs'>;
}

export interface Core {
  /** The app's API: one function per contract channel. */
  handlers: Handlers;
  /** Resume work: stop a running timer, or restart/re-create the most recent entry. */
  quickRestart(): Promise<QuickRestartResult>;
  /** The running entry as last seen, for the tray's title, tooltip and menu. */
  runningEntry(): TimeEntry | null;
  /** The most recent entry today or earlier, for the tray menu's Restart item. */
  lastEntry(): TimeEntry | null;
  /** What the current account is called, for the tray's tooltip: its name, else Harvest's; null signed out. */
  currentAccountName(): string | null;
  /**
   * Re-reads the recent weeks (popover shown, resume, unlock, slow interval): the tray follows
   * what runs, and the popover hears which days moved through 'entries.changed'.
   */
  refresh(): Promise<void>;
  /** The user is back after being away (the desktop's idle monitor; tests of the web host). */
  reportIdle(span: { from: Date; to: Date }): Promise<void>;
  /** Looks at what reminders are due (every minute on its own; call it on wake too). */
  checkReminders(): Promise<void>;
  /** The computer is shutting down: the running timer stops as of now, when the settings ask. */
  stopForShutdown(): Promise<void>;
  dispose(): Promise<void>;
}

export type CreateCore = (options: CoreOptions) => Promise<Core>;
