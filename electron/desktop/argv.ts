// Actions from the command line, for desktops where global shortcuts fail: users bind
// `harvest-tray --quick-restart` to a key in their desktop settings. A second launch forwards
// its argv to the running instance (single-instance lock), which runs the action.
import { CLI_COMMAND_NAMES, CLI_PROGRAM_FLAGS } from '../cli/commandNames';

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

const CLI_FIRST_WORDS: ReadonlySet<string> = new Set([...CLI_COMMAND_NAMES, ...CLI_PROGRAM_FLAGS]);

/**
 * The words of a launch meant for the command line (`harvest-tray entries list --json`,
 * `harvest-tray --json users me`, `harvest-tray --help`), or null for the tray. The packages
 * install this app under the command line's name, and it is the command line then.
 * Only the first word a person typed counts, so Chromium's switches and the tray's own flags
 * never make a tray launch into a command. That word is argv[1] in a packaged app; started as
 * `electron . …` (process.defaultApp, docs/api/process.md), argv[1] is the app's path.
 */
export function commandLineWords(argv: readonly string[], defaultApp: boolean): string[] | null {
  const words = argv.slice(defaultApp ? 2 : 1);
  const first = words[0];
  if (first === undefined) return null;
  const flag = first.startsWith('--') ? first.split('=')[0] : first;
  return flag !== undefined && CLI_FIRST_WORDS.has(flag) ? words : null;
}
