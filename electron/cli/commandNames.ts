// The command line's top-level words, apart from its grammar (program.ts, whose test keeps them
// equal) so the tray app can tell a launch meant for the command line without loading it.
export const CLI_COMMAND_NAMES = ['entries', 'timer', 'projects', 'tasks', 'clients', 'users', 'accounts', 'mcp'] as const;

/** The program's own options, which may come before a command (`harvest-tray --json users me`). */
export const CLI_PROGRAM_FLAGS = ['--json', '--account', '--help', '-h', '--version', '-V'] as const;
