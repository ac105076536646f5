// Named accounts with their tokens: add (after Harvest has accepted the token), list, rename,
// choose the default, remove, and the credentials an account is used with. The command line and
// the tray share it: the tray's current account is the default one here.
import { suggestAccountName } from '../../../shared/accounts';
import { AppFailure } from '../../../shared/errors';
import type { HarvestClient, HarvestClientConfig } from '../harvest/HarvestClient';
import { toAppFailure } from '../app/failures';
import { accountNameSchema, tokenKey, type AccountList, type NamedAccount, type RegistryContents } from './accountRegistry';
import type { KeyringProbe, SecretStore, SecretStoreKind } from './secretStore';

export interface AccountCredentials {
  /** The account's name, or null for HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID. */
  name: string | null;
  token: string;
  accountId: number;
  apiUrl: string;
  idUrl: string;
}

export interface AccountBookDeps {
  registry: AccountList;
  /** Asked only when a token is stored or read from the keyring. */
  keyring: () => Promise<KeyringProbe>;
  /**
   * A store only this host can read, used where no keyring answers: the tray's safeStorage where
   * it encrypts, the web host's memory. Asked before the plaintext file, which needs consent.
   */
  hostStore?: () => Promise<SecretStore | null>;
  plaintext: SecretStore;
  createClient: (config: HarvestClientConfig) => HarvestClient;
  now: () => Date;
  /** How this host's user agrees to a plaintext file: the last words of the refusal. */
  consentHint: string;
}

/** A token Harvest has accepted for an account, with whose it is (the Harvest ID user). */
export interface CheckedSignIn {
  token: string;
  userId: number;
  account: { id: number; name: string };
  apiUrl: string;
  idUrl: string;
}

export interface KeepOptions {
  /** Left out: the name this account already has, or one made from Harvest's name of it. */
  name?: string | undefined;
  /** The user agreed to keep the token unencrypted where there is no keyring. */
  allowPlaintext: boolean;
  makeDefault: boolean;
}

export interface AddAccountRequest {
  name: string;
  accountId: number;
  token: string;
  apiUrl: string;
  idUrl: string;
  /** The user agreed to keep the token unencrypted where there is no keyring. */
  allowPlaintext: boolean;
  makeDefault: boolean;
}

