// Who is signed in to which Harvest account, and with what client. Every call to Harvest made on
// behalf of the signed-in user goes through `call`, so a refused token anywhere ends the session
// the same way, and the sync state hears of every answer and every lost connection. A sign-in is
// kept as a named account (core/accounts/): the list the command line's --account reads too.
import type { EventSink } from '../../../shared/contract';
import type { Account, CurrentUser, Session, VaultBackend } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { TOKEN_REFUSED } from '../harvest/errors';
import type { AccountBook, AccountCredentials } from '../accounts/accountBook';
import type { NamedAccount } from '../accounts/accountRegistry';
import type { HarvestClient, HarvestClientConfig } from '../harvest/HarvestClient';
import type { AppConfig, StoredCredentials, TokenVault } from '../ports';
import { sameScope, type AccountScope } from './accountScope';
import { signedOutFailure, toAppFailure } from './failures';
import { toAccounts, toCompanySettings, toCurrentUser } from './mapping';
import type { ReferenceCache } from './referenceCache';
import type { SyncTracker } from './syncState';

export type ClientFactory = (config: HarvestClientConfig) => HarvestClient;

/** A Harvest to talk to for the demo, running inside the app. */
export interface DemoHarvest {
  url: string;
  apiUrl: string;
  close(): Promise<void>;
}

export interface DemoOptions {
  token: string;
  accountId: number;
  start: () => Promise<DemoHarvest>;
}

/** Where the account in use came from, and so what signing out of it forgets. */
export type AccountSource =
  | { kind: 'named'; name: string }
  | { kind: 'environment' }
  | { kind: 'demo' }
  /** A sign-in an earlier version kept in the vault, named once Harvest has been reached. */
  | { kind: 'saved' };

/** The signed-in state with the pieces only the main process may hold. */
export interface ActiveAccount {
  /** Changes only in its name (a rename, a saved sign-in getting one); the account stays. */
  session: Extract<Session, { state: 'signed-in' }>;
  source: AccountSource;
  readonly client: HarvestClient;
  /** The account on its Harvest server: what its caches are kept under. */
  readonly scope: AccountScope;
  /** The demo's in-process Harvest, closed with the session. */
  readonly demo: DemoHarvest | null;
}

export interface SessionDeps {
  config: AppConfig;
  /** The named accounts and their tokens: where a sign-in is kept. */
  book: AccountBook;
  /** Read only for a sign-in an earlier version saved there, which then becomes a named account. */
  vault: TokenVault;
  cache: ReferenceCache;
  sync: SyncTracker;
  emit: EventSink;
  createClient: ClientFactory;
  demo: DemoOptions;
  /** Removes what the app keeps on disk for an account besides the reference cache. */
  wipeAccountFiles: (scope: AccountScope) => Promise<void>;
}

export type SignInResult =
  | { state: 'signed-in'; session: Session }
  | { state: 'choose-account'; accounts: Account[] };

/** A token Harvest accepted for one account, with who the user is there. */
export interface CheckedToken {
  state: 'checked';
  account: Account;
  user: CurrentUser;
  userId: number;
  client: HarvestClient;
  token: string;
}

export interface TokenRequest {
  token: string;
  accountId?: number | undefined;
  allowPlaintextStorage?: boolean | undefined;
}

