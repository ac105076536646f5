// The pending-changes queue sending a backlog: 300 changes kept while offline, sent against the
// simulator's real limit (100 requests per 15 s per token). How close the sending comes to the
// rate the limit allows while the queue is not empty, and how many 429s Harvest had to answer.
// The core is the app's own (the one limiter every client of a token shares); only its fetch is
// wrapped, to count what goes out and what comes back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingChange, ProjectChoice } from '../../shared/domain';
import { toLocalDate } from '../../shared/localDate';
import { startHarness, settle } from '../../electron/core/app/testing/coreHarness';
import { HARVEST_RATE_LIMIT } from '../../electron/core/harvest/rateLimiter';
import { SIMULATOR_ACCOUNTS, SIMULATOR_TOKENS, startSimulator } from '../../electron/simulator';
import type { Figure } from './figures';

const CHANGES = 300;

/** The least time `requests` can take under the limit from a fresh window: whole windows before the last batch. */
export function leastSeconds(requests: number, limit = HARVEST_RATE_LIMIT): number {
  return (Math.floor((requests - 1) / limit.max) * limit.windowMs) / 1000;
}

export async function queueReplay(): Promise<Figure[]> {
  const sim = await startSimulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-bench-queue-'));
  let counting = false;
  const sent: number[] = [];
  let tooMany = 0;
  const counted: typeof fetch = async (input, init) => {
    const at = Date.now();
    const reply = await fetch(input, init);
    if (counting) {
      sent.push(at);
      if (reply.status === 429) tooMany += 1;
    }
    return reply;
  };
  const h = await startHarness({ sim, dataDir, fetch: counted });
  try {
    await h.signIn(SIMULATOR_TOKENS.single, SIMULATOR_ACCOUNTS.duration);
    const choices = await h.call<ProjectChoice[]>('choices.projects', {});
    const project = choices[0];
    const task = project?.tasks[0];
    if (!project || !task) throw new Error('The simulator has nowhere to log time.');

    sim.knobs.setOffline(true);
    await h.fail('entries.list', { from: '2020-01-06', to: '2020-01-06' });
    const day = toLocalDate(new Date());
    for (let i = 0; i < CHANGES; i += 1) {
      await h.call('entries.create', { projectId: project.projectId, taskId: task.taskId, spentDate: day, hours: 0.25, notes: `backlog ${i}` });
    }
    // A fresh window, so the figure is the sending's and not what came before it.
    await settle(HARVEST_RATE_LIMIT.windowMs + 1_000);
    sim.knobs.setOffline(false);
    counting = true;
    const started = Date.now();
    void h.core.refresh();
    for (;;) {
      await settle(100);
      if ((await h.call<PendingChange[]>('queue.list')).length === 0) break;
      if (Date.now() - started > 180_000) throw new Error('The backlog was not sent within three minutes.');
    }
    counting = false;
    const last = Math.max(...sent);
    const seconds = (last - started) / 1000;
    const share = (leastSeconds(sent.length) / seconds) * 100;
    const note = `${sent.length} requests in ${seconds.toFixed(1)} s; the limit allows them in no less than ${leastSeconds(sent.length)} s`;
    return [
      { name: 'queue replay of 300 changes, rate against the 100 per 15 s limit', value: share, unit: '%', limit: 90, atLeast: true, note },
      { name: 'queue replay of 300 changes, answers of 429', value: tooMany, unit: 'answers', limit: 0 },
    ];
  } finally {
    await h.core.dispose();
    await sim.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
