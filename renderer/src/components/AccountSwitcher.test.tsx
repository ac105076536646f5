// @vitest-environment jsdom
// The switcher in the header and the accounts in settings, against the fake bridge: switching
// by keyboard alone, the other account's entries gone before the new ones show, renaming,
// removing (asked first) and adding with the sign-in's steps.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../../../shared/accounts';
import type { Session } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { App } from '../App';
import { createFakeHarvestTray, makeEntry, user as ada } from '../testing/fakeHarvestTray';
import { renderWithBridge } from '../testing/render';

const SERVER = 'https://api.harvestapp.com/v2';
const today = toLocalDate(new Date());
const work: AccountEntry = { name: 'work', accountId: 100001, accountName: 'Analytical Engines', server: SERVER, current: true };
const personal: AccountEntry = { name: 'personal', accountId: 100002, accountName: 'Difference Engines', server: SERVER, current: false };
const session: Session = {
  state: 'signed-in',
  account: { id: 100001, name: 'Analytical Engines' },
  name: 'work',
  server: SERVER,
  user: ada,
  demo: false,
  vaultBackend: 'keyring',
};

function twoAccounts() {
  const fake = createFakeHarvestTray({
    session,
    accounts: [work, personal],
    entries: [makeEntry({ id: 1, spentDate: today, notes: 'Work entry' })],
  });
  // Each account has its own entries, as Harvest does.
  fake.handle('entries.list', ({ from, to }) => {
    const current = fake.callsTo('accounts.use').at(-1) as { name: string | null } | undefined;
    const notes = current?.name === 'personal' ? 'Personal entry' : 'Work entry';
    return [makeEntry({ id: current?.name === 'personal' ? 2 : 1, spentDate: today, notes })].filter(
      (entry) => entry.spentDate >= from && entry.spentDate <= to,
    );
  });
  return fake;
}

const list = () => screen.findByRole('list', { name: 'Time entries' });

describe('the account switcher', () => {
  it('names the current account, and switches by keyboard alone; the other account’s entries go first', async () => {
    const user = userEvent.setup();
    const fake = twoAccounts();
    renderWithBridge(<App />, fake);
    expect(within(await list()).getByText('Work entry')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Account: work' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    button.focus();
    const releaseEntries = fake.hold('entries.list');
    await user.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu', { name: 'Accounts' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const current = await within(menu).findByRole('menuitemradio', { name: /work/ });
    await waitFor(() => expect(current).toHaveFocus());
    expect(current).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitemradio', { name: /personal/ })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(fake.callsTo('accounts.use')).toEqual([{ name: 'personal' }]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Account: personal' })).toHaveFocus());
    expect(screen.queryByRole('menu')).toBeNull();
    // While the new account's entries load, nothing of the last one shows.
    expect(screen.queryByText('Work entry')).toBeNull();
    releaseEntries();
    expect(within(await list()).getByText('Personal entry')).toBeInTheDocument();
  });

  it('Escape closes the menu and gives the button the focus, without hiding the popover', async () => {
    const user = userEvent.setup();
    renderWithBridge(<App />, twoAccounts());
    await list();
    await user.click(screen.getByRole('button', { name: 'Account: work' }));
    await screen.findByRole('menu', { name: 'Accounts' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Account: work' })).toHaveFocus();
    // Single-key shortcuts of the day view stay quiet while the menu is open.
    await user.click(screen.getByRole('button', { name: 'Account: work' }));
    await screen.findByRole('menu');
    await user.keyboard('n');
    expect(screen.queryByRole('button', { name: 'Start timer' })).toBeNull();
  });

  it('a refused switch says why and stays on the account', async () => {
    const user = userEvent.setup();
    const fake = twoAccounts();
    fake.refuse('accounts.use', { kind: 'offline', message: 'Harvest could not be reached.' });
    renderWithBridge(<App />, fake);
    await list();
    await user.click(screen.getByRole('button', { name: 'Account: work' }));
    await user.click(await screen.findByRole('menuitemradio', { name: /personal/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not switch to personal: Harvest could not be reached.');
    expect(screen.getByRole('button', { name: 'Account: work' })).toBeInTheDocument();
    expect(within(await list()).getByText('Work entry')).toBeInTheDocument();
  });
});

describe('accounts in settings', () => {
  async function openSettings() {
    const user = userEvent.setup();
    const fake = twoAccounts();
    renderWithBridge(<App />, fake);
    await list();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Accounts' });
    const accounts = await screen.findByRole('list', { name: 'Accounts' });
    await within(accounts).findByText('personal');
    return { user, fake, accounts };
  }

  it('renames an account, refusing a name that is not one', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Rename personal' }));
    const field = screen.getByLabelText('New name for personal');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Home Stuff{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Use lower-case letters');
    await user.clear(field);
    await user.type(field, 'home{Enter}');
    expect(fake.callsTo('accounts.rename').at(-1)).toEqual({ name: 'personal', to: 'home' });
    expect(await screen.findByRole('button', { name: 'Rename home' })).toBeInTheDocument();
  });

  it('asks before removing, keeps the account on “Keep it”, removes it on yes', async () => {
    const { user, fake } = await openSettings();
    // The current account is signed out of, not removed, from here.
    expect(screen.queryByRole('button', { name: 'Remove work' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove personal' }));
    const question = screen.getByRole('group', { name: /Remove personal\?/ });
    expect(within(question).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(fake.callsTo('accounts.remove')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove personal' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove personal' }));
    expect(fake.callsTo('accounts.remove')).toEqual([{ name: 'personal' }]);
    await waitFor(() => expect(screen.queryByText('personal')).toBeNull());
  });

  it('adds an account with the sign-in’s steps: the token, then which of its accounts', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await user.type(screen.getByLabelText('Name (optional)'), 'lab');
    await user.type(screen.getByLabelText('Personal access token'), 'a-token');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await user.click(await screen.findByRole('button', { name: 'Difference Engines' }));
    expect(fake.callsTo('accounts.add')).toEqual([
      { token: 'a-token', name: 'lab' },
      { token: 'a-token', accountId: 100002, name: 'lab' },
    ]);
    expect(await screen.findByRole('button', { name: 'Use lab' })).toBeInTheDocument();
    expect(screen.getByText(/^Added lab\./)).toBeInTheDocument();
  });

  it('uses another account from the list, and signs out of the current one by its name', async () => {
    const { user, fake } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Use personal' }));
    expect(fake.callsTo('accounts.use')).toEqual([{ name: 'personal' }]);
    expect(await screen.findByRole('button', { name: 'Sign out of personal' })).toBeInTheDocument();
  });
});