export class SessionService {
  private active: ActiveAccount | null = null;
  private signedOutReason: string | null = null;
  /** The vault's saved sign-in while it waits to become a named account. */
  private saved: StoredCredentials | null = null;
  /** Accounts signed out of: nothing more is sent with their token. */
  private readonly ended = new WeakSet<ActiveAccount>();
  /** Switches, sign-ins and sign-outs one at a time: the last one asked for is the one in use. */
  private moving: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SessionDeps) {}

  current(): Session {
    return this.active?.session ?? { state: 'signed-out', reason: this.signedOutReason };
  }

  activeAccount(): ActiveAccount | null {
    return this.active;
  }

  requireActive(): ActiveAccount {
    if (this.active === null) throw signedOutFailure();
    return this.active;
  }

  /** Runs a request for this account; a refused token ends the session with Harvest's reason. */
  async call<T>(account: ActiveAccount, work: (client: HarvestClient) => Promise<T>): Promise<T> {
    // A request for an account signed out of is not sent. One switched away from finishes what
    // it began there (the stop of a stop-then-restart must not stay half done), in that account.
    if (this.ended.has(account)) throw signedOutFailure();
    try {
      const result = await this.reach(() => work(account.client));
      return result;
    } catch (error) {
      const failure = toAppFailure(error);
      if (failure.kind === 'signed-out' && this.active === account) {
        await this.end(refusedReason(failure, account.source), { forgetToken: true, wipeCaches: false });
      }
      throw failure;
    }
  }

  async listAccounts(token: string): Promise<Account[]> {
    const client = this.clientFor(token);
    return toAccounts(await this.reach(() => client.listAccounts()));
  }

  /** Asks Harvest which accounts the token reaches; with one (or one chosen), who the user is there. */
  async checkToken(token: string, accountId?: number): Promise<CheckedToken | { state: 'choose-account'; accounts: Account[] }> {
    const identity = await this.reach(() => this.clientFor(token).getIdentity());
    const accounts = toAccounts(identity.accounts);
    const account = pickAccount(accounts, accountId);
    if (account === null) return { state: 'choose-account', accounts };
    const client = this.clientFor(token, account.id);
    const user = toCurrentUser(await this.reach(() => client.getMe()));
    return { state: 'checked', account, user, userId: identity.user.id, client, token };
  }

  /** Keeps a checked token as a named account on this app's Harvest server. */
  keep(checked: CheckedToken, options: { name?: string | undefined; allowPlaintext: boolean; makeDefault: boolean }): Promise<NamedAccount> {
    const { config, book } = this.deps;
    return book.keep(
      { token: checked.token, userId: checked.userId, account: checked.account, apiUrl: config.apiUrl, idUrl: config.idUrl },
      options,
    );
  }

  /** Signs in and makes the account the current one, kept under a name for next time. */
  signIn(request: TokenRequest): Promise<SignInResult> {
    return this.move(async () => {
      const checked = await this.checkToken(request.token, request.accountId);
      if (checked.state === 'choose-account') return checked;
      const named = await this.keep(checked, { allowPlaintext: request.allowPlaintextStorage === true, makeDefault: true });
      // A sign-in saved by an earlier version is replaced by this one.
      await this.deps.vault.clear();
      await this.begin({
        account: checked.account,
        user: checked.user,
        client: checked.client,
        scope: { apiUrl: named.apiUrl, accountId: named.accountId },
        demo: null,
        source: { kind: 'named', name: named.name },
        vaultBackend: named.tokenStore,
      });
      return { state: 'signed-in', session: this.current() };
    });
  }

  /**
   * Makes another account the current one: a named one (which becomes the default, for the
   * command line too), or with null the one in HARVEST_ACCESS_TOKEN. Harvest is asked who the
   * user is there unless that is cached; if it cannot be reached, the current account stays.
   */
  use(name: string | null): Promise<Session> {
    return this.move(async () => {
      const { config, book } = this.deps;
      const active = this.active;
      const isCurrent =
        name === null ? active?.source.kind === 'environment' : active?.source.kind === 'named' && active.source.name === name;
      if (isCurrent) return this.current();
      if (name === null) {
        if (config.envCredentials === null) {
          throw new AppFailure({ kind: 'validation', field: 'name', message: 'No account is given in HARVEST_ACCESS_TOKEN.' });
        }
        await this.open(this.environmentCredentials(config.envCredentials), { kind: 'environment' }, 'environment');
      } else {
        const { credentials, tokenStore } = await this.namedCredentials(name);
        await this.open(credentials, { kind: 'named', name }, tokenStore);
        await book.use(name);
      }
      return this.current();
    });
  }

  /** A named account gone from the list: its token, and its caches unless another name uses them. */
  remove(name: string): Promise<Session> {
    return this.move(async () => {
      const active = this.active;
      if (active?.source.kind === 'named' && active.source.name === name) {
        await this.end(null, { forgetToken: true, wipeCaches: true });
        return this.current();
      }
      const removed = await this.deps.book.remove(name);
      const scope = { apiUrl: removed.apiUrl, accountId: removed.accountId };
      const { accounts } = await this.deps.book.list();
      const stillUsed =
        accounts.some((other) => sameScope({ apiUrl: other.apiUrl, accountId: other.accountId }, scope)) ||
        (active !== null && sameScope(active.scope, scope));
      if (!stillUsed) await this.wipe(scope);
      return this.current();
    });
  }

  /** A new name for an account; the session follows when it is the current one. */
  async rename(name: string, to: string): Promise<NamedAccount> {
    const renamed = await this.deps.book.rename(name, to);
    const active = this.active;
    if (active?.source.kind === 'named' && active.source.name === name) {
      active.source = { kind: 'named', name: renamed.name };
      active.session = { ...active.session, name: renamed.name };
      this.deps.emit('session.changed', this.current());
    }
    return renamed;
  }

  /** The demo: a Harvest simulator inside the app; nothing goes to the vault. */
  async startDemo(): Promise<Session> {
    const { demo } = this.deps;
    const harvest = await demo.start();
    try {
      const client = this.deps.createClient({
        apiUrl: harvest.apiUrl,
        idUrl: harvest.url,
        accessToken: demo.token,
        accountId: demo.accountId,
      });
      const accounts = toAccounts(await client.listAccounts());
      const account = accounts.find((candidate) => candidate.id === demo.accountId) ?? {
        id: demo.accountId,
        name: 'Demo',
      };
      const user = toCurrentUser(await client.getMe());
      const scope = { apiUrl: harvest.apiUrl, accountId: demo.accountId };
      await this.begin({ account, user, client, scope, demo: harvest, source: { kind: 'demo' }, vaultBackend: 'memory' });
    } catch (error) {
      await harvest.close();
      throw toAppFailure(error);
    }
    return this.current();
  }

  /**
   * Start-up: the demo, credentials from the environment, the default named account, or a
   * sign-in an earlier version saved in the vault. A sign-in with cached user and account
   * details is trusted at once and checked in the background, so the tray works straight away,
   * even offline; a refused token then signs out.
   */
  async restore(): Promise<void> {
    const { config, vault, book } = this.deps;
    if (config.demo) {
      await this.startDemo();
      return;
    }
    if (config.envCredentials !== null) {
      await this.restoreFrom(this.environmentCredentials(config.envCredentials), { kind: 'environment' }, 'environment');
      return;
    }
    const { defaultAccount } = await book.list();
    if (defaultAccount !== null) {
      let named;
      try {
        named = await this.namedCredentials(defaultAccount);
      } catch (error) {
        this.signedOutReason = `The account "${defaultAccount}" could not be used: ${toAppFailure(error).message}`;
        return;
      }
      await this.restoreFrom(named.credentials, { kind: 'named', name: defaultAccount }, named.tokenStore);
      return;
    }
    let stored: StoredCredentials | null;
    try {
      stored = await vault.load();
    } catch {
      this.signedOutReason =
        'The saved sign-in could not be read on this computer any more. Please sign in again.';
      return;
    }
    if (stored === null) return;
    // A token saved under one protection and read back under another (say keychain, then a
    // Linux session without a keyring) still decrypted, so it is good: signing the user out
    // would cost them their running timer for nothing.
    this.saved = stored;
    await this.restoreFrom(
      { name: null, token: stored.token, accountId: stored.accountId, apiUrl: config.apiUrl, idUrl: config.idUrl },
      { kind: 'saved' },
      stored.backend,
    );
  }

  /** Signs out of the current account: its token and caches are forgotten, other accounts stay. */
  signOut(): Promise<Session> {
    return this.move(async () => {
      await this.end(null, { forgetToken: true, wipeCaches: true });
      return this.current();
    });
  }

  async dispose(): Promise<void> {
    const demo = this.active?.demo;
    this.active = null;
    if (demo) await demo.close();
  }

  private async restoreFrom(credentials: AccountCredentials, source: AccountSource, vaultBackend: VaultBackend): Promise<void> {
    try {
      await this.open(credentials, source, vaultBackend);
    } catch (error) {
      const failure = toAppFailure(error);
      if (failure.kind === 'signed-out') await this.forget(source);
      this.signedOutReason =
        failure.kind === 'signed-out'
          ? refusedReason(failure, source)
          : `Harvest Tray could not check the saved sign-in: ${failure.message}`;
    }
  }

  /**
   * Begins a session on saved credentials: from the cached user and account at once (checked in
   * the background), otherwise after asking Harvest. Throws, leaving the session as it was, when
   * Harvest cannot be asked or refuses.
   */
  private async open(credentials: AccountCredentials, source: AccountSource, vaultBackend: VaultBackend): Promise<void> {
    const { cache } = this.deps;
    const client = this.deps.createClient({
      apiUrl: credentials.apiUrl,
      idUrl: credentials.idUrl,
      accessToken: credentials.token,
      accountId: credentials.accountId,
    });
    const scope = { apiUrl: credentials.apiUrl, accountId: credentials.accountId };
    const cachedUser = cache.read(scope, 'me')?.value;
    const cachedAccount = cache.read(scope, 'account')?.value;
    if (cachedUser && cachedAccount) {
      await this.begin({ account: cachedAccount, user: cachedUser, client, scope, demo: null, source, vaultBackend });
      const account = this.active;
      if (account) void this.verify(account);
      return;
    }
    const user = toCurrentUser(await this.reach(() => client.getMe()));
    const company = toCompanySettings(await this.reach(() => client.getCompany()));
    cache.write(scope, 'company', company);
    const account = { id: credentials.accountId, name: company.name };
    await this.begin({ account, user, client, scope, demo: null, source, vaultBackend });
    if (source.kind === 'saved' && this.active) void this.nameSavedSignIn(this.active);
  }

  /** Confirms a session restored from cache; a refused token ends it through `call`. */
  private async verify(account: ActiveAccount): Promise<void> {
    try {
      const user = toCurrentUser(await this.call(account, (client) => client.getMe()));
      this.deps.cache.write(account.scope, 'me', user);
    } catch {
      // Offline or slow: the cached session stands, and the next request tries again.
      return;
    }
    if (account.source.kind === 'saved') await this.nameSavedSignIn(account);
  }

  /**
   * A sign-in an earlier version saved in the vault becomes a named account, so it is in the
   * switcher and the command line's list; the vault is cleared once it is. Where that cannot be
   * done yet (Harvest unreachable, no store without consent), the next start tries again.
   */
  private async nameSavedSignIn(account: ActiveAccount): Promise<void> {
    const saved = this.saved;
    if (saved === null) return;
    try {
      const identity = await this.call(account, (client) => client.getIdentity());
      const { config } = this.deps;
      const named = await this.deps.book.keep(
        { token: saved.token, userId: identity.user.id, account: account.session.account, apiUrl: config.apiUrl, idUrl: config.idUrl },
        // Consent to an unencrypted token was given for the vault where it had no keyring either.
        { allowPlaintext: saved.backend === 'basic_text', makeDefault: true },
      );
      await this.deps.vault.clear();
      this.saved = null;
      if (this.active !== account) return;
      account.source = { kind: 'named', name: named.name };
      account.session = { ...account.session, name: named.name, vaultBackend: named.tokenStore };
      this.deps.emit('session.changed', this.current());
    } catch {
      // Stays the saved sign-in for now.
    }
  }

  private async begin(details: {
    account: Account;
    user: CurrentUser;
    client: HarvestClient;
    scope: AccountScope;
    demo: DemoHarvest | null;
    source: AccountSource;
    vaultBackend: VaultBackend;
  }): Promise<void> {
    const previous = this.active;
    this.active = {
      source: details.source,
      session: {
        state: 'signed-in',
        account: details.account,
        name: details.source.kind === 'named' ? details.source.name : null,
        server: details.scope.apiUrl,
        user: details.user,
        demo: details.demo !== null,
        vaultBackend: details.vaultBackend,
      },
      client: details.client,
      scope: details.scope,
      demo: details.demo,
    };
    this.signedOutReason = null;
    if (previous?.demo) {
      // The demo keeps nothing once left, as when signing out of it.
      this.ended.add(previous);
      await this.wipe(previous.scope);
      await previous.demo.close();
    }
    if (details.demo === null) {
      this.deps.cache.write(details.scope, 'account', details.account);
      this.deps.cache.write(details.scope, 'me', details.user);
    }
    this.deps.emit('session.changed', this.current());
  }

  private async end(
    reason: string | null,
    options: { forgetToken: boolean; wipeCaches: boolean },
  ): Promise<void> {
    const ended = this.active;
    this.active = null;
    this.signedOutReason = reason;
    if (ended) {
      this.ended.add(ended);
      if (options.forgetToken) await this.forget(ended.source);
      // A refused token keeps the caches: signing in again to the same account (the usual
      // next step) then opens with the projects and entries already on screen.
      if (options.wipeCaches || ended.demo) await this.wipe(ended.scope);
      if (ended.demo) await ended.demo.close();
    }
    this.deps.emit('session.changed', this.current());
  }

  /** What signing out of an account forgets: its name and token, or the vault's saved sign-in. */
  private async forget(source: AccountSource): Promise<void> {
    if (source.kind === 'named') {
      // Already gone (removed from the command line meanwhile): nothing left to forget.
      await this.deps.book.remove(source.name).catch(() => undefined);
    } else if (source.kind === 'saved') {
      this.saved = null;
      await this.deps.vault.clear();
    }
    // Environment credentials are not ours to forget, and the demo kept nothing.
  }

  private async wipe(scope: AccountScope): Promise<void> {
    this.deps.cache.wipe(scope);
    await this.deps.wipeAccountFiles(scope);
  }

  private environmentCredentials(env: { token: string; accountId: number }): AccountCredentials {
    return { name: null, ...env, apiUrl: this.deps.config.apiUrl, idUrl: this.deps.config.idUrl };
  }

  private async namedCredentials(name: string): Promise<{ credentials: AccountCredentials; tokenStore: VaultBackend }> {
    const credentials = await this.deps.book.credentials(name);
    const { accounts } = await this.deps.book.list();
    const tokenStore = accounts.find((account) => account.name === name)?.tokenStore ?? 'unknown';
    return { credentials, tokenStore };
  }

  private move<T>(work: () => Promise<T>): Promise<T> {
    const next = this.moving.then(work, work);
    this.moving = next.catch(() => undefined);
    return next;
  }

  private clientFor(token: string, accountId?: number): HarvestClient {
    const { config } = this.deps;
    return this.deps.createClient({
      apiUrl: config.apiUrl,
      idUrl: config.idUrl,
      accessToken: token,
      ...(accountId === undefined ? {} : { accountId }),
    });
  }

  /** Any answer from Harvest proves the connection; a lost connection marks the app offline. */
  private async reach<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.deps.sync.reached();
      return result;
    } catch (error) {
      const failure = toAppFailure(error);
      this.deps.sync.failed(failure.kind);
      throw failure;
    }
  }
}

