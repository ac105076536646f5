import { describe, expect, it } from 'vitest';
import { CLI_COMMAND_NAMES, CLI_PROGRAM_FLAGS } from './commandNames';
import { buildProgram, type ProgramActions } from './program';

const nothing = async () => undefined;
const actions: ProgramActions = {
  runOperation: nothing,
  listAccounts: nothing,
  addAccount: nothing,
  removeAccount: nothing,
  serveMcp: nothing,
};

describe('the command names the tray app recognises', () => {
  it('are the command line’s own top-level commands', () => {
    const names = buildProgram(actions, '0.0.0').commands.map((command) => command.name());
    expect([...CLI_COMMAND_NAMES].sort()).toEqual(names.sort());
  });

  it('and its own options, help and version included', () => {
    const program = buildProgram(actions, '0.0.0');
    const help = program.createHelp();
    const flags = help.visibleOptions(program).flatMap((option) => [option.long, option.short]);
    expect([...CLI_PROGRAM_FLAGS].sort()).toEqual(flags.filter((flag): flag is string => flag !== undefined).sort());
  });
});
