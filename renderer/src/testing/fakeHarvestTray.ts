// An in-memory stand-in for `window.harvestTray` that behaves like the main process: it keeps
// entries, answers with Reply envelopes, emits events, and can be told to refuse a channel.
import type { Channel, EventName, EventPayload, HarvestTrayApi, Reply, RequestOf, ResponseOf } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/defaultSettings';
import { timeEntry } from '../../../shared/testing/timeEntry';
import type {
  CompanySettings,
  CurrentUser,
  HostCapabilities,
  IdleQuestion,
  Notice,
  PendingChange,
  ProjectChoice,
  Reminder,
  Session,
  Settings,
  SyncState,
  TimeEntry,
} from '../../../shared/domain';
import type { AccountEntry } from '../../../shared/accounts';
import type { AppError } from '../../../shared/errors';

const SERVER = 'https://api.harvestapp.com/v2';

export const user: CurrentUser = { id: 7, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', weeklyCapacity: 0 };

export const companyDuration: CompanySettings = {
  name: 'Analytical Engines',
  wantsTimestampTimers: false,
  timeFormat: 'hours_minutes',
  clock: '12h',
  weekStartDay: 'Monday',
  dateFormat: '%d/%m/%Y',
};

export const projects: ProjectChoice[] = [
  {
    projectId: 11,
    projectName: 'Website Redesign',
    projectCode: 'WR',
    clientName: 'Acme Corp',
    tasks: [
      { taskId: 21, taskName: 'Design', billable: true },
      { taskId: 22, taskName: 'Development', billable: true },
    ],
  },
  {
    projectId: 12,
    projectName: 'Mobile App',
    projectCode: null,
    clientName: 'Globex',
    tasks: [{ taskId: 23, taskName: 'Meetings', billable: false }],
  },
  { projectId: 13, projectName: 'Internal', projectCode: null, clientName: null, tasks: [{ taskId: 24, taskName: 'Admin', billable: false }] },
];

export function makeEntry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  return timeEntry({
    id: 1001,
    hours: 1.5,
    hoursWithoutTimer: 1.5,
    notes: 'Homepage wireframes',
    client: { id: 5, name: 'Acme Corp' },
    project: { id: 11, name: 'Website Redesign', code: 'WR' },
    task: { id: 21, name: 'Design' },
    createdAt: '2026-11-21T09:00:00Z',
    updatedAt: '2026-11-21T09:00:00Z',
    ...overrides,
  });
}

/** A change kept in the queue: by default a stop of makeEntry()'s entry, waiting to be sent. */
export function makeChange(overrides: Partial<PendingChange> = {}): PendingChange {
  return {
    id: 'chg-1',
    kind: 'stop',
    entryId: 1001,
    spentDate: '2026-11-21',
    projectName: 'Website Redesign',
    taskName: 'Design',
    clientName: 'Acme Corp',
    notes: 'Homepage wireframes',
    hours: 1.5,
    createdAt: '2026-11-21T10:45:00.000Z',
    attempts: 0,
    status: { state: 'waiting', message: 'Waiting to be sent: Harvest cannot be reached.' },
    ...overrides,
  };
}