/**
 * Why the session ended on a refused token. A token from the environment cannot be replaced from
 * the popover for good (the environment wins at the next start), so the words say where it is.
 */
function refusedReason(failure: AppFailure, source: AccountSource): string {
  if (source.kind !== 'environment') return failure.message;
  const prefix = `${TOKEN_REFUSED}: `;
  const harvestSays = failure.message.startsWith(prefix) ? failure.message.slice(prefix.length) : failure.message;
  return (
    `Harvest refused the token in HARVEST_ACCESS_TOKEN: ${harvestSays} ` +
    'Set a new one there and restart Harvest Tray, or sign in below for now.'
  );
}

function pickAccount(accounts: Account[], accountId: number | undefined): Account | null {
  if (accountId !== undefined) {
    const chosen = accounts.find((account) => account.id === accountId);
    if (!chosen) {
      throw new AppFailure({
        kind: 'validation',
        field: 'accountId',
        message: 'This token does not reach that Harvest account. Choose one from the list.',
      });
    }
    return chosen;
  }
  if (accounts.length === 0) {
    throw new AppFailure({
      kind: 'forbidden',
      message: 'This token reaches no Harvest account (Forecast accounts cannot track time).',
    });
  }
  return accounts.length === 1 ? (accounts[0] ?? null) : null;
}
