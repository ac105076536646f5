// A change kept while Harvest is away outlives the web host being killed outright (SIGKILL: no
// handler runs, nothing is closed): started again on the same data folder, the host reads the
// queue and sends it, and Harvest ends up with exactly one entry, not none and not two.
//
// Harvest is the simulator in this process, so it outlives the host as Harvest would. It goes
// away as a server or a network does: the host reaches it through a forwarder (./harvestLink)
// that stops listening, so the host's requests are refused and it knows they never left, while
// the simulator keeps its data. (The simulator's offline knob instead drops each connection after
// the request was sent: a save made then may have reached Harvest, is rightly 'being checked',
// and is a different story from 'waiting'.)
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMULATOR_ACCOUNTS, startSimulator, type Simulator } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { snap } from './fixtures';
import { linkTo, type HarvestLink } from './harvestLink';
import { hostEnv, queueFilesIn, startHostProcess, type HostProcess } from './hostProcess';
import { choose, dayTotal, entriesAtHarvest, entryItems, waitForEntries } from './popover';

const NOTES = 'Estimate for the spring campaign, kept through a kill';
const WAITING = 'Offline — 1 change waiting to be sent.';
/** The product's promise: within 30 s of the host starting again, Harvest has it. */
const SENT_WITHIN_MS = 30_000;

const status = (page: Page): Locator => page.getByRole('status').first();
const savedRow = (page: Page): Locator => entryItems(page).filter({ hasText: NOTES });

let sim: Simulator;
let harvest: HarvestLink;
let dataDir: string;
const hosts: HostProcess[] = [];

// Playwright reads a hook's fixtures from its first parameter's pattern: none here.
// eslint-disable-next-line no-empty-pattern
test.beforeEach(async ({}, testInfo) => {
  // Two starts of a host compiled by tsx on a loaded machine, and up to 30 s of sending.
  test.setTimeout(180_000);
  sim = await startSimulator();
  harvest = await linkTo(sim);
  dataDir = await mkdtemp(join(tmpdir(), `harvest-tray-killed-${testInfo.workerIndex}-`));
});

test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
  await harvest.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

async function startHost(page: Page): Promise<HostProcess> {
  const host = await startHostProcess(hostEnv(harvest, dataDir));
  hosts.push(host);
  await page.goto(host.url);
  return host;
}

async function entriesWithNotes(): Promise<number> {
  const today = await entriesAtHarvest(sim.apiUrl, SIMULATOR_ACCOUNTS.duration, toLocalDate(new Date()));
  return today.filter((entry) => entry.notes === NOTES).length;
}

/**
 * Project and task chosen while Harvest answers, then Harvest goes away and the entry is saved
 * with hours: it is kept, said to wait, marked on its row, and on disk before the host is killed.
 */
async function saveWhileHarvestIsAway(page: Page, host: HostProcess): Promise<void> {
  await waitForEntries(page);
  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await choose(page, 'Project');
  await choose(page, 'Task');
  await page.getByLabel('Notes', { exact: true }).fill(NOTES);
  await harvest.cut();
  await page.getByLabel('Hours', { exact: true }).fill('1.5');
  await page.getByRole('button', { name: 'Save entry', exact: true }).click();

  await expect(status(page), host.output()).toHaveText(WAITING, { timeout: 15_000 });
  await expect(savedRow(page)).toContainText('Not in Harvest yet');
  // The user was told it is kept only once it was flushed: it is in the file now.
  const files = await queueFilesIn(dataDir);
  expect(files).toHaveLength(1);
  expect(files[0]?.text).toContain(NOTES);
}

test('an entry saved offline survives the host being killed and reaches Harvest once when it starts again', async ({
  page,
}) => {
  const first = await startHost(page);
  await saveWhileHarvestIsAway(page, first);

  expect(await first.kill()).toBe('SIGKILL');
  await harvest.restore();
  const restarted = Date.now();
  const second = await startHost(page);

  await expect(status(page), second.output()).toHaveText('', { timeout: SENT_WITHIN_MS - (Date.now() - restarted) });
  await expect.poll(entriesWithNotes, { timeout: SENT_WITHIN_MS - (Date.now() - restarted) }).toBe(1);
  await expect(savedRow(page)).toHaveCount(1);
  await expect(savedRow(page)).not.toContainText('Not in Harvest yet');
  // Nothing left to send: a third start would send nothing again.
  expect((await queueFilesIn(dataDir)).every((file) => !file.text.includes(NOTES))).toBe(true);
});

test('killed while the entry is on its way, after Harvest saved it and before its answer came, it still ends as one entry', async ({
  page,
}) => {
  const first = await startHost(page);
  await saveWhileHarvestIsAway(page, first);

  // Harvest comes back while this host runs; the create it sends is carried out, its answer held.
  const createArrived = harvest.holdReplyTo(/^POST \/v2\/time_entries /m);
  await harvest.restore();
  await createArrived;
  await expect.poll(entriesWithNotes).toBe(1);
  // The host cannot know: the change is still on disk, marked as sent once, when the kill lands.
  const [kept] = await queueFilesIn(dataDir);
  expect(kept?.text).toContain(NOTES);
  expect(kept?.text).toMatch(/"attempts":\s*[1-9]/);
  expect(await first.kill()).toBe('SIGKILL');

  const restarted = Date.now();
  const second = await startHost(page);
  // Done means the change has left the queue on disk: an empty status alone could be the page
  // before its first sync state, while the change is still being checked.
  await expect
    .poll(async () => (await queueFilesIn(dataDir)).some((file) => file.text.includes(NOTES)), {
      timeout: SENT_WITHIN_MS - (Date.now() - restarted),
    })
    .toBe(false);
  await expect(status(page), second.output()).toHaveText('');
  expect(await entriesWithNotes()).toBe(1);
  await expect(savedRow(page)).toHaveCount(1);
  await expect(savedRow(page)).not.toContainText('Not in Harvest yet');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`started again while Harvest is still away, the day is as last shown with the kept entry waiting (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const first = await startHost(page);
    await saveWhileHarvestIsAway(page, first);
    const rows = await entryItems(page).count();
    const total = await dayTotal(page).textContent();
    await first.kill();

    // Read back from the data folder alone: the host that kept it is gone, Harvest still away.
    const second = await startHost(page);
    await expect(status(page), second.output()).toHaveText(WAITING, { timeout: 15_000 });
    await expect(savedRow(page)).toContainText('Not in Harvest yet');
    await expect(entryItems(page)).toHaveCount(rows);
    await expect(dayTotal(page)).toHaveText(total ?? '');
    await snap(page, 'queue-waiting-after-kill');

    await harvest.restore();
    await expect(status(page)).toHaveText('', { timeout: SENT_WITHIN_MS });
    await expect.poll(entriesWithNotes).toBe(1);
  });
}
