// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../App';
import { createFakeHarvestTray, makeChange } from '../../testing/fakeHarvestTray';
import { renderWithBridge } from '../../testing/render';

async function openSettings(fake: ReturnType<typeof createFakeHarvestTray>) {
  const user = userEvent.setup();
  renderWithBridge(<App />, fake);
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  return user;
}

describe('signing out with changes not yet in Harvest', () => {
  it('asks first, saying how many wait and that they stay on this computer; the first answer stays signed in', async () => {
    const fake = createFakeHarvestTray({
      sync: { online: false, pending: 2, refused: 0, lastSyncedAt: null },
      queue: [makeChange({ id: 'a' }), makeChange({ id: 'b', kind: 'edit' })],
    });
    const user = await openSettings(fake);
    const signOut = await screen.findByRole('button', { name: 'Sign out of Analytical Engines' });
    await user.click(signOut);

    const question = screen.getByRole('group', { name: /Sign out with 2 changes not in Harvest\?/ });
    expect(question).toHaveTextContent(
      'They stay on this computer and are sent to Harvest when you sign in to this account again.',
    );
    const keep = within(question).getByRole('button', { name: 'Stay signed in' });
    expect(keep).toHaveFocus();
    await user.click(keep);
    expect(fake.callsTo('session.signOut')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Sign out of Analytical Engines' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Sign out of Analytical Engines' }));
    await user.click(screen.getByRole('button', { name: 'Sign out, keeping 2 changes' }));
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
    expect(fake.callsTo('session.signOut')).toHaveLength(1);
  });

  it('asks the queue itself, so a change kept a moment ago counts', async () => {
    const fake = createFakeHarvestTray();
    const user = await openSettings(fake);
    // Kept after the popover last heard the sync state: no event has said so yet.
    fake.handle('queue.list', () => [makeChange()]);
    await user.click(await screen.findByRole('button', { name: 'Sign out of Analytical Engines' }));
    expect(await screen.findByRole('group', { name: /Sign out with 1 change not in Harvest\?/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out, keeping 1 change' })).toBeInTheDocument();
  });

  it('signs out at once when nothing waits', async () => {
    const fake = createFakeHarvestTray();
    const user = await openSettings(fake);
    await user.click(await screen.findByRole('button', { name: 'Sign out of Analytical Engines' }));
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
  });
});
