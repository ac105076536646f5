// The composition of the core: services for the signed-in account, and the handler map that
// Electron IPC and the web host's bridge both serve through dispatch().
import type { EventSink, Handlers } from '../../../shared/contract';
import { AppFailure } from '../../../shared/errors';
import { toLocalDate } from '../../../shared/localDate';
import { createHarvestClient } from '../harvest/createHarvestClient';
import { ACCOUNT_IDS as SIMULATOR_ACCOUNTS, TOKENS as SIMULATOR_TOKENS } from '../../simulator/credentials';
import type { AccountContext } from './accountContext';
import { createAccountServices, type AccountServices } from './accountServices';
import type { Core, CreateCore } from './Core';
import { createAccountHandlers } from './accountHandlers';
import { EntryReads } from './entryReads';
import { isAllowedExternalUrl } from './externalUrl';
import { createPresence } from './presence';
import { NoticeBoard } from './notices';
import { describeSetAside, type SetAsideFile } from '../storage/setAside';
import { QueryCacheFiles } from './queryCacheFile';
import { SeenEntriesFile } from './seenEntriesFile';
import { lastShownEntries, withLastShown } from './lastShownEntries';
import { ReferenceCache } from './referenceCache';
import { SessionService, type ActiveAccount, type ClientFactory } from './session';
import { SettingsService } from './settings';
import { NO_PENDING_CHANGES, SyncTracker } from './syncState';
import { openAccountQueue, type AccountQueue } from '../queue/accountQueue';
import { taggingCreates } from '../queue/createTags';
import { cannotReachNow } from '../queue/replayChange';

interface ServicesOfAccount extends AccountServices {
  account: ActiveAccount;
  reads: EntryReads;
  /** The account's pending-changes queue, opened (its file read) once per sign-in. */
  pending: Promise<AccountQueue>;
}

