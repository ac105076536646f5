// The command line's grammar (commander: subcommands, --help for each with examples, a parser for
// every flag's value, one error path). Commands over the seed operations are built from the
// operations' own parameters, so the flags, the MCP tools and their checks cannot drift apart.
// Why commander: it has no dependencies (the cold start is measured by `npm run bench`), takes a
// parser per option and per argument whose InvalidArgumentError names the flag, builds commands
// from data (these come from the operations) and lets every command throw instead of exiting
// (exitOverride), so the exit status and the --json error format stay ours. yargs brings seven
// packages of its own; clipanion wants a class per command.
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { accountNameSchema } from '../core/accounts/accountRegistry';
import type { WireTimeEntry } from '../core/harvest/wire';
import { fieldKinds } from './operations/fields';
import * as catalog from './operations/catalog';
import type { Operation, ParamSpec } from './operations/operation';

export interface GlobalOptions {
  json: boolean;
  /** --account NAME, or null for the environment's credentials or the default account. */
  account: string | null;
}

export interface ProgramActions {
  runOperation(operation: Operation, params: Record<string, unknown>, globals: GlobalOptions, headline?: Headline): Promise<void>;
  listAccounts(globals: GlobalOptions): Promise<void>;
  addAccount(request: { name: string; accountId: number; allowPlaintext: boolean; makeDefault: boolean }, globals: GlobalOptions): Promise<void>;
  removeAccount(name: string, globals: GlobalOptions): Promise<void>;
  serveMcp(globals: GlobalOptions): Promise<void>;
}

/** The line above a written entry in human output ("Timer running:", "Saved:"). */
export type Headline = (entry: WireTimeEntry) => string;

const running: Headline = (entry) => (entry.is_running ? 'Timer running:' : 'Stopped:');

function parserFor(spec: ParamSpec): (text: string) => unknown {
  const kind = fieldKinds[spec.kind];
  return (text) => {
    try {
      return kind.fromText(text);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : 'Not valid.');
    }
  };
}

function kebab(name: string): string {
  return name.replace(/_/g, '-');
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ harvest-tray ${line}`).join('\n')}\n`;
}

function globalsOf(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ json?: boolean; account?: string }>();
  return { json: options.json === true, account: options.account ?? null };
}

/** A subcommand over one operation: its parameters become the argument and the flags. */
function operationCommand(
  parent: Command,
  name: string,
  operation: Operation,
  actions: ProgramActions,
  details: { summary: string; examples: string[]; headline?: Headline },
): Command {
  const command = parent.command(name).summary(details.summary).description(`${details.summary}\n(${operation.description})`);
  const flags = new Map<string, Option>();
  for (const [param, spec] of Object.entries(operation.params)) {
    const kind = fieldKinds[spec.kind];
    if (spec.positional) {
      command.addArgument(new Argument(spec.required ? '<ID>' : '[ID]', spec.description).argParser(parserFor(spec)));
      continue;
    }
    const option = new Option(`--${kebab(param)} <${kind.placeholder}>`, spec.description).argParser(
      parserFor(spec),
    );
    if (spec.required) option.makeOptionMandatory();
    command.addOption(option);
    flags.set(param, option);
  }
  command.addHelpText('after', examples(details.examples));
  command.action(async (...args: unknown[]) => {
    const self = args.at(-1) as Command;
    const params: Record<string, unknown> = {};
    for (const [param, spec] of Object.entries(operation.params)) {
      const value = spec.positional ? self.processedArgs[0] : self.getOptionValue(flags.get(param)?.attributeName() ?? param);
      if (value !== undefined) params[param] = value;
    }
    await actions.runOperation(operation, params, globalsOf(self), details.headline);
  });
  return command;
}

function accountName(text: string): string {
  const parsed = accountNameSchema.safeParse(text);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'Not a name.');
  return parsed.data;
}

