// Actions from the command line, for desktops where global shortcuts fail: users bind
// `harvest-tray --quick-restart` to a key in their desktop settings. A second launch forwards
// its argv to the running instance (single-instance lock), which runs the action.
import { CLI_COMMAND_NAMES } from '../cli/commandNames';

export type ArgvAction = 'toggle' | 'quick-restart' | 'stop';

const FLAGS: Record<string, ArgvAction> = {
  '--toggle': 'toggle',
  '--quick-restart': 'quick-restart',
  '--stop': 'stop',
};

/** The actions named in argv, in order, each once. Unknown arguments (Chromium's) are ignored. */
export function parseArgvActions(argv: readonly string[]): ArgvAction[] {
  const actions: ArgvAction[] = [];
  for (const arg of argv) {
    const action = FLAGS[arg];
    if (action && !actions.includes(action)) actions.push(action);
  }
  return actions;
}

export interface SecondInstanceSource {
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

/** Runs the actions of this launch now, and those of every later launch as they arrive. */
export function handleArgvActions(
  app: SecondInstanceSource,
  ownArgv: readonly string[],
  run: (action: ArgvAction) => void,
  /** What a plain second launch (no action) does: show the popover. */
  onPlainLaunch: () => void,
): void {
  for (const action of parseArgvActions(ownArgv)) run(action);
  app.on('second-instance', (_event, argv) => {
    const actions = parseArgvActions(argv);
    if (actions.length === 0) onPlainLaunch();
    for (const action of actions) run(action);
  });
}

const CLI_COMMANDS: ReadonlySet<string> = new Set(CLI_COMMAND_NAMES);

/**
 * The first of the command line's commands in this launch's arguments (`harvest-tray entries
 * list`), or null. The packages install this app under the command line's name, where the
 * command line itself is not carried: such a launch is a script that wants the command line.
 */
export function commandLineCommandIn(argv: readonly string[]): string | null {
  return argv.slice(1).find((arg) => CLI_COMMANDS.has(arg)) ?? null;
}

export function notTheCommandLine(command: string): string {
  return (
    `harvest-tray: "${command}" is a command of the harvest-tray command line, which this app does not carry; ` +
    'the app itself takes only --toggle, --quick-restart and --stop. The command line runs from a checkout of ' +
    'Harvest Tray: `npm run --silent cli -- ' + command + ' …`, or `npm link` there (README "Scripting and agents").\n'
  );
}
