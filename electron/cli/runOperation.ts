// One seed operation from the command line: its rules checked before anything is sent, then run
// for the chosen account, then printed as Harvest's JSON or for a person.
import { resolveTimeFormat } from '../../shared/hours';
import { toLocalDate } from '../../shared/localDate';
import { readSettings } from '../core/app/settings';
import { wireTimeEntrySchema } from '../core/harvest/wire';
import { openAccountSession, type CliContext } from './accountSession';
import type { AccountSession, Operation } from './operations/operation';
import { formatHuman } from './output/human';
import { toJsonText } from './output/jsonText';
import type { GlobalOptions, Headline } from './program';

export async function runOperation(
  context: CliContext,
  operation: Operation,
  params: Record<string, unknown>,
  globals: GlobalOptions,
  headline: Headline | undefined,
  out: (text: string) => Promise<void>,
  warn: (text: string) => Promise<void>,
): Promise<void> {
  const now = context.now();
  operation.check(params, toLocalDate(now), now);
  const session = await openAccountSession(context, globals.account);
  try {
    await sendWaiting(session, warn);
    const result = await operation.run(session, params);
    if (globals.json) return await out(toJsonText(result));
    const text = await formatHuman(operation.shows, result, { timeFormat: () => timeFormatOf(context, session), now: context.now() });
    const head = headline && operation.shows === 'entry' ? `${headline(wireTimeEntrySchema.parse(result))}\n` : '';
    await out(`${head}${text}\n`);
  } finally {
    await session.close();
  }
}

/**
 * Changes kept earlier for this account (here, in the tray or by the MCP server) go first, so
 * Harvest gets them in the order they were made and the command sees their outcome. Said on
 * standard error, which --json leaves free for messages.
 */
async function sendWaiting(session: AccountSession, warn: (text: string) => Promise<void>): Promise<void> {
  if (!session.queue.hasSendable()) return;
  const waiting = session.queue.list().filter((change) => change.status.state !== 'refused').length;
  await warn(`harvest-tray: sending ${waiting === 1 ? '1 change' : `${waiting} changes`} kept earlier for this account…\n`);
  await session.queue.drain();
}

/** The account's decimal or h:mm, unless the user chose otherwise in the tray's settings. */
async function timeFormatOf(context: CliContext, session: AccountSession) {
  const company = await session.services.reference.company();
  return resolveTimeFormat(readSettings(context.store().get('settings')).hoursDisplay, company.timeFormat);
}
