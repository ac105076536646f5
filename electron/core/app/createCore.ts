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
import { changingEntry } from './entryGone';
import { EntryReads } from './entryReads';
import { isAllowedExternalUrl } from './externalUrl';
import { createPresence } from './presence';
import { NoticeBoard } from './notices';
import { describeSetAside, type SetAsideFile } from '../storage/setAside';
import { QueryCacheFiles } from './queryCacheFile';
import { ReferenceCache } from './referenceCache';
import { SessionService, type ActiveAccount, type ClientFactory } from './session';
import { SettingsService } from './settings';
import { SyncTracker } from './syncState';

interface ServicesOfAccount extends AccountServices {
  account: ActiveAccount;
  reads: EntryReads;
}

export const createCore: CreateCore = async (options) => {
  const { config, vault, store, emit, host, accounts } = options;
  const now = options.now ?? (() => new Date());
  const createClient: ClientFactory = (clientConfig) =>
    createHarvestClient({
      ...clientConfig,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
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
    wipeAccountFiles: (scope) => queryCaches.wipe(scope),
  });

  // Services live as long as the account they were built for; a new sign-in gets fresh ones.
  let services: ServicesOfAccount | null = null;
  function servicesFor(account: ActiveAccount): ServicesOfAccount {
    if (services?.account === account) return services;
    const call: AccountContext['call'] = (work) => session.call(account, work);
    // A change announced by a write makes every read begun before it too old to share.
    const announcing: EventSink = (event, payload) => {
      if (event === 'entries.changed') reads.changed();
      // A write that ends after a switch to another account must not reach that account's view.
      if ((event === 'entries.changed' || event === 'timer.changed') && session.activeAccount() !== account) return;
      emit(event, payload);
    };
    const shared = createAccountServices({ scope: account.scope, cache, call, now, emit: announcing });
    const reads = new EntryReads({ ...shared.context, emit }, (range) => shared.entries.list(range));
    services = { account, ...shared, reads };
    return services;
  }
  const signedIn = (): ServicesOfAccount => servicesFor(session.requireActive());
  const current = (): ServicesOfAccount | null => {
    const account = session.activeAccount();
    return account === null ? null : servicesFor(account);
  };

  /** Shows, wake-ups and the interval: quiet, since no one is waiting to be told of a failure. */
  function refresh(): Promise<void> {
    const active = current();
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
      return session.signOut();
    },
    ...accountHandlers,

    'account.me': () => signedIn().reference.me(),
    'account.company': () => signedIn().reference.company(),
    'choices.projects': (request) => signedIn().reference.projects(request),

    'entries.list': (request) => signedIn().reads.list(request),
    'entries.create': (request) => signedIn().entries.create(request),
    'entries.update': (request) => {
      const { context, entries } = signedIn();
      return changingEntry(context, request.id, () => entries.update(request));
    },
    'entries.delete': (request) => {
      const { context, entries } = signedIn();
      return changingEntry(context, request.id, () => entries.delete(request), () => ({ id: request.id }));
    },

    'timer.start': (request) => signedIn().timers.start(request),
    'timer.stop': (request) => {
      const { context, timers } = signedIn();
      return changingEntry(context, request.id, () => timers.stop(request));
    },
    'timer.restart': (request) => {
      const { context, timers } = signedIn();
      return changingEntry(context, request.id, () => timers.restart(request));
    },
    'timer.quickRestart': () => signedIn().timers.quickRestart(),

    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    'shortcuts.status': async () => host.shortcutsStatus(),
    'sync.get': async () => sync.state(),
    // The queue's own handlers arrive with the queue (core/queue); until then nothing is kept.
    'queue.list': async () => [],
    'queue.retry': async () => [],
    'queue.discard': async () => [],
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
    quickRestart: () => signedIn().timers.quickRestart(),
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
      await queryCaches.settle();
      await session.dispose();
    },
  };
  return core;
};
