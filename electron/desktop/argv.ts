// Actions from the command line, for desktops where global shortcuts fail: users bind
// `harvest-tray --quick-restart` to a key in their desktop settings. A second launch forwards
// its argv to the running instance (single-instance lock), which runs the action.
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
