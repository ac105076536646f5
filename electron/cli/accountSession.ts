// The command line as a host of the core: configuration from the environment (CONTRACT.md), the
// account to act in, one Harvest client for it, the desktop app's own settings and caches in the
// data folder, and the account's services composed as every host composes them.
import { readConfig } from '../core/config';
import type { AppConfig, JsonStore } from '../core/ports';
import { createAccountServices } from '../core/app/accountServices';
import { toAppFailure } from '../core/app/failures';
import { ReferenceCache } from '../core/app/referenceCache';
import { AccountBook, type AccountCredentials } from '../core/accounts/accountBook';
import { AccountRegistry } from '../core/accounts/accountRegistry';
import { probeKeyring, realKeyringEntries } from '../core/accounts/keyringStore';
import { plaintextStore } from '../core/accounts/plaintextStore';
import type { KeyringProbe } from '../core/accounts/secretStore';
import { createHarvestClient } from '../core/harvest/createHarvestClient';
import { openAccountQueue } from '../core/queue/accountQueue';
import { taggingCreates } from '../core/queue/createTags';
import { cannotReachNow } from '../core/queue/replayChange';
import { defaultDataDir } from '../web/userDataDir';
import { toLocalDate } from '../../shared/localDate';
import { APP_STORE_NAME } from '../core/storage/jsonFileStore';
import { lastShownEntries, newestShown } from '../core/app/lastShownEntries';
import { QueryCacheFiles } from '../core/app/queryCacheFile';
import { SeenEntriesFile } from '../core/app/seenEntriesFile';
import { answeringWrites } from './answeringWrites';
import { seeingEntries } from './seeingEntries';
import { jsonFileStore } from './jsonFile';
import { KeptChange } from './output/failure';
import type { AccountSession } from './operations/operation';

/** The command line's consent to a plaintext token file is a flag. */
export const CONSENT_HINT = 'Add --allow-plaintext to agree to that.';

export interface CliHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  now: () => Date;
}

export interface CliContext {
  config: AppConfig;
  book: AccountBook;
  /** Opened on first use: commands that read nothing from disk never touch it. */
  store(): JsonStore;
  now: () => Date;
}

export function createCliContext(host: CliHost): CliContext {
  const config = readConfig(host.env, { dataDir: defaultDataDir(host.platform, host.env) });
  let keyring: Promise<KeyringProbe> | null = null;
  const book = new AccountBook({
    registry: new AccountRegistry(config.dataDir),
    keyring: () =>
      (keyring ??= probeKeyring({
        entries: realKeyringEntries,
        platform: host.platform,
        disabled: host.env.HARVEST_TRAY_NO_KEYRING === '1',
      })),
    plaintext: plaintextStore(config.dataDir),
    createClient: createHarvestClient,
    now: host.now,
    consentHint: CONSENT_HINT,
  });
  let store: JsonStore | null = null;
  return {
    config,
    book,
    store: () => (store ??= jsonFileStore({ dataDir: config.dataDir, name: APP_STORE_NAME })),
    now: host.now,
  };
}

/**
 * The credentials a command runs with: the named account when one is asked for; otherwise
 * HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID when set; otherwise the account marked default.
 */
export async function credentialsFor(context: CliContext, accountName: string | null): Promise<AccountCredentials> {
  const { config } = context;
  if (accountName === null && config.envCredentials !== null) {
    return { name: null, ...config.envCredentials, apiUrl: config.apiUrl, idUrl: config.idUrl };
  }
  return context.book.credentials(accountName);
}

export async function openAccountSession(context: CliContext, accountName: string | null): Promise<AccountSession> {
  const credentials = await credentialsFor(context, accountName);
  const { now } = context;
  const { dataDir } = context.config;
  const scope = { apiUrl: credentials.apiUrl, accountId: credentials.accountId };
  const seenFile = new SeenEntriesFile(dataDir, now);
  // Every create carries a reference, as the tray's do: one whose answer is lost is looked up.
  // Every entry seen is remembered, for a later command that Harvest cannot answer.
  const seeing = seeingEntries(
    taggingCreates(
      createHarvestClient({
        apiUrl: credentials.apiUrl,
        idUrl: credentials.idUrl,
        accessToken: credentials.token,
        accountId: credentials.accountId,
      }),
    ),
    seenFile,
    scope,
  );
  const { client } = seeing;
  // Harvest did not answer the last request: a change is kept at once instead of tried again.
  let unreachable = false;
  const services = createAccountServices({
    scope,
    cache: new ReferenceCache(context.store(), now),
    call: async (work) => {
      try {
        const answer = await work(client);
        unreachable = false;
        return answer;
      } catch (error) {
        const failure = toAppFailure(error);
        unreachable = cannotReachNow(failure);
        throw failure;
      }
    },
    now,
    // No popover or tray listens in this process.
    emit: () => undefined,
  });
  // The same queue file as the tray's for this account: what one keeps, any of them sends.
  const answering = answeringWrites(services);
  const trayView = new QueryCacheFiles(dataDir);
  const { queue, writes } = await openAccountQueue({
    dataDir,
    scope,
    services,
    send: answering.send,
    onChange: () => undefined,
    offline: () => unreachable,
    // What this account's commands saw before, and what the tray's popover last showed.
    lastShown: async () => newestShown([...(await seenFile.read(scope)), ...lastShownEntries(await trayView.peek(scope))]),
    now,
  });
  const keptChange = (entryId: number) => {
    const id = queue.realId(entryId);
    const change = queue.list().filter((candidate) => candidate.entryId === id).at(-1);
    if (change === undefined) return null;
    const why = !unreachable ? 'behind' : change.status.state === 'checking' ? 'answer-lost' : 'unreachable';
    return new KeptChange(change.id, id, why);
  };
  return {
    services,
    writes,
    queue,
    async answered(entry) {
      const kept = keptChange(entry.id);
      if (kept !== null) throw kept;
      return answering.answerFor(entry);
    },
    sent(entryId) {
      const kept = keptChange(entryId);
      if (kept !== null) throw kept;
    },
    now,
    today: () => toLocalDate(now()),
    close: async () => {
      await queue.close();
      await seeing.settle();
    },
  };
}
