// Caches belong to one Harvest account on one Harvest server. Two servers (Harvest itself, a
// simulator, a staging copy) number their accounts on their own, so the same account id on
// another server is another account: nothing cached for one may show for the other.
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from '../../simulator';
import { startHarness, type Harness } from './testing/coreHarness';
import { querySnapshot } from './testing/querySnapshot';

const open: Harness[] = [];
const sims: Simulator[] = [];
afterEach(async () => {
  for (const harness of open.splice(0).reverse()) await harness.close();
  for (const sim of sims.splice(0)) await sim.close();
});

describe('caches kept per Harvest server and account', () => {
  it('pointing the app at another server with the same account id shows nothing cached from the first', async () => {
    // HARVEST_API_URL names the server; the same token and account id on both.
    const first = await startHarness({
      config: { envCredentials: { token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.duration } },
    });
    open.push(first);
    await first.core.refresh();
    await first.call('choices.projects');
    await first.call('account.company');
    await first.call('queryCache.save', { snapshot: querySnapshot('the first server') });

    const other = await startSimulator();
    sims.push(other);
    const second = await first.restart({ sim: other });
    open.push(second);
    await second.core.refresh();
    // The popover's entries from the first server must not open on the second.
    expect(await second.call('queryCache.load')).toBeNull();
    // Nor its projects: the second server is asked for its own.
    const before = other.knobs.requestCount();
    await second.call('choices.projects');
    expect(other.knobs.requestCount()).toBeGreaterThan(before);

    // Back on the first server, what it cached is still there.
    const back = await first.restart();
    open.push(back);
    expect(await back.call('queryCache.load')).toBe(querySnapshot('the first server'));
  });
});
