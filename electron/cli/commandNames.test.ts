import { describe, expect, it } from 'vitest';
import { CLI_COMMAND_NAMES } from './commandNames';
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
});
