import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator, type Simulator } from './index';
import { harvestRequester, rawGet } from './testing/harvestRequest';

const INVALID_TOKEN = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('request checks on /v2', () => {
  it('answers 400 without a User-Agent', async () => {
    const headers = { Authorization: `Bearer ${SIMULATOR_TOKENS.multi}`, 'Harvest-Account-Id': '100001' };
    expect((await rawGet(`${sim.apiUrl}/users/me`, headers)).status).toBe(400);
    expect((await rawGet(`${sim.apiUrl}/users/me`, { ...headers, 'User-Agent': 'Harvest Tray (t@t.t)' })).status).toBe(200);
  });

  it('answers 401 in Harvest shape without a token, with an unknown token, or with a malformed header', async () => {
    for (const token of [null, 'not-a-token']) {
      const reply = await harvestRequester(sim, { token }).get('/users/me');
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(INVALID_TOKEN);
    }
    const raw = await fetch(`${sim.apiUrl}/users/me`, {
      headers: { Authorization: SIMULATOR_TOKENS.multi, 'Harvest-Account-Id': '100001', 'User-Agent': 'T (t@t.t)' },
    });
    expect(raw.status).toBe(401);
  });

  it('answers the same 401 without Harvest-Account-Id or for an account the token does not reach', async () => {
    expect((await harvestRequester(sim, { accountId: null }).get('/users/me')).body).toEqual(INVALID_TOKEN);
    const single = harvestRequester(sim, { token: SIMULATOR_TOKENS.single, accountId: SIMULATOR_ACCOUNTS.timestamp });
    expect((await single.get('/users/me')).status).toBe(401);
    // A Forecast account is not a Harvest account.
    expect((await harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.forecast }).get('/users/me')).status).toBe(401);
  });

  it('accepts the query-string form ?access_token=&account_id=', async () => {
    const response = await fetch(
      `${sim.apiUrl}/users/me?access_token=${SIMULATOR_TOKENS.single}&account_id=${SIMULATOR_ACCOUNTS.duration}`,
      { headers: { 'User-Agent': 'T (t@t.t)' } },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { first_name: string }).first_name).toBe('Jordan');
  });

  it('gives each account its own user record and role', async () => {
    const studio = await harvestRequester(sim).get('/users/me');
    const labs = await harvestRequester(sim, { accountId: SIMULATOR_ACCOUNTS.timestamp }).get('/users/me');
    expect(studio.body).toMatchObject({ access_roles: ['member'], weekly_capacity: 144000 });
    expect(labs.body).toMatchObject({ access_roles: ['administrator'] });
    expect((studio.body as { id: number }).id).not.toBe((labs.body as { id: number }).id);
  });

  it('answers 404 with a message for unknown paths', async () => {
    const reply = await harvestRequester(sim).get('/no_such_thing');
    expect(reply).toMatchObject({ status: 404, body: { message: 'Not found' } });
  });
});

describe('GET /api/v2/accounts on the ID host', () => {
  const accounts = (token?: string) =>
    fetch(`${sim.url}/api/v2/accounts`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('lists every account the token reaches, Forecast included, with the user', async () => {
    const response = await accounts(SIMULATOR_TOKENS.multi);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: expect.any(Number), first_name: 'Jordan', last_name: 'Ellis', email: 'jordan.ellis@northwind.example' },
      accounts: [
        { id: 100001, name: 'Northwind Studio', product: 'harvest' },
        { id: 100002, name: 'Northwind Labs', product: 'harvest' },
        { id: 300001, name: 'Northwind Studio', product: 'forecast' },
      ],
    });
  });

  it('lists only the one account of the single-account token', async () => {
    const body = (await (await accounts(SIMULATOR_TOKENS.single)).json()) as { accounts: { id: number }[] };
    expect(body.accounts.map((account) => account.id)).toEqual([100001]);
  });

  it('answers 401 without a valid token', async () => {
    expect((await accounts()).status).toBe(401);
    expect((await accounts('nope')).status).toBe(401);
  });
});
