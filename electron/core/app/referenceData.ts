// The account's reference data, served from the cache while it is fresh (no request at all),
// served from the cache and refreshed in the background once stale, fetched when missing.
import type { CompanySettings, CurrentUser, ProjectChoice } from '../../../shared/domain';
import type { HarvestClient } from '../harvest/HarvestClient';
import type { AccountScope } from './accountScope';
import { toCompanySettings, toCurrentUser, toProjectChoices } from './mapping';
import type { ReferenceCache, ReferenceKind, ReferenceValue } from './referenceCache';

/** Projects, tasks and account settings change rarely; a few hours old is still right. */
export const REFERENCE_FRESH_MS = 4 * 60 * 60 * 1000;

type FetchableKind = Exclude<ReferenceKind, 'account'>;
type Call = <T>(work: (client: HarvestClient) => Promise<T>) => Promise<T>;

const fetchers: { [K in FetchableKind]: (client: HarvestClient) => Promise<ReferenceValue<K>> } = {
  me: async (client) => toCurrentUser(await client.getMe()),
  company: async (client) => toCompanySettings(await client.getCompany()),
  projects: async (client) => toProjectChoices(await client.listMyProjectAssignments()),
};

export class ReferenceData {
  private readonly inFlight = new Map<FetchableKind, Promise<unknown>>();

  constructor(
    private readonly scope: AccountScope,
    private readonly cache: ReferenceCache,
    private readonly call: Call,
    private readonly now: () => Date,
  ) {}

  me(): Promise<CurrentUser> {
    return this.get('me', false);
  }

  company(): Promise<CompanySettings> {
    return this.get('company', false);
  }

  /**
   * What is cached of a kind, however old, without asking Harvest: for a change kept offline,
   * where a request would only wait out the client's retries to fail.
   */
  cached<K extends FetchableKind>(kind: K): ReferenceValue<K> | null {
    return this.cache.read(this.scope, kind)?.value ?? null;
  }

  projects(options: { refresh?: boolean | undefined } = {}): Promise<ProjectChoice[]> {
    return this.get('projects', options.refresh === true);
  }

  private async get<K extends FetchableKind>(kind: K, refresh: boolean): Promise<ReferenceValue<K>> {
    const cached = refresh ? null : this.cache.read(this.scope, kind);
    if (cached === null) return this.fetch(kind);
    if (this.now().getTime() - cached.fetchedAt > REFERENCE_FRESH_MS) {
      // Stale but usable: answer now, and let the next read see the refreshed copy.
      this.fetch(kind).catch(() => undefined);
    }
    return cached.value;
  }

  /** One request per kind at a time: callers asking together share the answer. */
  private fetch<K extends FetchableKind>(kind: K): Promise<ReferenceValue<K>> {
    const running = this.inFlight.get(kind) as Promise<ReferenceValue<K>> | undefined;
    if (running) return running;
    const fetcher = fetchers[kind] as (client: HarvestClient) => Promise<ReferenceValue<K>>;
    const request = this.call(fetcher)
      .then((value) => {
        this.cache.write(this.scope, kind, value);
        return value;
      })
      .finally(() => this.inFlight.delete(kind));
    this.inFlight.set(kind, request);
    return request;
  }
}
