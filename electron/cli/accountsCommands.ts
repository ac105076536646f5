// `accounts list | add | remove`: the named accounts as the command line shows and changes them.
import type { NamedAccount } from '../core/accounts/accountRegistry';
import type { SecretStoreKind } from '../core/accounts/secretStore';
import type { CliContext } from './accountSession';
import { toJsonText } from './output/jsonText';
import { formatTable } from './output/table';
import { readToken, type TokenInput } from './readToken';

export interface AccountsOutput {
  json: boolean;
  out(text: string): Promise<void>;
  warn(text: string): Promise<void>;
}

/** Where a token is kept, in the table's words. */
const TOKEN_PLACES: Record<SecretStoreKind, string> = {
  keyring: 'system keyring',
  'plaintext-file': 'plaintext file',
  // Added in the tray where no keyring answered: encrypted with a key only the app can use.
  'safe-storage': 'tray app only',
  memory: 'memory',
};

/** A named account in --json: snake_case like the rest of the output, and never its token. */
function accountJson(account: NamedAccount, defaultAccount: string | null) {
  return {
    name: account.name,
    account_id: account.accountId,
    account_name: account.accountName,
    api_url: account.apiUrl,
    id_url: account.idUrl,
    token_store: account.tokenStore,
    default: account.name === defaultAccount,
  };
}

export async function listAccounts(context: CliContext, output: AccountsOutput): Promise<void> {
  const { accounts, defaultAccount, problems } = await context.book.list();
  if (output.json) return output.out(toJsonText(accounts.map((account) => accountJson(account, defaultAccount))));
  for (const problem of problems) await output.warn(`harvest-tray: warning: ${problem}\n`);
  if (accounts.length === 0) {
    return output.out('No named accounts. Add one with `harvest-tray accounts add NAME --account-id N` (the token on standard input).\n');
  }
  const table = formatTable(
    [
      { heading: '', value: (account: NamedAccount) => (account.name === defaultAccount ? '*' : '') },
      { heading: 'NAME', value: (account) => account.name },
      { heading: 'ACCOUNT', value: (account) => `${account.accountName} (${account.accountId})` },
      { heading: 'SERVER', value: (account) => account.apiUrl },
      { heading: 'TOKEN IN', value: (account) => TOKEN_PLACES[account.tokenStore] },
    ],
    accounts,
  );
  await output.out(`${table}\n`);
}

export async function addAccount(
  context: CliContext,
  request: { name: string; accountId: number; allowPlaintext: boolean; makeDefault: boolean },
  stdin: TokenInput,
  output: AccountsOutput,
): Promise<void> {
  // A machine without a keyring says so before the token is even asked for.
  await context.book.storeForNewToken(request.allowPlaintext);
  const token = await readToken(stdin, (text) => void output.warn(text));
  const added = await context.book.add({ ...request, token, apiUrl: context.config.apiUrl, idUrl: context.config.idUrl });
  const { defaultAccount } = await context.book.list();
  if (output.json) return output.out(toJsonText(accountJson(added, defaultAccount)));
  const where = added.tokenStore === 'keyring' ? 'the system keyring' : 'a plaintext file only you can read';
  await output.out(
    `Added "${added.name}": ${added.accountName} (${added.accountId}) at ${added.apiUrl}; token kept in ${where}.` +
      `${defaultAccount === added.name ? ' It is the default account.' : ''}\n`,
  );
}

export async function removeAccount(context: CliContext, name: string, output: AccountsOutput): Promise<void> {
  const removed = await context.book.remove(name);
  if (output.json) return output.out(toJsonText({ name: removed.name, removed: true }));
  await output.out(`Removed "${removed.name}".\n`);
}
