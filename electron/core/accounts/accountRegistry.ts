// The named accounts ("work", "personal"...): which Harvest account each name acts in, on which
// Harvest server, whose token it uses and where that token is kept. Not secret, so a plain JSON
// file in the data folder that the command line and the tray can both read. The file is outside
// input: each account is checked on read, one that does not fit is set aside with a message,
// and a file that cannot be read at all is copied aside before it is ever overwritten.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { accountNameSchema } from '../../../shared/accounts';
import { idSchema } from '../../../shared/domain';
import { setAside } from '../storage/setAside';
import { SECRET_STORE_KINDS } from './secretStore';

export const ACCOUNTS_FILE = 'accounts.json';
/** How the set-aside copies are named, for the words the user reads (storage/setAside.ts). */
const KEPT_AS = 'accounts.unreadable-<time>.json';

export { accountNameSchema };

export const namedAccountSchema = z.object({
  name: accountNameSchema,
  /** The Harvest account acted in (Harvest-Account-Id). */
  accountId: idSchema,
  accountName: z.string(),
  /** The Harvest server: HARVEST_API_URL and HARVEST_ID_URL as they were when it was added. */
  apiUrl: z.url(),
  idUrl: z.url(),
  /**
   * Whose token: the Harvest ID user it belongs to. One token reaches every account of that user,
   * so several names (one per Harvest account) share one stored token.
   */
  userId: idSchema,
  tokenStore: z.enum(SECRET_STORE_KINDS),
  addedAt: z.string(),
});
export type NamedAccount = z.infer<typeof namedAccountSchema>;

const fileSchema = z.object({
  version: z.literal(1),
  defaultAccount: z.string().nullable(),
  accounts: z.array(z.unknown()),
});

export interface RegistryContents {
  accounts: NamedAccount[];
  defaultAccount: string | null;
  /** What could not be read, in words, for the user to see. */
  problems: string[];
}

/** The key a token is stored under: the server and the user it belongs to, never the token. */
export function tokenKey(account: Pick<NamedAccount, 'idUrl' | 'userId'>): string {
  return `${account.idUrl} user ${account.userId}`;
}

/** Where the list of named accounts lives: a file beside the data (AccountRegistry), or memory. */
export interface AccountList {
  read(): Promise<RegistryContents & { unreadable: boolean }>;
  write(contents: { accounts: NamedAccount[]; defaultAccount: string | null }): Promise<void>;
}

export class AccountRegistry implements AccountList {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, ACCOUNTS_FILE);
  }

  async read(): Promise<RegistryContents & { unreadable: boolean }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return { accounts: [], defaultAccount: null, problems: [], unreadable: false };
    }
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      return {
        accounts: [],
        defaultAccount: null,
        problems: [`${this.path} could not be read; it is kept beside it as ${KEPT_AS} when an account is saved.`],
        unreadable: true,
      };
    }
    const accounts: NamedAccount[] = [];
    const problems: string[] = [];
    for (const [index, candidate] of parsed.data.accounts.entries()) {
      const account = namedAccountSchema.safeParse(candidate);
      const duplicate = account.success && accounts.some((known) => known.name === account.data.name);
      if (account.success && !duplicate) accounts.push(account.data);
      else problems.push(`Account ${index + 1} in ${this.path} could not be read and was left out (the file is kept beside it as ${KEPT_AS} when an account is saved).`);
    }
    const defaultAccount = accounts.some((account) => account.name === parsed.data.defaultAccount)
      ? parsed.data.defaultAccount
      : null;
    return { accounts, defaultAccount, problems, unreadable: false };
  }

  async write(contents: { accounts: NamedAccount[]; defaultAccount: string | null }): Promise<void> {
    // Whatever could not be read is set aside under a name of its own (a second bad file never
    // replaces the first one kept) before it is overwritten, never silently lost.
    const current = await this.read();
    if (current.unreadable || current.problems.length > 0) {
      await setAside(this.path, new Date(), 'Accounts that could not be read must be added again.');
    }
    await mkdir(dirname(this.path), { recursive: true });
    const file: z.infer<typeof fileSchema> = { version: 1, defaultAccount: contents.defaultAccount, accounts: contents.accounts };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  }
}