type Handler<C extends Channel> = (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type FakeHarvestTray = HarvestTrayApi & {
  entries: TimeEntry[];
  calls: Array<{ channel: Channel; request: unknown }>;
  /** Makes the next calls to a channel answer with this error. */
  refuse: (channel: Channel, error: AppError) => void;
  /** Stops refusing a channel. */
  allow: (channel: Channel) => void;
  /** Holds replies to a channel until `release` is called (to look at the optimistic state). */
  hold: (channel: Channel) => () => void;
  /** Replaces a channel's behaviour. */
  handle: <C extends Channel>(channel: C, handler: Handler<C>) => void;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  callsTo: (channel: Channel) => unknown[];
  /** The queue's changes as the main process holds them now. */
  readonly queue: PendingChange[];
  /**
   * Replaces the queue as the main process would after keeping, sending or refusing a change:
   * `queue.changed` and `sync.changed` (with the counts) go out, as they do from the core.
   */
  setQueue: (changes: PendingChange[], online?: boolean) => void;
};

export function createFakeHarvestTray(options: {
  entries?: TimeEntry[];
  company?: CompanySettings;
  session?: Session;
  settings?: Settings;
  sync?: SyncState;
  me?: CurrentUser;
  capabilities?: HostCapabilities;
  idleQuestion?: IdleQuestion | null;
  reminder?: Reminder | null;
  notices?: Notice[];
  /** Changes waiting in the pending-changes queue (queue.list). */
  queue?: PendingChange[];
  /** The accounts the switcher lists; by default the session's, nameless (as from HARVEST_ACCESS_TOKEN). */
  accounts?: AccountEntry[];
} = {}): FakeHarvestTray {
  let nextId = 5000;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const refusals = new Map<Channel, AppError>();
  const holds = new Map<Channel, Promise<void>>();
  const overrides = new Map<Channel, (request: never) => unknown>();
  const state = {
    notices: [...(options.notices ?? [])],
    queue: [...(options.queue ?? [])],
    entries: [...(options.entries ?? [])],
    settings: options.settings ?? { ...DEFAULT_SETTINGS, shortcuts: { ...DEFAULT_SETTINGS.shortcuts, quickRestart: '' } },
    sync: options.sync ?? { online: true, pending: 0, refused: 0, lastSyncedAt: null },
    idleQuestion: options.idleQuestion ?? null,
    reminder: options.reminder ?? null,
    session:
      options.session ??
      ({ state: 'signed-in', account: { id: 100001, name: 'Analytical Engines' }, user: options.me ?? user, name: null, server: SERVER, demo: false, vaultBackend: 'memory' } as Session),
    accounts:
      options.accounts ??
      ([{ name: null, accountId: 100001, accountName: 'Analytical Engines', server: SERVER, current: true }] as AccountEntry[]),
  };
  const accountList = () => ({ accounts: state.accounts, problems: [] });
  const named = (name: string) => {
    const account = state.accounts.find((item) => item.name === name);
    if (!account) throw { kind: 'validation', field: 'name', message: `No account named "${name}".` } satisfies AppError;
    return account;
  };
  const now = () => new Date().toISOString();
  // Every change to the queue is told, with the sync counts it implies, as the core tells it.
  const queueChanged = (changes: PendingChange[], online = state.sync.online) => {
    state.queue = changes;
    const refused = changes.filter((change) => change.status.state === 'refused').length;
    state.sync = { ...state.sync, online, pending: changes.length, refused };
    emitEvent('queue.changed', structuredClone(changes));
    emitEvent('sync.changed', { ...state.sync });
    return changes;
  };
  const find = (id: number) => {
    const entry = state.entries.find((item) => item.id === id);
    if (!entry) throw { kind: 'not-found', message: 'That entry no longer exists.' } satisfies AppError;
    return entry;
  };
  const replace = (entry: TimeEntry) => {
    state.entries = state.entries.map((item) => (item.id === entry.id ? entry : item));
    return entry;
  };

  const behaviour: { [C in Channel]?: Handler<C> } = {
    'session.get': () => state.session,
    'account.me': () => options.me ?? user,
    'account.company': () => options.company ?? companyDuration,
    'choices.projects': () => projects,
    'entries.list': ({ from, to }) => state.entries.filter((entry) => entry.spentDate >= from && entry.spentDate <= to),
    'entries.create': (request) => {
      const project = projects.find((item) => item.projectId === request.projectId) ?? projects[0]!;
      const task = project.tasks.find((item) => item.taskId === request.taskId) ?? project.tasks[0]!;
      const entry = makeEntry({
        id: nextId++,
        spentDate: request.spentDate,
        hours: request.hours ?? 0,
        hoursWithoutTimer: request.hours ?? 0,
        notes: request.notes ?? null,
        isRunning: request.hours === undefined && !request.endedTime,
        timerStartedAt: request.hours === undefined && !request.endedTime ? now() : null,
        client: project.clientName ? { id: 5, name: project.clientName } : null,
        project: { id: project.projectId, name: project.projectName, code: project.projectCode },
        task: { id: task.taskId, name: task.taskName },
        createdAt: now(),
        updatedAt: now(),
      });
      state.entries.push(entry);
      return entry;
    },
    'entries.update': ({ id, patch }) => replace({ ...find(id), ...('notes' in patch ? { notes: patch.notes ?? null } : {}), ...(patch.hours === undefined ? {} : { hours: patch.hours }) }),
    'entries.delete': ({ id }) => {
      find(id);
      state.entries = state.entries.filter((item) => item.id !== id);
      return { id };
    },
    'timer.start': (request) => behaviour['entries.create']!({ ...request, spentDate: new Date().toISOString().slice(0, 10) }) as TimeEntry,
    'timer.stop': ({ id }) => replace({ ...find(id), isRunning: false, timerStartedAt: null }),
    'timer.restart': ({ id }) => replace({ ...find(id), isRunning: true, timerStartedAt: now() }),
    'settings.get': () => state.settings,
    'settings.update': (patch) =>
      (state.settings = {
        ...state.settings,
        ...patch,
        shortcuts: { ...state.settings.shortcuts, ...patch.shortcuts },
        idle: { ...state.settings.idle, ...patch.idle },
        reminders: { ...state.settings.reminders, ...patch.reminders },
      } as Settings),
    'shortcuts.status': () => [],
    'sync.get': () => state.sync,
    'queue.list': () => state.queue,
    'queue.retry': ({ id }) =>
      queueChanged(
        state.queue.map((change) =>
          change.id === id ? { ...change, status: { state: 'waiting', message: 'Waiting to be sent.' } } : change,
        ),
      ),
    'queue.discard': ({ id }) => queueChanged(state.queue.filter((change) => change.id !== id)),
    'notices.list': () => state.notices,
    'notices.dismiss': ({ id }) => {
      state.notices = state.notices.filter((notice) => notice.id !== id);
      return {};
    },
    'queryCache.load': () => null,
    'queryCache.save': () => ({}),
    'app.openExternal': () => ({}),
    'app.hidePopover': () => ({}),
    'session.signOut': () => (state.session = { state: 'signed-out', reason: null }),
    'app.capabilities': () => options.capabilities ?? { launchAtLogin: true, globalShortcuts: true, idleTime: true, idleNote: null },
    'shortcuts.recording': () => ({}),
    'idle.question': () => state.idleQuestion,
    'idle.answer': () => {
      state.idleQuestion = null;
      return { changed: true, message: 'Done.' };
    },
    'reminders.current': () => state.reminder,
    'reminders.snooze': () => {
      state.reminder = null;
      return {};
    },
    'reminders.dismiss': () => {
      state.reminder = null;
      return {};
    },
    'accounts.list': accountList,
    'accounts.use': ({ name }) => {
      const chosen = name === null ? state.accounts.find((item) => item.name === null) : named(name);
      if (!chosen) throw { kind: 'validation', message: 'No account in HARVEST_ACCESS_TOKEN.' } satisfies AppError;
      state.accounts = state.accounts.map((item) => ({ ...item, current: item === chosen }));
      const signedIn = state.session.state === 'signed-in' ? state.session : null;
      state.session = {
        state: 'signed-in',
        account: { id: chosen.accountId, name: chosen.accountName },
        name: chosen.name,
        server: chosen.server,
        user: signedIn?.user ?? user,
        demo: false,
        vaultBackend: chosen.name === null ? 'environment' : 'keyring',
      };
      return state.session;
    },
    'accounts.rename': ({ name, to }) => {
      if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(to)) throw { kind: 'validation', field: 'name', message: 'Account name: Use lower-case letters, digits, - and _ (up to 40), such as work or personal.' } satisfies AppError;
      named(name);
      state.accounts = state.accounts.map((item) => (item.name === name ? { ...item, name: to } : item));
      if (state.session.state === 'signed-in' && state.session.name === name) state.session = { ...state.session, name: to };
      return accountList();
    },
    'accounts.remove': ({ name }) => {
      const removed = named(name);
      state.accounts = state.accounts.filter((item) => item !== removed);
      if (removed.current) state.session = { state: 'signed-out', reason: null };
      return accountList();
    },
    'accounts.add': (request) => {
      if (request.accountId === undefined) {
        return { state: 'choose-account', accounts: [{ id: 100001, name: 'Analytical Engines' }, { id: 100002, name: 'Difference Engines' }] };
      }
      const account: AccountEntry = {
        name: request.name ?? `account-${request.accountId}`,
        accountId: request.accountId,
        accountName: request.accountId === 100002 ? 'Difference Engines' : 'Analytical Engines',
        server: SERVER,
        current: false,
      };
      state.accounts = [...state.accounts, account];
      return { state: 'added', account };
    },
  };

  function emitEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
    listeners.get(event)?.forEach((listener) => listener(payload));
  }

  const calls: FakeHarvestTray['calls'] = [];
  const api = {} as Record<string, unknown>;
  const channelNames = new Set<Channel>([...(Object.keys(behaviour) as Channel[]), 'session.listAccounts', 'session.signIn', 'session.startDemo', 'timer.quickRestart']);
  for (const channel of channelNames) {
    api[channel] = async (request: unknown): Promise<Reply<unknown>> => {
      calls.push({ channel, request });
      await holds.get(channel);
      const refusal = refusals.get(channel);
      if (refusal) return { ok: false, error: refusal };
      const handler = (overrides.get(channel) ?? behaviour[channel]) as ((request: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { kind: 'unexpected', message: `${channel} is not faked` } };
      try {
        return { ok: true, value: structuredClone(await handler(request)) };
      } catch (error) {
        return { ok: false, error: error as AppError };
      }
    };
  }

  const fake = api as unknown as FakeHarvestTray;
  Object.defineProperty(fake, 'entries', { get: () => state.entries });
  fake.calls = calls;
  fake.callsTo = (channel) => calls.filter((call) => call.channel === channel).map((call) => call.request);
  fake.refuse = (channel, error) => refusals.set(channel, error);
  fake.allow = (channel) => refusals.delete(channel);
  fake.hold = (channel) => {
    let release = () => undefined as void;
    holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      holds.delete(channel);
      release();
    };
  };
  fake.handle = (channel, handler) => overrides.set(channel, handler as (request: never) => unknown);
  fake.on = ((event: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  }) as HarvestTrayApi['on'];
  fake.emit = emitEvent;
  Object.defineProperty(fake, 'queue', { get: () => state.queue });
  fake.setQueue = (changes, online) => void queueChanged(changes, online);
  return fake;
}

export function installFakeHarvestTray(fake: FakeHarvestTray): void {
  (globalThis as { harvestTray?: HarvestTrayApi }).harvestTray = fake;
}
