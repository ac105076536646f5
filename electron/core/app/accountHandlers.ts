// The popover's named accounts: the list for the switcher and the settings, adding one with the
// sign-in's steps, switching, renaming and removing. The list is the command line's too
// (core/accounts/), read again at every ask, so an account added there shows here.
import type { AccountEntry, AccountList } from '../../../shared/accounts';
import type { Handlers } from '../../../shared/contract';
import { AppFailure } from '../../../shared/errors';
import type { AccountBook } from '../accounts/accountBook';
import type { NamedAccount } from '../accounts/accountRegistry';
import type { AppConfig } from '../ports';
import { sameScope } from './accountScope';
import type { ReferenceCache } from './referenceCache';
import type { SessionService } from './session';

type AccountChannels = 'accounts.list' | 'accounts.add' | 'accounts.use' | 'accounts.rename' | 'accounts.remove';

export interface AccountHandlerDeps {
  session: SessionService;
  book: AccountBook;
  config: AppConfig;
  cache: ReferenceCache;
}

export function createAccountHandlers(deps: AccountHandlerDeps): Pick<Handlers, AccountChannels> {
  const { session, book, config, cache } = deps;

  async function list(): Promise<AccountList> {
    const { accounts, problems } = await book.list();
    const active = session.activeAccount();
    const named = accounts.map(
      (account): AccountEntry => ({
        name: account.name,
        accountId: account.accountId,
        accountName: account.accountName,
        server: account.apiUrl,
        current: active?.source.kind === 'named' && active.source.name === account.name,
      }),
    );
    const env = config.envCredentials;
    if (env === null) return { accounts: named, problems };
    // The account in HARVEST_ACCESS_TOKEN has no name of ours; it is listed by Harvest's.
    const scope = { apiUrl: config.apiUrl, accountId: env.accountId };
    const current = active?.source.kind === 'environment';
    const accountName =
      (current ? active?.session.account.name : cache.read(scope, 'account')?.value.name) ?? `Harvest account ${env.accountId}`;
    const fromEnvironment: AccountEntry = { name: null, accountId: env.accountId, accountName, server: config.apiUrl, current };
    return { accounts: [fromEnvironment, ...named], problems };
  }

  return {
    'accounts.list': list,

    'accounts.add': async (request) => {
      const name = request.name?.trim() === '' ? undefined : request.name?.trim();
      const checked = await session.checkToken(request.token, request.accountId);
      if (checked.state === 'choose-account') return checked;
      const scope = { apiUrl: config.apiUrl, accountId: checked.account.id };
      const { accounts } = await book.list();
      const existing = accounts.find((account) => sameScope({ apiUrl: account.apiUrl, accountId: account.accountId }, scope));
      // One name per account keeps the switcher's list a list of accounts; a new token for one
      // already there replaces its token under the name it has.
      if (existing !== undefined && name !== undefined && name !== existing.name) {
        throw new AppFailure({
          kind: 'validation',
          field: 'name',
          message: `${checked.account.name} is already added, as "${existing.name}". Rename it there instead.`,
        });
      }
      const added = await session.keep(checked, {
        name,
        allowPlaintext: request.allowPlaintextStorage === true,
        makeDefault: false,
      });
      return { state: 'added', account: entryOf(added, (await list()).accounts) };
    },

    'accounts.use': ({ name }) => session.use(name),

    'accounts.rename': async ({ name, to }) => {
      await session.rename(name, to.trim());
      return list();
    },

    'accounts.remove': async ({ name }) => {
      await session.remove(name);
      return list();
    },
  };
}

function entryOf(account: NamedAccount, listed: AccountEntry[]): AccountEntry {
  return (
    listed.find((entry) => entry.name === account.name) ?? {
      name: account.name,
      accountId: account.accountId,
      accountName: account.accountName,
      server: account.apiUrl,
      current: false,
    }
  );
}
