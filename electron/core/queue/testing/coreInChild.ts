// A core in a process of its own, over a data folder and a simulator the parent owns: the parent
// kills it (SIGKILL) while its queue is sending, to show what a crash leaves behind. Signs in,
// says "ready" on standard output, and then only sends what its queue holds until killed.
import { SlidingWindowLimiter, realSleep } from '../../harvest/rateLimiter';
import type { Simulator } from '../../../simulator';
import { startHarness } from '../../app/testing/coreHarness';

const env = process.env;
const simUrl = env['SIM_URL'];
const dataDir = env['DATA_DIR'];
const token = env['SIM_TOKEN'];
const accountId = Number(env['SIM_ACCOUNT_ID']);
const rateMax = Number(env['RATE_MAX'] ?? '100');
const rateWindowMs = Number(env['RATE_WINDOW_MS'] ?? '15500');
if (!simUrl || !dataDir || !token || !Number.isSafeInteger(accountId)) {
  process.stderr.write('coreInChild needs SIM_URL, DATA_DIR, SIM_TOKEN and SIM_ACCOUNT_ID.\n');
  process.exit(2);
}

// The parent holds the simulator's knobs; this process only talks to it over HTTP.
const noKnobs = new Proxy({} as Simulator['knobs'], {
  get: () => {
    throw new Error('The simulator belongs to the parent process.');
  },
});
const sim: Simulator = { url: simUrl, apiUrl: `${simUrl}/v2`, knobs: noKnobs, close: async () => {} };

const harness = await startHarness({
  sim,
  dataDir,
  rateLimiter: new SlidingWindowLimiter({ max: rateMax, windowMs: rateWindowMs, now: Date.now, sleep: realSleep }),
  clientRetry: { baseDelayMs: 20, maxDelayMs: 200 },
  queueTuning: {
    landingMs: 400,
    backoff: { maxRetries: 3, maxRateLimitRetries: 5, baseDelayMs: 50, maxDelayMs: 400, maxRetryAfterMs: 60_000, defaultRetryAfterMs: 1_000 },
  },
});
await harness.signIn(token, accountId);
process.stdout.write('ready\n');
// Sending happens on the queue's own timers; this keeps the process alive until it is killed.
setInterval(() => undefined, 60_000);