export class AccountBook {
  /** Changes one at a time: each reads the list, changes it and writes it back. */
  private changing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: AccountBookDeps) {}

  list(): Promise<RegistryContents> {
    return this.deps.registry.read();
  }

  /**
   * Where a token would be kept now: the keyring, a store only this host reads, or (only with
   * consent) a plaintext file. Asked before the token is even read, so a machine without a
   * keyring says so up front.
   */
  async storeForNewToken(allowPlaintext: boolean): Promise<SecretStore> {
    const keyring = await this.deps.keyring();
    if (keyring.store !== null) return keyring.store;
    const hostStore = (await this.deps.hostStore?.()) ?? null;
    if (hostStore !== null) return hostStore;
    if (allowPlaintext) return this.deps.plaintext;
    throw new AppFailure({
      kind: 'consent-required',
      message:
        `Not saved: ${keyring.problem}, so the token would be kept unencrypted in ` +
        `${this.deps.plaintext.description} (readable only by you). ${this.deps.consentHint}`,
    });
  }

  /** Checks the token with Harvest (it must reach the account), then stores it and the name. */
  async add(request: AddAccountRequest): Promise<NamedAccount> {
    const name = parseName(request.name);
    await this.storeForNewToken(request.allowPlaintext);
    const client = this.deps.createClient({
      apiUrl: request.apiUrl,
      idUrl: request.idUrl,
      accessToken: request.token,
      accountId: request.accountId,
    });
    const { identity, account } = await checkWithHarvest(client, request.accountId);
    return this.keep(
      { token: request.token, userId: identity, account, apiUrl: request.apiUrl, idUrl: request.idUrl },
      { name, allowPlaintext: request.allowPlaintext, makeDefault: request.makeDefault },
    );
  }

  /** Keeps a token Harvest has already accepted (the tray's sign-in checks it on its own way). */
  async keep(signIn: CheckedSignIn, options: KeepOptions): Promise<NamedAccount> {
    const wanted = options.name === undefined ? undefined : parseName(options.name);
    const store = await this.storeForNewToken(options.allowPlaintext);
    return this.change(async () => {
      const contents = await this.deps.registry.read();
      const sameAccount = contents.accounts.find(
        (known) => known.apiUrl === signIn.apiUrl && known.accountId === signIn.account.id,
      );
      const name =
        wanted ??
        sameAccount?.name ??
        suggestAccountName(
          signIn.account.name,
          contents.accounts.map((known) => known.name),
        );
      const added: NamedAccount = {
        name,
        accountId: signIn.account.id,
        accountName: signIn.account.name,
        apiUrl: signIn.apiUrl,
        idUrl: signIn.idUrl,
        userId: signIn.userId,
        tokenStore: store.kind,
        addedAt: this.deps.now().toISOString(),
      };
      await store.write(tokenKey(added), signIn.token);
      const others = contents.accounts.filter((known) => known.name !== added.name);
      const replaced = contents.accounts.find((known) => known.name === added.name);
      const defaultAccount = options.makeDefault || contents.defaultAccount === null ? added.name : contents.defaultAccount;
      await this.deps.registry.write({ accounts: [...others, added], defaultAccount });
      // A name that pointed at another person's token leaves that token behind only if unused.
      if (replaced !== undefined) await this.forgetTokenIfUnused(replaced, [...others, added]);
      return added;
    });
  }

  /** A new name for an account; the token, the caches and the default stay with it. */
  async rename(name: string, to: string): Promise<NamedAccount> {
    const newName = parseName(to);
    return this.change(async () => {
      const contents = await this.deps.registry.read();
      const account = contents.accounts.find((known) => known.name === name);
      if (account === undefined) throw noSuchAccount(name, contents);
      if (newName !== name && contents.accounts.some((known) => known.name === newName)) {
        throw new AppFailure({ kind: 'validation', field: 'name', message: `There is already an account named "${newName}".` });
      }
      const renamed = { ...account, name: newName };
      await this.deps.registry.write({
        accounts: contents.accounts.map((known) => (known === account ? renamed : known)),
        defaultAccount: contents.defaultAccount === name ? newName : contents.defaultAccount,
      });
      return renamed;
    });
  }

  /** Makes an account the default: the tray's current one, and the command line's without --account. */
  async use(name: string): Promise<NamedAccount> {
    return this.change(async () => {
      const contents = await this.deps.registry.read();
      const account = contents.accounts.find((known) => known.name === name);
      if (account === undefined) throw noSuchAccount(name, contents);
      if (contents.defaultAccount !== name) await this.deps.registry.write({ accounts: contents.accounts, defaultAccount: name });
      return account;
    });
  }

  async remove(name: string): Promise<NamedAccount> {
    return this.change(async () => {
      const contents = await this.deps.registry.read();
      const removed = contents.accounts.find((account) => account.name === name);
      // The name was given as itself (`accounts remove NAME`), not as the account to act as.
      if (removed === undefined) throw noSuchAccount(name, contents, 'name');
      const remaining = contents.accounts.filter((account) => account.name !== name);
      const defaultAccount = contents.defaultAccount === name ? (remaining[0]?.name ?? null) : contents.defaultAccount;
      await this.deps.registry.write({ accounts: remaining, defaultAccount });
      await this.forgetTokenIfUnused(removed, remaining);
      return removed;
    });
  }

  /** The named account's credentials, or the default account's when no name is given. */
  async credentials(name: string | null): Promise<AccountCredentials> {
    const contents = await this.deps.registry.read();
    const wanted = name ?? contents.defaultAccount;
    if (wanted === null) {
      throw new AppFailure({
        kind: 'validation',
        field: 'account',
        message:
          'No Harvest account to use: set HARVEST_ACCESS_TOKEN and HARVEST_ACCOUNT_ID, ' +
          'or add one with `harvest-tray accounts add NAME --account-id N` (the token on standard input).',
      });
    }
    const account = contents.accounts.find((known) => known.name === wanted);
    if (account === undefined) throw noSuchAccount(wanted, contents);
    const store = await this.storeOf(account.tokenStore);
    if (store === null && account.tokenStore === 'safe-storage') {
      throw new AppFailure({
        kind: 'signed-out',
        message:
          `The token of account "${account.name}" was added in the Harvest Tray app, which keeps it encrypted with a key ` +
          `only the app can use. Add it here too: \`harvest-tray accounts add ${account.name} --account-id ${account.accountId}\`.`,
      });
    }
    if (store === null && account.tokenStore === 'keyring') {
      const { problem } = await this.deps.keyring();
      throw new AppFailure({
        kind: 'unexpected',
        message: `The token of account "${account.name}" could not be read: ${problem ?? 'the system keyring did not answer'}. Try again once it is unlocked.`,
      });
    }
    const token = store === null ? null : await store.read(tokenKey(account));
    if (token === null) {
      throw new AppFailure({
        kind: 'signed-out',
        message: `The token of account "${account.name}" is no longer in ${store?.description ?? 'the keyring'}: add the account again.`,
      });
    }
    return { name: account.name, token, accountId: account.accountId, apiUrl: account.apiUrl, idUrl: account.idUrl };
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const next = this.changing.then(work, work);
    this.changing = next.catch(() => undefined);
    return next;
  }

  private async storeOf(kind: SecretStoreKind): Promise<SecretStore | null> {
    if (kind === 'plaintext-file') return this.deps.plaintext;
    if (kind === 'keyring') return (await this.deps.keyring()).store;
    const hostStore = (await this.deps.hostStore?.()) ?? null;
    return hostStore?.kind === kind ? hostStore : null;
  }

  private async forgetTokenIfUnused(account: NamedAccount, remaining: NamedAccount[]): Promise<void> {
    const key = tokenKey(account);
    if (remaining.some((other) => tokenKey(other) === key && other.tokenStore === account.tokenStore)) return;
    const store = await this.storeOf(account.tokenStore);
    await store?.remove(key);
  }
}