export const createCore: CreateCore = async (options) => {
  const { config, vault, store, emit, host, accounts } = options;
  const now = options.now ?? (() => new Date());
  const createClient: ClientFactory = (clientConfig) =>
    createHarvestClient({
      ...clientConfig,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      ...(options.clientRetry ? { retry: options.clientRetry } : {}),
    });

  // Every file found unreadable and set aside is told to the user once, whichever store it was.
  const notices = new NoticeBoard(emit);
  const tellSetAside = (file: SetAsideFile) => notices.add(describeSetAside(file));
  for (const kept of [store, ...(options.otherStores ?? [])]) kept.onSetAside?.(tellSetAside);

  const cache = new ReferenceCache(store, now);
  const queryCaches = new QueryCacheFiles(config.dataDir, tellSetAside, now);
  const sync = new SyncTracker(now, (state) => emit('sync.changed', state));
  const settings = new SettingsService(store, (next) => {
    emit('settings.changed', next);
    host.settingsChanged?.(next);
  });
  const resetSettings = settings.repair(now());
  if (resetSettings.length > 0) {
    notices.add(
      `Some of your settings could not be read and are back to their defaults (${resetSettings.join(', ')}); the others are kept.`,
    );
  }
  const session = new SessionService({
    config,
    book: accounts,
    vault,
    cache,
    sync,
    emit,
    createClient,
    demo: {
      token: SIMULATOR_TOKENS.multi,
      accountId: SIMULATOR_ACCOUNTS.duration,
      // Loaded only when the demo starts: the simulator is a second Harvest, not part of the tray.
      start: async () => (await import('../../simulator/server')).startSimulator({ now }),
    },
    // What the command line saw of the account goes with it too.
    wipeAccountFiles: async (scope) => {
      await Promise.all([queryCaches.wipe(scope), new SeenEntriesFile(config.dataDir).wipe(scope)]);
    },
  });

  // Services live as long as the account they were built for; a new sign-in gets fresh ones.
  let services: ServicesOfAccount | null = null;
  function servicesFor(account: ActiveAccount): ServicesOfAccount {
    if (services?.account === account) return services;
    // Every create carries its change's id as external reference (./queue/createTags).
    const call: AccountContext['call'] = (work) => session.call(account, (client) => work(taggingCreates(client)));
    // A change announced by a write makes every read begun before it too old to share.
    const announcing: EventSink = (event, payload) => {
      if (event === 'entries.changed') reads.changed();
      // A write that ends after a switch to another account must not reach that account's view.
      if ((event === 'entries.changed' || event === 'timer.changed') && session.activeAccount() !== account) return;
      emit(event, payload);
    };
    const shared = createAccountServices({ scope: account.scope, cache, call, now, emit: announcing });
    const reads = new EntryReads({ ...shared.context, emit }, (range) => shared.entries.list(range));
    void services?.pending.then(({ queue }) => queue.close());
    const pending = openAccountQueue({
      dataDir: config.dataDir,
      scope: account.scope,
      services: shared,
      now,
      onSetAside: tellSetAside,
      offline: () => !sync.state().online,
      lastShown: async () => lastShownEntries(await queryCaches.load(account.scope)),
      ...(options.queueTuning ? { tuning: options.queueTuning } : {}),
      onChange: (changes) => {
        if (session.activeAccount() !== account) return;
        emit('queue.changed', changes);
        sync.pendingChanged();
      },
    }).then((opened) => {
      if (session.activeAccount() === account) sync.countFrom(opened.queue);
      // Changes kept before a quit, a crash or a restart go out now.
      opened.queue.wake();
      return opened;
    });
    services = { account, ...shared, reads, pending };
    return services;
  }
  const signedIn = (): ServicesOfAccount => servicesFor(session.requireActive());
  const writes = async () => (await signedIn().pending).writes;
  async function closeQueue(): Promise<void> {
    const closing = services?.pending;
    sync.countFrom(NO_PENDING_CHANGES);
    if (closing) await (await closing).queue.close();
  }
  // The first answer from Harvest after a failure: what waits goes out now.
  sync.whenBackOnline(() => void current()?.pending.then(({ queue }) => queue.wake()));
  const current = (): ServicesOfAccount | null => {
    const account = session.activeAccount();
    return account === null ? null : servicesFor(account);
  };

  /** Shows, wake-ups and the interval: quiet, since no one is waiting to be told of a failure. */
  function refresh(): Promise<void> {
    const active = current();
    // A wake from sleep or a show is a moment Harvest may be reachable again: the queue tries now.
    void active?.pending.then(({ queue }) => queue.wake()).catch(() => undefined);
    // The sync state and the session already heard about a failure, and the popover's own
    // requests show it; the caller (a timer, a wake-up) has no one to tell.
    return active === null ? Promise.resolve() : active.reads.refresh().catch(() => undefined);
  }

  const presence = createPresence({
    now,
    settings: () => settings.get(),
    store,
    emit,
    host,
    account: () => {
      const active = current();
      return active === null ? null : { accountId: active.account.session.account.id, ...active };
    },
  });

  const accountHandlers = createAccountHandlers({ session, book: accounts, config, cache });
  const switched = accountHandlers['accounts.use'];
  accountHandlers['accounts.use'] = async (request) => {
    const before = session.activeAccount();
    const result = await switched(request);
    // Another account's day is read at once, for the popover and the tray.
    if (session.activeAccount() !== before) void refresh();
    return result;
  };
  const removing = accountHandlers['accounts.remove'];
  accountHandlers['accounts.remove'] = async (request) => {
    const before = session.activeAccount();
    const result = await removing(request);
    if (before !== null && session.activeAccount() === null) presence.signedOut();
    return result;
  };

  const handlers: Handlers = {
    ...presence.handlers,
    'session.get': async () => session.current(),
    'session.listAccounts': ({ token }) => session.listAccounts(token),
    'session.signIn': async (request) => {
      const result = await session.signIn(request);
      if (result.state === 'signed-in') void refresh();
      return result;
    },
    'session.startDemo': async () => {
      const result = await session.startDemo();
      void refresh();
      return result;
    },
    'session.signOut': async () => {
      presence.signedOut();
      // The changes stay on disk, for when this account signs in again (the popover asked first).
      await closeQueue();
      return session.signOut();
    },
    ...accountHandlers,

    'account.me': () => signedIn().reference.me(),
    'account.company': () => signedIn().reference.company(),
    'choices.projects': (request) => signedIn().reference.projects(request),

    'entries.list': async (request) => {
      const { account, reads, ledger, pending } = signedIn();
      const { queue } = await pending;
      try {
        return queue.overlay(await reads.list(request), request);
      } catch (error) {
        // Offline with changes waiting: what was last read (in this run, else what the popover
        // last showed before it), as the changes will leave it.
        if (!cannotReachNow(error) || queue.count() === 0) throw error;
        const lastShown = withLastShown(
          ledger.inRange(request),
          lastShownEntries(await queryCaches.load(account.scope)),
          request,
          ledger.knowsWhatRuns(),
        );
        return queue.overlay(lastShown, request);
      }
    },
    'entries.create': async (request) => (await writes()).create(request),
    'entries.update': async (request) => (await writes()).update(request),
    'entries.delete': async (request) => (await writes()).delete(request),

    'timer.start': async (request) => (await writes()).start(request),
    'timer.stop': async (request) => (await writes()).stop(request),
    'timer.restart': async (request) => (await writes()).restart(request),
    'timer.quickRestart': async () => (await writes()).quickRestart(),

    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    'shortcuts.status': async () => host.shortcutsStatus(),
    'sync.get': async () => sync.state(),
    'queue.list': async () => {
      const active = current();
      return active === null ? [] : (await active.pending).queue.list();
    },
    'queue.retry': async ({ id }) => (await signedIn().pending).queue.retry(id),
    'queue.discard': async ({ id }) => (await signedIn().pending).queue.discard(id),
    'notices.list': async () => notices.list(),
    'notices.dismiss': async ({ id }) => {
      notices.dismiss(id);
      return {};
    },

    // Signed out, there is no account to load for and nothing worth keeping: the renderer asks at
    // start-up before anyone signed in, and an error there would only be noise.
    'queryCache.load': async () => {
      const account = session.activeAccount();
      return account === null ? null : queryCaches.load(account.scope);
    },
    'queryCache.save': async ({ snapshot }) => {
      const account = session.activeAccount();
      if (account !== null) await queryCaches.save(account.scope, snapshot);
      return {};
    },

    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppFailure({
          kind: 'validation',
          field: 'url',
          message: 'Harvest Tray only opens Harvest’s own pages (https://…harvestapp.com or …getharvest.com).',
        });
      }
      await host.openExternal(url);
      return {};
    },
    'app.hidePopover': async () => {
      host.hidePopover();
      return {};
    },
  };

  await session.restore();
  void refresh();

  const core: Core = {
    handlers,
    quickRestart: async () => (await writes()).quickRestart(),
    runningEntry: () => current()?.ledger.running() ?? null,
    lastEntry: () => current()?.ledger.last(toLocalDate(now())) ?? null,
    currentAccountName: () => {
      const shown = session.current();
      return shown.state === 'signed-in' ? (shown.name ?? shown.account.name) : null;
    },
    refresh,
    reportIdle: presence.reportIdle,
    checkReminders: presence.checkReminders,
    stopForShutdown: presence.stopForShutdown,
    dispose: async () => {
      presence.dispose();
      await closeQueue();
      await queryCaches.settle();
      await session.dispose();
    },
  };
  return core;
};
