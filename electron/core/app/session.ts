// Who is signed in to which Harvest account, and with what client. Every call to Harvest made on
// behalf of the signed-in user goes through `call`, so a refused token anywhere ends the session
// the same way, and the sync state hears of every answer and every lost connection.
import type { EventSink } from '../../../shared/contract';
import type { Account, CurrentUser, Session, VaultBackend } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import { TOKEN_REFUSED } from '../harvest/errors';
import type { HarvestClient, HarvestClientConfig } from '../harvest/HarvestClient';
import type { AppConfig, StoredCredentials, TokenVault } from '../ports';
import type { AccountScope } from './accountScope';
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

/** The signed-in state with the pieces only the main process may hold. */
export interface ActiveAccount {
  readonly session: Extract<Session, { state: 'signed-in' }>;
  readonly client: HarvestClient;
  /** The account on its Harvest server: what its caches are kept under. */
  readonly scope: AccountScope;
  /** The demo's in-process Harvest, closed with the session. */
  readonly demo: DemoHarvest | null;
}

export interface SessionDeps {
  config: AppConfig;
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

const CONSENT_MESSAGE =
  'This computer has no keyring to encrypt the token, so it would be stored unencrypted in a file ' +
  'that anyone using this computer account could read. Agree to that to stay signed in.';

export class SessionService {
  private active: ActiveAccount | null = null;
  private signedOutReason: string | null = null;

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
    // A request started for an account that has since signed out must not reach the next one.
    if (this.active !== account) throw signedOutFailure();
    try {
      const result = await this.reach(() => work(account.client));
      return result;
    } catch (error) {
      const failure = toAppFailure(error);
      if (failure.kind === 'signed-out' && this.active === account) {
        await this.end(refusedReason(failure, account.session.vaultBackend), { forgetToken: true, wipeCaches: false });
      }
      throw failure;
    }
  }

  async listAccounts(token: string): Promise<Account[]> {
    const client = this.clientFor(token);
    return toAccounts(await this.reach(() => client.listAccounts()));
  }

  async signIn(request: {
    token: string;
    accountId?: number | undefined;
    allowPlaintextStorage?: boolean | undefined;
  }): Promise<SignInResult> {
    const accounts = await this.listAccounts(request.token);
    const account = pickAccount(accounts, request.accountId);
    if (account === null) return { state: 'choose-account', accounts };

    const client = this.clientFor(request.token, account.id);
    const user = toCurrentUser(await this.reach(() => client.getMe()));

    const { vault } = this.deps;
    const allowPlaintext = request.allowPlaintextStorage === true;
    if (!allowPlaintext && (await vault.needsPlaintextConsent())) {
      throw new AppFailure({ kind: 'consent-required', message: CONSENT_MESSAGE });
    }
    await vault.save({ token: request.token, accountId: account.id }, { allowPlaintext });
    const backend = await vault.backend();
    const scope = { apiUrl: this.deps.config.apiUrl, accountId: account.id };
    await this.begin({ account, user, client, scope, demo: null, vaultBackend: backend });
    return { state: 'signed-in', session: this.current() };
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
      await this.begin({ account, user, client, scope, demo: harvest, vaultBackend: 'memory' });
    } catch (error) {
      await harvest.close();
      throw toAppFailure(error);
    }
    return this.current();
  }

  /**
   * Start-up: the demo, credentials from the environment, or the token saved in the vault.
   * A saved sign-in with cached user and account details is trusted at once and checked in the
   * background, so the tray works straight away, even offline; a refused token then signs out.
   */
  async restore(): Promise<void> {
    const { config, vault } = this.deps;
    if (config.demo) {
      await this.startDemo();
      return;
    }
    if (config.envCredentials !== null) {
      await this.restoreFrom(config.envCredentials, 'environment');
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
    // would cost them their running timer for nothing. The session reports how the token is
    // stored now, which is what the stored backend says; the next save uses the current one.
    await this.restoreFrom(stored, stored.backend);
  }

  async signOut(): Promise<Session> {
    await this.end(null, { forgetToken: true, wipeCaches: true });
    return this.current();
  }

  async dispose(): Promise<void> {
    const demo = this.active?.demo;
    this.active = null;
    if (demo) await demo.close();
  }

  private async restoreFrom(
    credentials: { token: string; accountId: number },
    vaultBackend: VaultBackend,
  ): Promise<void> {
    const { cache } = this.deps;
    const client = this.clientFor(credentials.token, credentials.accountId);
    const scope = { apiUrl: this.deps.config.apiUrl, accountId: credentials.accountId };
    const cachedUser = cache.read(scope, 'me')?.value;
    const cachedAccount = cache.read(scope, 'account')?.value;
    if (cachedUser && cachedAccount) {
      await this.begin({ account: cachedAccount, user: cachedUser, client, scope, demo: null, vaultBackend });
      const account = this.active;
      if (account) void this.verify(account);
      return;
    }
    try {
      const user = toCurrentUser(await this.reach(() => client.getMe()));
      const company = toCompanySettings(await this.reach(() => client.getCompany()));
      cache.write(scope, 'company', company);
      const account = { id: credentials.accountId, name: company.name };
      await this.begin({ account, user, client, scope, demo: null, vaultBackend });
    } catch (error) {
      const failure = toAppFailure(error);
      if (failure.kind === 'signed-out' && vaultBackend !== 'environment') await this.deps.vault.clear();
      this.signedOutReason =
        failure.kind === 'signed-out'
          ? refusedReason(failure, vaultBackend)
          : `Harvest Tray could not check the saved sign-in: ${failure.message}`;
    }
  }

  /** Confirms a session restored from cache; a refused token ends it through `call`. */
  private async verify(account: ActiveAccount): Promise<void> {
    try {
      const user = toCurrentUser(await this.call(account, (client) => client.getMe()));
      this.deps.cache.write(account.scope, 'me', user);
    } catch {
      // Offline or slow: the cached session stands, and the next request tries again.
    }
  }

  private async begin(details: {
    account: Account;
    user: CurrentUser;
    client: HarvestClient;
    scope: AccountScope;
    demo: DemoHarvest | null;
    vaultBackend: VaultBackend;
  }): Promise<void> {
    const previous = this.active;
    this.active = {
      session: {
        state: 'signed-in',
        account: details.account,
        user: details.user,
        demo: details.demo !== null,
        vaultBackend: details.vaultBackend,
      },
      client: details.client,
      scope: details.scope,
      demo: details.demo,
    };
    this.signedOutReason = null;
    if (previous?.demo) await previous.demo.close();
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
    // Environment credentials are not ours to forget; the vault may still hold an older token.
    if (options.forgetToken && ended?.session.vaultBackend !== 'environment') {
      await this.deps.vault.clear();
    }
    if (ended) {
      // A refused token keeps the caches: signing in again to the same account (the usual
      // next step) then opens with the projects and entries already on screen.
      if (options.wipeCaches || ended.demo) {
        this.deps.cache.wipe(ended.scope);
        await this.deps.wipeAccountFiles(ended.scope);
      }
      if (ended.demo) await ended.demo.close();
    }
    this.deps.emit('session.changed', this.current());
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
function refusedReason(failure: AppFailure, backend: VaultBackend): string {
  if (backend !== 'environment') return failure.message;
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
