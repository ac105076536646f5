// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/domain';
import { App } from '../App';
import { createFakeHarvestTray, user as me } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const signedOut: Session = { state: 'signed-out', reason: null };
const signedIn = (name: string): Session => ({
  state: 'signed-in',
  account: { id: 2, name },
  name: null,
  server: 'https://api.harvestapp.com/v2',
  user: me,
  demo: false,
  vaultBackend: 'plaintext-file',
});

describe('Sign-in', () => {
  it('a wrong token shows Harvest’s reason in an alert and stays on sign-in', async () => {
    const u = userEvent.setup();
    const fake = createFakeHarvestTray({ session: signedOut });
    fake.refuse('session.signIn', { kind: 'signed-out', message: 'The token is invalid or has been revoked.' });
    renderWithBridge(<App />, fake);
    await u.type(await screen.findByLabelText('Personal access token'), 'nope');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The token is invalid or has been revoked.');
    expect(screen.getByLabelText('Personal access token')).toHaveAttribute('type', 'password');
  });

  it('an empty token is not sent', async () => {
    const u = userEvent.setup();
    const fake = createFakeHarvestTray({ session: signedOut });
    renderWithBridge(<App />, fake);
    await u.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(fake.callsTo('session.signIn')).toHaveLength(0);
  });

  it('a token reaching several accounts asks which, then consent before storing it unencrypted', async () => {
    const u = userEvent.setup();
    const fake = createFakeHarvestTray({ session: signedOut });
    fake.handle('session.signIn', (request) => {
      if (request.accountId === undefined)
        return { state: 'choose-account', accounts: [{ id: 1, name: 'Northwind Labs' }, { id: 2, name: 'Northwind Studio' }] };
      if (!request.allowPlaintextStorage)
        throw { kind: 'consent-required', message: 'No keyring is available to encrypt your token.' };
      return { state: 'signed-in', session: signedIn('Northwind Studio') };
    });
    renderWithBridge(<App />, fake);
    await u.type(await screen.findByLabelText('Personal access token'), 'tok');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    await u.click(await screen.findByRole('button', { name: 'Northwind Studio' }));
    expect(await screen.findByText('No keyring is available to encrypt your token.')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Store it anyway' }));
    expect(fake.callsTo('session.signIn').at(-1)).toEqual({ token: 'tok', accountId: 2, allowPlaintextStorage: true });
    expect(await screen.findByRole('button', { name: 'New entry' })).toBeInTheDocument();
  });

  it('the demo needs no token, and the token link opens Harvest’s page through the host', async () => {
    const u = userEvent.setup();
    const fake = createFakeHarvestTray({ session: signedOut });
    fake.handle('session.startDemo', () => ({ ...(signedIn('Demo') as Extract<Session, { state: 'signed-in' }>), demo: true }));
    renderWithBridge(<App />, fake);
    await u.click(await screen.findByRole('link', { name: 'Get a token from Harvest' }));
    expect(fake.callsTo('app.openExternal')).toEqual([{ url: 'https://id.getharvest.com/developers' }]);
    await u.click(screen.getByRole('button', { name: 'Try the demo' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'New entry' })).toBeInTheDocument());
  });

  it('signing out elsewhere returns to sign-in with the reason', async () => {
    const fake = createFakeHarvestTray();
    renderWithBridge(<App />, fake);
    await screen.findByRole('button', { name: 'New entry' });
    fake.emit('session.changed', { state: 'signed-out', reason: 'Harvest no longer accepts your token. Sign in again.' });
    expect(await screen.findByLabelText('Personal access token')).toBeInTheDocument();
    expect(screen.getByText('Harvest no longer accepts your token. Sign in again.')).toBeInTheDocument();
  });
});