export function buildProgram(actions: ProgramActions, version: string): Command {
  const program = new Command('harvest-tray')
    // Every command's --help also lists --json and --account.
    .configureHelp({ showGlobalOptions: true })
    .description(
      'Harvest from scripts and agents: time entries, timers, projects, tasks, clients and people, over the same core as the Harvest Tray app.',
    )
    .version(version)
    .option('--json', "print Harvest's own JSON on standard output (errors as one JSON object on standard error)")
    .addOption(new Option('--account <name>', 'act as this named account (see `accounts list`)').argParser(accountName))
    .addHelpText(
      'after',
      `
Credentials: --account NAME; otherwise HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID when set;
otherwise the account marked default. Exit status: 0 done, 2 usage or input error (nothing was
sent), 1 Harvest refused or could not be reached.
${examples([
  'entries list --from 2026-03-09 --to 2026-03-15',
  'entries list --from "$(date +%F)" --json | jq \'map(.hours) | add * 100 | round / 100\'',
  'timer quick-restart',
  'accounts add work --account-id 123456 < token.txt',
])}`,
    );

  const entries = program.command('entries').description('time entries: list, read, create, update, delete');
  operationCommand(entries, 'list', catalog.listTimeEntries, actions, {
    summary: "list time entries (yours unless --user-id; every page unless --page)",
    examples: ['entries list --from 2026-03-09 --to 2026-03-15', 'entries list --is-running true --json', 'entries list --project-id 14307913 --page 2 --per-page 50'],
  });
  operationCommand(entries, 'get', catalog.getTimeEntry, actions, {
    summary: 'show one time entry',
    examples: ['entries get 2400000012', 'entries get 2400000012 --json'],
  });
  operationCommand(entries, 'create', catalog.createTimeEntry, actions, {
    summary: 'create a time entry (without --hours on today, start a timer)',
    examples: [
      'entries create --project-id 14307913 --task-id 8083365 --spent-date 2026-03-11 --hours 1:30 --notes "Design review"',
      'entries create --project-id 14307913 --task-id 8083365 --spent-date "$(date +%F)"',
      'entries create --project-id 14307913 --task-id 8083365 --spent-date "$(date +%F)" --timer-started-at "$(date -Iseconds -d \'-20 min\')"',
    ],
    headline: (entry) => (entry.is_running ? 'Timer running:' : 'Saved:'),
  });
  operationCommand(entries, 'update', catalog.updateTimeEntry, actions, {
    summary: "change a time entry's hours, notes or date",
    examples: ['entries update 2400000012 --hours 2.5', 'entries update 2400000012 --notes "Review with Ana" --spent-date 2026-03-10'],
    headline: () => 'Updated:',
  });
  operationCommand(entries, 'delete', catalog.deleteTimeEntry, actions, {
    summary: 'delete a time entry',
    examples: ['entries delete 2400000012'],
  });

  const timer = program.command('timer').description('timers: restart, stop, quick restart');
  operationCommand(timer, 'restart', catalog.restartTimer, actions, {
    summary: 'restart a stopped entry (your running timer is stopped first)',
    examples: ['timer restart 2400000012', "timer restart \"$(harvest-tray entries list --from \"$(date +%F)\" --json | jq '.[0].id')\""],
    headline: running,
  });
  operationCommand(timer, 'stop', catalog.stopTimer, actions, {
    summary: 'stop a timer (without ID, the one running now)',
    examples: ['timer stop', 'timer stop 2400000012'],
    headline: running,
  });
  operationCommand(timer, 'quick-restart', catalog.quickRestart, actions, {
    summary: "the shortcut's action: stop what runs, or resume the last entry",
    examples: ['timer quick-restart', 'timer quick-restart --account work --json'],
    headline: running,
  });

  const projects = program.command('projects').description('projects (an administrator or manager role)');
  operationCommand(projects, 'list', catalog.listProjects, actions, {
    summary: 'list projects',
    examples: ['projects list --is-active true', 'projects list --client-id 5735774 --json'],
  });
  operationCommand(projects, 'get', catalog.getProject, actions, { summary: 'show one project', examples: ['projects get 14307913'] });

  const tasks = program.command('tasks').description('tasks (an administrator or manager role)');
  operationCommand(tasks, 'list', catalog.listTasks, actions, { summary: 'list tasks', examples: ['tasks list --is-active true'] });

  const clients = program.command('clients').description('clients (an administrator or manager role)');
  operationCommand(clients, 'list', catalog.listClients, actions, { summary: 'list clients', examples: ['clients list --json'] });

  const users = program.command('users').description('people in the account');
  operationCommand(users, 'list', catalog.listUsers, actions, { summary: 'list people', examples: ['users list --is-active true'] });
  operationCommand(users, 'get', catalog.getUser, actions, { summary: 'show one person', examples: ['users get 1782959'] });
  operationCommand(users, 'me', catalog.getCurrentUser, actions, { summary: 'show who the token belongs to', examples: ['users me --json'] });

  const accounts = program.command('accounts').description('named accounts, their tokens kept in the system keyring');
  accounts
    .command('list')
    .description('list the named accounts (the default one marked *)')
    .addHelpText('after', examples(['accounts list', 'accounts list --json']))
    .action(async (_options: unknown, self: Command) => actions.listAccounts(globalsOf(self)));
  accounts
    .command('add')
    .description(
      'add a named account; the token is read from standard input, checked with Harvest, and kept in the system keyring',
    )
    .addArgument(new Argument('<NAME>', 'a name such as work or personal').argParser(accountName))
    .addOption(
      new Option('--account-id <N>', 'the Harvest account (Harvest-Account-Id) this name acts in')
        .argParser(parserFor({ kind: 'id', description: '' }))
        .makeOptionMandatory(),
    )
    .option('--allow-plaintext', 'where there is no keyring, agree to keep the token unencrypted in a file only you can read')
    .option('--default', 'make it the account used when no --account is given')
    .addHelpText(
      'after',
      examples(['accounts add work --account-id 123456 < token.txt', 'pass show harvest/work | harvest-tray accounts add work --account-id 123456']),
    )
    .action(async (name: string, options: { accountId: number; allowPlaintext?: boolean; default?: boolean }, self: Command) =>
      actions.addAccount(
        { name, accountId: options.accountId, allowPlaintext: options.allowPlaintext === true, makeDefault: options.default === true },
        globalsOf(self),
      ),
    );
  accounts
    .command('remove')
    .description('remove a named account (and its token, once no other name uses it)')
    .addArgument(new Argument('<NAME>', 'the account to remove').argParser(accountName))
    .addHelpText('after', examples(['accounts remove personal']))
    .action(async (name: string, _options: unknown, self: Command) => actions.removeAccount(name, globalsOf(self)));

  program
    .command('mcp')
    .description('serve the Model Context Protocol on standard input/output: the fourteen Harvest tools, for agents')
    .addHelpText('after', examples(['mcp', 'mcp --account work']))
    .action(async (_options: unknown, self: Command) => actions.serveMcp(globalsOf(self)));

  return program;
}
