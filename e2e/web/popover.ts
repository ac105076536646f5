// How the end-to-end specs find their way around the popover: only by the accessible names the
// popover gives its regions and controls, so a spec that passes here also works for a screen-reader user.
import { expect, type Locator, type Page } from '@playwright/test';

export const entriesList = (page: Page): Locator =>
  page.getByRole('list', { name: 'Time entries' });
export const entryItems = (page: Page): Locator => entriesList(page).getByRole('listitem');
export const dayTotal = (page: Page): Locator => page.getByLabel('Day total', { exact: true });
export const alert = (page: Page): Locator => page.getByRole('alert');
export const tokenBox = (page: Page): Locator =>
  page.getByRole('textbox', { name: 'Personal access token' });

/** The first entry in the list that offers `button` (e.g. 'Restart timer'). */
export function entryWithButton(page: Page, button: string): Locator {
  return entryItems(page)
    .filter({ has: page.getByRole('button', { name: button, exact: true }) })
    .first();
}

export async function waitForEntries(page: Page): Promise<void> {
  await expect(entriesList(page)).toBeVisible();
  await expect(entryItems(page).first()).toBeVisible();
}

export async function signIn(page: Page, token: string): Promise<void> {
  await tokenBox(page).fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the new-entry form and picks the first project and task on offer. */
export async function openNewEntry(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await choose(page, 'Project');
  await choose(page, 'Task');
}

/** Picks the first option of the combobox (or native select) labelled `label`. */
export async function choose(page: Page, label: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await expect(field).toBeVisible();
  const tag = await field.evaluate((element) => element.tagName.toLowerCase());
  if (tag === 'select') {
    const value = await field.evaluate((element) => {
      const options = [...(element as HTMLSelectElement).options].filter(
        (option) => option.value && !option.disabled,
      );
      return options[0]?.value ?? '';
    });
    await field.selectOption(value);
    return;
  }
  await field.click();
  if ((await field.getAttribute('aria-expanded')) !== 'true') await field.press('ArrowDown');
  await page.getByRole('option').first().click();
}

/** Numbers that look like hours in a text ("1.50", "1:30"), to compare totals. */
export function hoursIn(text: string): number[] {
  return [...text.matchAll(/(\d+):(\d{2})(?![\d:]|\s?[ap]m)|(\d+\.\d{2})/gi)].map((match) =>
    match[3] !== undefined ? Number(match[3]) : Number(match[1]) + Number(match[2]) / 60,
  );
}

type HarvestEntry = {
  id: number;
  notes: string | null;
  hours: number;
  is_running: boolean;
  spent_date: string;
};

/** What Harvest (the simulator) itself holds for a day: the truth a spec checks the UI against. */
export async function entriesAtHarvest(
  apiUrl: string,
  accountId: number,
  date: string,
  token = 'sim-token-multi',
): Promise<HarvestEntry[]> {
  const response = await fetch(`${apiUrl}/time_entries?from=${date}&to=${date}&per_page=2000`, {
    headers: {
      Authorization: `Bearer ${token}`,
      'Harvest-Account-Id': String(accountId),
      'User-Agent': 'Harvest Tray end-to-end tests (https://github.com/harvest-tray/harvest-tray)',
    },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { time_entries: HarvestEntry[] };
  return body.time_entries;
}

export const runningBar = (page: Page): Locator => page.getByRole('region', { name: 'Running timer' });
export const quickStart = (page: Page): Locator =>
  page.getByRole('combobox', { name: 'What are you working on?', exact: true });
export const weekFigure = (page: Page): Locator => page.getByText(/ of \d+[:.]\d{2} this week$/);

/** The text of the entry row holding the focus ('' when the focus is elsewhere). */
export function focusedRowText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.closest('li[data-entry-id]')?.textContent ?? '');
}

/**
 * Adds `count` stopped entries on `date` through the app's own bridge (as the command line would),
 * on the first project and task offered: the core announces the change and the popover reloads.
 */
export async function addEntriesThroughApp(page: Page, date: string, count: number): Promise<void> {
  await page.evaluate(
    async ({ date, count }) => {
      type Reply = { ok: boolean; value?: unknown };
      const bridge = (window as unknown as { harvestTray: Record<string, (request: unknown) => Promise<Reply>> }).harvestTray;
      const choices = (await bridge['choices.projects']!({})).value as { projectId: number; tasks: { taskId: number }[] }[];
      const project = choices[0];
      const task = project?.tasks[0];
      if (!project || !task) throw new Error('No project to log time to.');
      for (let index = 0; index < count; index += 1) {
        const reply = await bridge['entries.create']!({
          projectId: project.projectId,
          taskId: task.taskId,
          spentDate: date,
          hours: 0.5,
          notes: `Extra entry ${index + 1}`,
        });
        if (!reply.ok) throw new Error(`entries.create refused: ${JSON.stringify(reply)}`);
      }
    },
    { date, count },
  );
}
