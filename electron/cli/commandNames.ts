// The command line's top-level commands, apart from its grammar (program.ts, whose test keeps the
// two equal) so the tray app can recognise them without loading the command line.
export const CLI_COMMAND_NAMES = ['entries', 'timer', 'projects', 'tasks', 'clients', 'users', 'accounts', 'mcp'] as const;
