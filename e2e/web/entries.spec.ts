// Writing entries by hand in a duration account (Northwind Studio: h:mm display, 12h clock).
import { SIMULATOR_ACCOUNTS } from '../../electron/simulator';
import { toLocalDate } from '../../shared/localDate';
import { expect, snap, test } from './fixtures';
import { choose, dayTotal, entriesAtHarvest, entryItems, hoursIn, waitForEntries } from './popover';

const today = () => toLocalDate(new Date());
const STUDIO = SIMULATOR_ACCOUNTS.duration;

test.describe('entries', () => {
  test('saves an entry with hours typed as h:mm', async ({ page, sim }) => {
    await waitForEntries(page);
    const totalBefore = hoursIn(await dayTotal(page).innerText())[0] ?? 0;
    await page.getByRole('button', { name: 'New entry', exact: true }).click();
    await choose(page, 'Project');
    await choose(page, 'Task');
    await page.getByLabel('Notes', { exact: true }).fill('Logged by hours');
    await page.getByLabel('Hours', { exact: true }).fill('1:30');
    await snap(page, 'new-entry-hours');
    await page.getByRole('button', { name: 'Save entry', exact: true }).click();

    const saved = entryItems(page).filter({ hasText: 'Logged by hours' });
    await expect(saved).toHaveCount(1);
    await expect(saved).toContainText('1:30');
    await expect(saved.getByRole('button', { name: 'Stop timer', exact: true })).toHaveCount(0);
    await expect
      .poll(async () => (hoursIn(await dayTotal(page).innerText())[0] ?? 0) - totalBefore)
      .toBeGreaterThanOrEqual(1.5 - 0.02);
    // The row and the total show the entry at once; Harvest has it when the write's answer comes.
    await expect
      .poll(async () =>
        (await entriesAtHarvest(sim.apiUrl, STUDIO, today())).filter((entry) => entry.notes === 'Logged by hours').map((entry) => entry.hours),
      )
      .toEqual([1.5]);
    await snap(page, 'entry-saved');
  });

  test('edits an entry’s notes and hours', async ({ page, sim }) => {
    await waitForEntries(page);
    const entry = entryItems(page).filter({ hasText: 'Homepage hero variations' });
    await entry.getByRole('button', { name: 'Edit entry', exact: true }).click();
    const notes = page.getByLabel('Notes', { exact: true });
    await expect(notes).toHaveValue(/Homepage hero variations/);
    await notes.fill('Homepage hero, final layout');
    await page.getByLabel('Hours', { exact: true }).fill('2h 15m');
    await snap(page, 'edit-entry');
    await page.getByRole('button', { name: 'Save entry', exact: true }).click();

    const edited = entryItems(page).filter({ hasText: 'Homepage hero, final layout' });
    await expect(edited).toHaveCount(1);
    await expect(edited).toContainText('2:15');
    // The row shows the change at once; Harvest has it when the write's answer comes.
    await expect
      .poll(async () => (await entriesAtHarvest(sim.apiUrl, STUDIO, today())).find((item) => item.notes === 'Homepage hero, final layout')?.hours)
      .toBe(2.25);

    await page.reload();
    await waitForEntries(page);
    await expect(entryItems(page).filter({ hasText: 'Homepage hero, final layout' })).toContainText(
      '2:15',
    );
  });

  test('deletes an entry, and the delete reaches Harvest', async ({ page, sim }) => {
    await waitForEntries(page);
    const entry = entryItems(page).filter({ hasText: 'Daily stand-up' });
    await entry.getByRole('button', { name: 'Delete entry', exact: true }).click();
    // Either a confirmation or an undo window; both are fine, neither may lose the delete.
    const confirm = page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Delete|Delete entry|Yes)/ });
    if (await confirm.isVisible()) await confirm.click();
    await expect(entry).toHaveCount(0);
    await snap(page, 'entry-deleted');
    await expect
      .poll(
        async () =>
          (await entriesAtHarvest(sim.apiUrl, STUDIO, today())).some(
            (item) => item.notes === 'Daily stand-up',
          ),
        {
          timeout: 15_000,
        },
      )
      .toBe(false);
    await page.reload();
    await waitForEntries(page);
    await expect(entryItems(page).filter({ hasText: 'Daily stand-up' })).toHaveCount(0);
  });

  test('a delete can be taken back before it is sent', async ({ page, sim }) => {
    await waitForEntries(page);
    const entry = entryItems(page).filter({ hasText: 'Daily stand-up' });
    await entry.getByRole('button', { name: 'Delete entry', exact: true }).click();
    const undo = page.getByRole('button', { name: /^Undo/ });
    const cancel = page.getByRole('dialog').getByRole('button', { name: /^(Cancel|Keep|No)/ });
    await expect(undo.or(cancel)).toBeVisible();
    await undo.or(cancel).click();
    await expect(entry).toHaveCount(1);
    // Past any undo window: Harvest still has it.
    await page.waitForTimeout(6_000);
    const atHarvest = await entriesAtHarvest(sim.apiUrl, STUDIO, today());
    expect(atHarvest.some((item) => item.notes === 'Daily stand-up')).toBe(true);
    await expect(entry).toHaveCount(1);
  });

  test('a locked entry shows why and offers nothing that would change it', async ({ page }) => {
    await waitForEntries(page);
    for (let day = 0; day < 3; day += 1) {
      await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    }
    const locked = entryItems(page).filter({ hasText: 'Appointment booking form validation' });
    await expect(locked).toHaveCount(1);
    await expect(locked).toContainText('Item Approved and Locked for this Time Period');
    for (const name of ['Stop timer', 'Restart timer', 'Edit entry', 'Delete entry']) {
      await expect(locked.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    // The unlocked entry beside it still offers them, so their absence above means something.
    const unlocked = entryItems(page).filter({ hasText: 'Updated timeline and sent status email' });
    await expect(unlocked.getByRole('button', { name: 'Edit entry', exact: true })).toBeVisible();
    await snap(page, 'locked-entry');
  });

  for (const [typed, reason] of [
    ['abc', /.+/],
    ['-1', /negative|below|less than|at least/i],
    ['25', /24/],
  ] as const) {
    test(`hours typed as "${typed}" are refused in place and nothing is sent`, async ({
      page,
      sim,
    }) => {
      await waitForEntries(page);
      await page.getByRole('button', { name: 'New entry', exact: true }).click();
      await choose(page, 'Project');
      await choose(page, 'Task');
      await page.getByLabel('Notes', { exact: true }).fill(`Typed ${typed}`);
      const hours = page.getByLabel('Hours', { exact: true });
      await hours.fill(typed);
      const requestsBefore = sim.knobs.requestCount();
      await page.getByRole('button', { name: /^(Save entry|Start timer)$/ }).click();

      await expect(hours).toBeVisible();
      await expect(hours).toHaveAttribute('aria-invalid', 'true');
      await expect(hours).toHaveAccessibleDescription(reason);
      await snap(page, `hours-invalid-${typed}`);
      await page.waitForTimeout(500);
      expect(sim.knobs.requestCount()).toBe(requestsBefore);
      const atHarvest = await entriesAtHarvest(sim.apiUrl, STUDIO, today());
      expect(atHarvest.some((item) => item.notes === `Typed ${typed}`)).toBe(false);
    });
  }
});
