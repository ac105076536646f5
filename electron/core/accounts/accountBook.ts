// Named accounts with their tokens: add (after Harvest has accepted the token), list, remove,
// and the credentials a command runs with. Shared by the command line and, later, the tray.
import { AppFailure } from '../../../shared/errors';
import type { HarvestClient, HarvestClientConfig } from '../harvest/HarvestClient';
import { toAppFailure } from '../app/failures';
import { AccountRegistry, accountNameSchema, tokenKey, type NamedAccount, type RegistryContents } from './accountRegistry';
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
  registry: AccountRegistry;
  /** Asked only when a token is stored or read from the keyring. */
  keyring: () => Promise<KeyringProbe>;
  plaintext: SecretStore;
  createClient: (config: HarvestClientConfig) => HarvestClient;
  now: () => Date;
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
  constructor(private readonly deps: AccountBookDeps) {}

  list(): Promise<RegistryContents> {
    return this.deps.registry.read();
  }

  /**
   * Where a token would be kept now: the keyring, or (only with consent) a plaintext file. Asked
   * before the token is even read, so a machine without a keyring says so up front.
   */
  async storeForNewToken(allowPlaintext: boolean): Promise<SecretStore> {
    const keyring = await this.deps.keyring();
    if (keyring.store !== null) return keyring.store;
    if (allowPlaintext) return this.deps.plaintext;
    throw new AppFailure({
      kind: 'consent-required',
      message:
        `Not saved: ${keyring.problem}, so the token would be kept unencrypted in ` +
        `${this.deps.plaintext.description} (readable only by you). Add --allow-plaintext to agree to that.`,
    });
  }

  /** Checks the token with Harvest (it must reach the account), then stores it and the name. */
  async add(request: AddAccountRequest): Promise<NamedAccount> {
    const name = accountNameSchema.safeParse(request.name);
    if (!name.success) {
      throw new AppFailure({ kind: 'validation', field: 'name', message: `Account name: ${name.error.issues[0]?.message ?? 'not valid'}.` });
    }
    const store = await this.storeForNewToken(request.allowPlaintext);
    const client = this.deps.createClient({
      apiUrl: request.apiUrl,
      idUrl: request.idUrl,
      accessToken: request.token,
      accountId: request.accountId,
    });
    const { identity, account } = await checkWithHarvest(client, request.accountId);

    const added: NamedAccount = {
      name: name.data,
      accountId: account.id,
      accountName: account.name,
      apiUrl: request.apiUrl,
      idUrl: request.idUrl,
      userId: identity,
      tokenStore: store.kind,
      addedAt: this.deps.now().toISOString(),
    };
    await store.write(tokenKey(added), request.token);
    const contents = await this.deps.registry.read();
    const others = contents.accounts.filter((known) => known.name !== added.name);
    const replaced = contents.accounts.find((known) => known.name === added.name);
    const defaultAccount = request.makeDefault || contents.defaultAccount === null ? added.name : contents.defaultAccount;
    await this.deps.registry.write({ accounts: [...others, added], defaultAccount });
    // A name that pointed at another person's token leaves that token behind only if unused.
    if (replaced !== undefined) await this.forgetTokenIfUnused(replaced, [...others, added]);
    return added;
  }

  async remove(name: string): Promise<NamedAccount> {
    const contents = await this.deps.registry.read();
    const removed = contents.accounts.find((account) => account.name === name);
    if (removed === undefined) throw noSuchAccount(name, contents);
    const remaining = contents.accounts.filter((account) => account.name !== name);
    const defaultAccount = contents.defaultAccount === name ? (remaining[0]?.name ?? null) : contents.defaultAccount;
    await this.deps.registry.write({ accounts: remaining, defaultAccount });
    await this.forgetTokenIfUnused(removed, remaining);
    return removed;
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
    const token = store === null ? null : await store.read(tokenKey(account));
    if (token === null) {
      throw new AppFailure({
        kind: 'signed-out',
        message: `The token of account "${account.name}" is no longer in ${store?.description ?? 'the keyring'}: add the account again.`,
      });
    }
    return { name: account.name, token, accountId: account.accountId, apiUrl: account.apiUrl, idUrl: account.idUrl };
  }

  private async storeOf(kind: SecretStoreKind): Promise<SecretStore | null> {
    if (kind === 'plaintext-file') return this.deps.plaintext;
    return (await this.deps.keyring()).store;
  }

  private async forgetTokenIfUnused(account: NamedAccount, remaining: NamedAccount[]): Promise<void> {
    const key = tokenKey(account);
    if (remaining.some((other) => tokenKey(other) === key && other.tokenStore === account.tokenStore)) return;
    const store = await this.storeOf(account.tokenStore);
    await store?.remove(key);
  }
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

function noSuchAccount(name: string, contents: RegistryContents): AppFailure {
  const known = contents.accounts.map((account) => account.name);
  return new AppFailure({
    kind: 'validation',
    field: 'account',
    message: `No account named "${name}". ${known.length === 0 ? 'None has been added yet.' : `Known: ${known.join(', ')}.`}`,
  });
}
