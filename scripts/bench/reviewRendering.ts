// The review view itself, in the browser, over an account holding 2,000 entries across a year:
// from clicking Review to its per-project figures on screen.
import type { Browser } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import {
  SIMULATOR_ACCOUNTS,
  SIMULATOR_TOKENS,
  type Simulator,
} from '../../electron/simulator';
import { addDays, toLocalDate } from '../../shared/localDate';
import type { Figure } from './figures';

const USER_AGENT = 'Harvest Tray bench (https://github.com/harvest-tray/harvest-tray)';

/** Fills the duration account with `count` entries over the past year, through Harvest's own API. */
async function seedYear(sim: Simulator, count: number): Promise<void> {
  sim.knobs.setRateLimit(1_000_000, 15_000);
  const projects = (await harvest(sim, 'GET', '/users/me/project_assignments')) as {
    project_assignments: {
      project: { id: number };
      task_assignments: { is_active: boolean; task: { id: number } }[];
    }[];
  };
  const choices = projects.project_assignments.flatMap((assignment) =>
    assignment.task_assignments
      .filter((task) => task.is_active)
      .map((task) => ({ project_id: assignment.project.id, task_id: task.task.id })),
  );
  const today = toLocalDate(new Date());
  for (let index = 0; index < count; index += 1) {
    const choice = choices[index % choices.length];
    if (!choice) throw new Error('The simulator offers no project to log time to.');
    await harvest(sim, 'POST', '/time_entries', {
      ...choice,
      spent_date: addDays(today, -Math.floor(index / 6) - 1),
      hours: 0.25 + (index % 12) * 0.25,
      notes: `Year of work, item ${index + 1}`,
    });
  }
  sim.knobs.setRateLimit(100, 15_000);
}

async function harvest(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${sim.apiUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${SIMULATOR_TOKENS.single}`,
      'Harvest-Account-Id': String(SIMULATOR_ACCOUNTS.duration),
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`Seeding the simulator: ${method} ${path} answered ${response.status}`);
  return response.json();
}

export async function reviewRendering(
  browser: Browser,
  url: string,
  sim: Simulator,
  count = 2_000,
): Promise<Figure> {
  const name = `review view shown, ${count} entries in a year`;
  await seedYear(sim, count);
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByRole('list', { name: 'Time entries' }).getByRole('listitem').first().waitFor();
    // Yesterday, so the review covers a day and week the seeded entries fill.
    await page.getByRole('button', { name: 'Previous day', exact: true }).click();
    await page.getByRole('list', { name: 'Time entries' }).getByRole('listitem').first().waitFor();
    const started = performance.now();
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page
      .getByRole('list', { name: 'Hours per project' })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 15_000 });
    return {
      name,
      value: Math.round(performance.now() - started),
      unit: 'ms',
      limit: 100,
      note: 'click to figures, Harvest fetch included',
    };
  } catch (error) {
    return {
      name,
      value: null,
      unit: 'ms',
      limit: 100,
      note: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
  } finally {
    await page.close();
  }
}
