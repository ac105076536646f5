// One run of the command line: parse, act through the core, print, and say how it ended (the exit
// status). Standard output carries only the result; messages and errors go to standard error.
import type { Readable, Writable } from 'node:stream';
import { CommanderError, type Command } from 'commander';
import packageJson from '../../package.json';
import { createCliContext, type CliContext, type CliHost } from './accountSession';
import { addAccount, listAccounts, removeAccount } from './accountsCommands';
import { describeFailure, EXIT_OK, EXIT_USAGE, formatFailure } from './output/failure';
import { buildProgram, type GlobalOptions, type ProgramActions } from './program';
import type { TokenInput } from './readToken';
import { runOperation } from './runOperation';

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

  const output = (options: GlobalOptions) => ({ json: options.json, out, warn });
  const actions: ProgramActions = {
    async runOperation(operation, params, options, headline) {
      globals = options;
      await runOperation(cli(), operation, params, options, headline, out, warn);
    },
    async listAccounts(options) {
      globals = options;
      await listAccounts(cli(), output(options));
    },
    async addAccount(request, options) {
      globals = options;
      await addAccount(cli(), request, io.stdin, output(options));
    },
    async removeAccount(name, options) {
      globals = options;
      await removeAccount(cli(), name, output(options));
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

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
