// `npm run sim -- --port N [--host 127.0.0.1] [--page-size N] [--latency MS] [--no-sample-data]`:
// the Harvest simulator on its own, printing one line with what a client needs to reach it.
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator } from './index';

const numberArg = z.coerce.number().int().min(0);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'page-size': { type: 'string' },
    latency: { type: 'string' },
    'no-sample-data': { type: 'boolean', default: false },
  },
});

const sim = await startSimulator({
  port: numberArg.parse(values.port),
  host: values.host,
  pageSize: values['page-size'] === undefined ? undefined : numberArg.min(1).parse(values['page-size']),
  latencyMs: values.latency === undefined ? undefined : numberArg.parse(values.latency),
  sampleData: !values['no-sample-data'],
});

console.log(
  `Harvest simulator at ${sim.url}  HARVEST_ID_URL=${sim.url} HARVEST_API_URL=${sim.apiUrl}` +
    `  tokens: ${SIMULATOR_TOKENS.multi} (accounts ${SIMULATOR_ACCOUNTS.duration} duration, ` +
    `${SIMULATOR_ACCOUNTS.timestamp} start/end times, ${SIMULATOR_ACCOUNTS.forecast} forecast), ` +
    `${SIMULATOR_TOKENS.single} (account ${SIMULATOR_ACCOUNTS.duration})`,
);

let closing = false;
async function shutDown(): Promise<void> {
  if (closing) return;
  closing = true;
  await sim.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