function parseName(name: string): string {
  const parsed = accountNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new AppFailure({ kind: 'validation', field: 'name', message: `Account name: ${parsed.error.issues[0]?.message ?? 'not valid'}.` });
  }
  return parsed.data;
}

/** The token must reach that Harvest account (not a Forecast one) and be accepted there. */
async function checkWithHarvest(
  client: HarvestClient,
  accountId: number,
): Promise<{ identity: number; account: { id: number; name: string } }> {
  try {
    const reply = await client.getIdentity();
    const account = reply.accounts.find((candidate) => candidate.id === accountId && candidate.product === 'harvest');
    if (account === undefined) {
      const reachable = reply.accounts.filter((candidate) => candidate.product === 'harvest');
      throw new AppFailure({
        kind: 'rejected',
        message:
          `This token does not reach Harvest account ${accountId}. ` +
          (reachable.length === 0
            ? 'It reaches no Harvest account.'
            : `It reaches: ${reachable.map((candidate) => `${candidate.id} (${candidate.name})`).join(', ')}.`),
      });
    }
    await client.getMe();
    return { identity: reply.user.id, account: { id: account.id, name: account.name } };
  } catch (error) {
    throw toAppFailure(error);
  }
}

/** `field`: 'account' where the name picks the account to act as, 'name' where it is the subject. */
function noSuchAccount(name: string, contents: RegistryContents, field: 'account' | 'name' = 'account'): AppFailure {
  const known = contents.accounts.map((account) => account.name);
  return new AppFailure({
    kind: 'validation',
    field,
    message: `No account named "${name}". ${known.length === 0 ? 'None has been added yet.' : `Known: ${known.join(', ')}.`}`,
  });
}
