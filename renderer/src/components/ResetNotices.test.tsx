// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { createFakeHarvestTray, makeEntry } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';
import { PopoverErrorBoundary } from './PopoverErrorBoundary';

const RESET =
  'Harvest Tray could not read web-host-store.json and started without it. Your settings are back to their defaults.';

describe('notices of what the app reset', () => {
  it('tells the user once, in an alert, until dismissed', async () => {
    const user = userEvent.setup();
    const fake = createFakeHarvestTray({ notices: [{ id: 'notice-1', message: RESET }] });
    renderWithBridge(<App />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(RESET);
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(fake.callsTo('notices.dismiss')).toEqual([{ id: 'notice-1' }]);
  });

  it('shows a notice the main process adds while the popover is open, signed out too', async () => {
    const fake = createFakeHarvestTray({ session: { state: 'signed-out', reason: null } });
    renderWithBridge(<App />, fake);
    await screen.findByRole('button', { name: 'Sign in' });
    act(() => fake.emit('notices.changed', [{ id: 'notice-2', message: 'Sign in again.' }]));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in again.');
  });
});

describe('a view that breaks', () => {
  it('shows what happened and a way to reload, never a blank popover', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    // What a cache of an older shape did: an entry without its project.
    const broken = { ...makeEntry({ spentDate: toLocalDate(new Date()) }), project: null } as unknown as ReturnType<typeof makeEntry>;
    const fake = createFakeHarvestTray({ entries: [broken] });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithBridge(
      <PopoverErrorBoundary onReload={reload}>
        <App />
      </PopoverErrorBoundary>,
      fake,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/Harvest Tray could not show this view/);
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });
});
