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
): Promise<void> {
  const now = context.now();
  operation.check(params, toLocalDate(now), now);
  const session = await openAccountSession(context, globals.account);
  const result = await operation.run(session, params);
  if (globals.json) return out(toJsonText(result));
  const text = await formatHuman(operation.shows, result, { timeFormat: () => timeFormatOf(context, session), now: context.now() });
  const head = headline && operation.shows === 'entry' ? `${headline(wireTimeEntrySchema.parse(result))}\n` : '';
  await out(`${head}${text}\n`);
}

/** The account's decimal or h:mm, unless the user chose otherwise in the tray's settings. */
async function timeFormatOf(context: CliContext, session: AccountSession) {
  const company = await session.services.reference.company();
  return resolveTimeFormat(readSettings(context.store().get('settings')).hoursDisplay, company.timeFormat);
}
