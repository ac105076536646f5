// The entry form's layout: an error takes the form's full width, never a wrapped column beside
// another field.
import { expect, snap, test } from './fixtures';
import { openNewEntry, waitForEntries } from './popover';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`entry form, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test("an error under Hours takes the form's full width", async ({ page }) => {
      await waitForEntries(page);
      await openNewEntry(page);
      const hours = page.getByLabel('Hours', { exact: true });
      await hours.fill('twelve and a bit');
      await page.getByRole('button', { name: /^(Save entry|Start timer)$/ }).click();
      await expect(hours).toHaveAttribute('aria-invalid', 'true');
      // The click was a submit (not lost to the error appearing): the field in error has the focus.
      await expect(hours).toBeFocused();
      const errorId = await hours.getAttribute('aria-describedby');
      const error = page.locator(`[id="${errorId}"]`);
      await expect(error).toBeVisible();
      const form = await page.getByRole('form', { name: 'New entry' }).boundingBox();
      const box = await error.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan((form?.width ?? 0) * 0.95);
      // And on one or two lines, not three.
      expect(box?.height ?? 0).toBeLessThan(40);
      await snap(page, 'form-error-full-width');
    });

    test('a date that is not one is refused beside the field, and nothing is sent', async ({ page, sim }) => {
      await waitForEntries(page);
      await openNewEntry(page);
      await page.getByLabel('Hours', { exact: true }).fill('1');
      const date = page.getByLabel('Date', { exact: true });
      await date.fill('13/45/2026');
      const before = sim.knobs.requestCount();
      await page.getByRole('button', { name: 'Save entry', exact: true }).click();
      await expect(date).toBeFocused();
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(/is not a date\. Type it like mm\/dd\/yyyy/)).toBeVisible();
      expect(sim.knobs.requestCount()).toBe(before);
    });
  });
}
