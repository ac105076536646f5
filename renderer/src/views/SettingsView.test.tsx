// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

describe('Settings', () => {
  it('switching to decimal changes how hours show; a shortcut that failed says why; sign out returns to sign-in', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ entries: [makeEntry({ spentDate: toLocalDate(new Date()), hours: 1.5 })] });
    fake.handle('shortcuts.status', () => [
      { action: 'togglePopover', accelerator: 'CommandOrControl+Alt+H', registered: true, problem: null },
      { action: 'quickRestart', accelerator: 'CommandOrControl+Alt+R', registered: false, problem: 'Another app already uses this shortcut.' },
    ]);
    renderWithBridge(<App />, fake);
    await waitFor(() => expect(screen.getByLabelText('Day total')).toHaveTextContent('1:30'));

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Another app already uses this shortcut.')).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: 'Decimal (1.50)' }));
    expect(fake.callsTo('settings.update')).toEqual([{ hoursDisplay: 'decimal' }]);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Decimal (1.50)' })).toBeChecked());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByLabelText('Day total')).toHaveTextContent('1.50'));

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
  });
});
