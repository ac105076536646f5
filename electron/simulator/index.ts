// A Harvest API v2 simulator: a real HTTP server with Harvest's rules, for `npm run sim`, the
// demo and every integration and end-to-end test. Plain Node: it never imports 'electron'.
import { ACCOUNT_IDS, TOKENS } from './credentials';

export const SIMULATOR_ACCOUNTS = ACCOUNT_IDS;
export const SIMULATOR_TOKENS = TOKENS;
// multi reaches Harvest accounts 100001 "Northwind Studio" (duration mode, the user is a Member: 403 on
// /projects /clients /tasks /users) and 100002 "Northwind Labs" (start/end-time mode, the user is an
// Administrator), plus Forecast account 300001 (which a client must drop). single reaches only 100001.

export type { Simulator, SimulatorFailure, SimulatorKnobs, SimulatorOptions } from './types';
export { startSimulator } from './server';
