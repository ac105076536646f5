// One run of the command line: parse, act through the core, print, and say how it ended (the exit
// status). Standard output carries only the result; messages and errors go to standard error.
import type { Readable, Writable } from 'node:stream';
import { CommanderError, type Command } from 'commander';
import { resolveTimeFormat } from '../../shared/hours';
import { toLocalDate } from '../../shared/localDate';
import type { NamedAccount } from '../core/accounts/accountRegistry';
import { readSettings } from '../core/app/settings';
import { wireTimeEntrySchema } from '../core/harvest/wire';
import packageJson from '../../package.json';
import { createCliContext, openAccountSession, type CliContext, type CliHost } from './accountSession';
import type { AccountSession, Operation } from './operations/operation';
import { describeFailure, EXIT_OK, EXIT_USAGE, formatFailure } from './output/failure';
import { formatHuman } from './output/human';
import { toJsonText } from './output/jsonText';
import { formatTable } from './output/table';
import { buildProgram, type GlobalOptions, type Headline, type ProgramActions } from './program';
import { readToken, type TokenInput } from './readToken';

export interface CliIo extends CliHost {
  argv: string[];
  stdin: Readable & TokenInput;
  stdout: Writable;
  stderr: Writable;
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export async function runCli(io: CliIo): Promise<number> {
  let context: CliContext | null = null;
  // Configuration errors (a malformed HARVEST_ACCOUNT_ID) surface when a command needs it, as usage errors.
  const cli = (): CliContext => (context ??= createCliContext(io));
  let globals: GlobalOptions | null = null;
  // Every write is awaited before the status is returned, commander's help text included.
  const writes: Promise<void>[] = [];
  const out = (text: string) => track(write(io.stdout, text));
  const warn = (text: string) => track(write(io.stderr, text));
  const track = (writing: Promise<void>) => {
    writes.push(writing);
    return writing;
  };

  const actions: ProgramActions = {
    async runOperation(operation, params, options, headline) {
      globals = options;
      await runOperation(cli(), operation, params, options, headline, out);
    },
    async listAccounts(options) {
      globals = options;
      const { accounts, defaultAccount, problems } = await cli().book.list();
      if (options.json) return out(toJsonText(accounts.map((account) => accountJson(account, defaultAccount))));
      for (const problem of problems) await warn(`harvest-tray: warning: ${problem}\n`);
      if (accounts.length === 0) return out('No named accounts. Add one with `harvest-tray accounts add NAME --account-id N` (the token on standard input).\n');
      await out(
        `${formatTable(
          [
            { heading: '', value: (account: NamedAccount) => (account.name === defaultAccount ? '*' : '') },
            { heading: 'NAME', value: (account) => account.name },
            { heading: 'ACCOUNT', value: (account) => `${account.accountName} (${account.accountId})` },
            { heading: 'SERVER', value: (account) => account.apiUrl },
            { heading: 'TOKEN IN', value: (account) => (account.tokenStore === 'keyring' ? 'system keyring' : 'plaintext file') },
          ],
          accounts,
        )}\n`,
      );
    },
    async addAccount(request, options) {
      globals = options;
      const context = cli();
      // A machine without a keyring says so before the token is even asked for.
      await context.book.storeForNewToken(request.allowPlaintext);
      const token = await readToken(io.stdin, (text) => void warn(text));
      const added = await context.book.add({ ...request, token, apiUrl: context.config.apiUrl, idUrl: context.config.idUrl });
      const { defaultAccount } = await context.book.list();
      if (options.json) return out(toJsonText(accountJson(added, defaultAccount)));
      const where = added.tokenStore === 'keyring' ? 'the system keyring' : 'a plaintext file only you can read';
      await out(
        `Added "${added.name}": ${added.accountName} (${added.accountId}) at ${added.apiUrl}; token kept in ${where}.` +
          `${defaultAccount === added.name ? ' It is the default account.' : ''}\n`,
      );
    },
    async removeAccount(name, options) {
      globals = options;
      const removed = await cli().book.remove(name);
      if (options.json) return out(toJsonText({ name: removed.name, removed: true }));
      await out(`Removed "${removed.name}".\n`);
    },
    async serveMcp(options) {
      globals = options;
      const { serveMcp } = await import('./mcp/server');
      await serveMcp({ context: cli(), defaultAccount: options.account, stdin: io.stdin, stdout: io.stdout });
    },
  };

  const program = buildProgram(actions, packageJson.version);
  // Subcommands copy these settings only when created, so each gets them here.
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => void out(text),
      writeErr: (text) => void warn(text),
      // Errors are reported once, below, in the format --json asks for.
      outputError: () => undefined,
    });
  }

  const status = await parseAndRun(program, io.argv, () => globals, warn);
  await Promise.allSettled(writes);
  return status;
}

async function parseAndRun(
  program: Command,
  argv: string[],
  globals: () => GlobalOptions | null,
  warn: (text: string) => Promise<void>,
): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    // Before the flags are parsed (a usage error), --json is read from the words themselves.
    const json = globals()?.json ?? argv.includes('--json');
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT_USAGE;
      await warn(formatFailure({ exitCode: EXIT_USAGE, message: error.message.replace(/^error: /, '') }, json));
      return EXIT_USAGE;
    }
    const failure = describeFailure(error);
    await warn(formatFailure(failure, json));
    return failure.exitCode;
  }
}

async function runOperation(
  context: CliContext,
  operation: Operation,
  params: Record<string, unknown>,
  globals: GlobalOptions,
  headline: Headline | undefined,
  out: (text: string) => Promise<void>,
): Promise<void> {
  const now = context.now();
  // Every rule that needs no answer from Harvest is checked before anything is sent.
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

function accountJson(account: NamedAccount, defaultAccount: string | null) {
  return {
    name: account.name,
    account_id: account.accountId,
    account_name: account.accountName,
    api_url: account.apiUrl,
    id_url: account.idUrl,
    token_store: account.tokenStore,
    default: account.name === defaultAccount,
  };
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

