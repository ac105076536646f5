// The new-entry form as an impatient new user meets it: wrong hours first, then a long paste of
// notes in several scripts, then the right hours. Every refusal is said inline; a corrected form
// saves, exactly what was typed.
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { entriesAtHarvest, entryItems, openNewEntry, waitForEntries } from './popover';

const STUDIO = SIMULATOR_ACCOUNTS.duration;
const today = () => toLocalDate(new Date());

/** 5,000 characters (as people count them) of emoji, Hebrew, Arabic and Latin text. */
function longNotes(): string {
  const pieces = ['Réunion 😀 ', 'שלום עולם ', 'مرحبا بالعالم ', '👩🏽‍💻 review ', '\n'];
  const characters: string[] = [];
  for (let index = 0; characters.length < 5000; index += 1) characters.push(...(pieces[index % pieces.length] ?? ''));
  return characters.slice(0, 5000).join('');
}

test.describe('entry form input', () => {
  test('after refused hours, long notes in several scripts and corrected hours save intact', async ({ page, sim }) => {
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/entries.create')) creates.push(request.postData() ?? '');
    });
    await waitForEntries(page);
    await openNewEntry(page);
    const hours = page.getByLabel('Hours', { exact: true });
    const save = page.getByRole('button', { name: 'Save entry', exact: true });

    await hours.fill('abc');
    await save.click();
    await expect(hours).toHaveAccessibleDescription(/“abc” is not a time/);
    await hours.fill('-1');
    await save.click();
    await expect(hours).toHaveAccessibleDescription('Hours cannot be negative.');
    expect(creates).toEqual([]);

    const notes = longNotes();
    await page.getByLabel('Notes', { exact: true }).fill(notes);
    await hours.fill('0:15');
    await snap(page, 'form-corrected-hours');
    await save.click();

    await expect(page.getByRole('form', { name: 'New entry' })).toHaveCount(0);
    await expect(entryItems(page).filter({ hasText: 'Réunion 😀 שלום עולם' })).toHaveCount(1);
    expect(creates).toHaveLength(1);
    await expect
      .poll(async () => (await entriesAtHarvest(sim.apiUrl, STUDIO, today())).filter((entry) => entry.notes === notes).length)
      .toBe(1);
    const saved = (await entriesAtHarvest(sim.apiUrl, STUDIO, today())).find((entry) => entry.notes === notes);
    expect(saved?.hours).toBe(0.25);
  });

  test('an emptied date is refused in words, not saved on the day shown', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/(entries\.create|timer\.start)$/.test(request.url())) sent.push(request.url());
    });
    await waitForEntries(page);
    await openNewEntry(page);
    await page.getByLabel('Hours', { exact: true }).fill('1');
    const date = page.getByLabel('Date', { exact: true });
    const shown = await date.inputValue();
    await date.fill('');
    await page.getByRole('button', { name: /^(Save entry|Start timer)$/ }).click();
    await expect(date).toHaveAccessibleDescription('Enter the date of the entry.');
    await expect(page.getByRole('form', { name: 'New entry' })).toBeVisible();
    await snap(page, 'form-date-emptied');
    expect(sent).toEqual([]);

    await date.fill(shown);
    await page.getByRole('button', { name: 'Save entry', exact: true }).click();
    await expect(page.getByRole('form', { name: 'New entry' })).toHaveCount(0);
    expect(sent).toHaveLength(1);
  });
});
