import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { commandLineWords, handleArgvActions, parseArgvActions, type ArgvAction } from './argv';

describe('command-line actions', () => {
  it('finds the actions among Electron and Chromium arguments, once each', () => {
    expect(parseArgvActions(['/usr/bin/harvest-tray', '--no-sandbox', '--quick-restart', '--stop', '--quick-restart'])).toEqual([
      'quick-restart',
      'stop',
    ]);
    expect(parseArgvActions(['/usr/bin/harvest-tray', '--toggler'])).toEqual([]);
  });

  it("runs this launch's actions, then forwards a second launch's to the running instance", () => {
    const app = new EventEmitter();
    const ran: ArgvAction[] = [];
    let plain = 0;
    handleArgvActions(app, ['harvest-tray', '--toggle'], (action) => ran.push(action), () => (plain += 1));
    expect(ran).toEqual(['toggle']);

    app.emit('second-instance', {}, ['harvest-tray', '--quick-restart']);
    app.emit('second-instance', {}, ['harvest-tray', '--stop']);
    expect(ran).toEqual(['toggle', 'quick-restart', 'stop']);

    app.emit('second-instance', {}, ['harvest-tray']);
    expect(plain).toBe(1);
    expect(ran).toHaveLength(3);
  });
});

describe('the command line’s words', () => {
  it('are a launch whose first typed word is a command or an option of the command line', () => {
    expect(commandLineWords(['/usr/bin/harvest-tray', 'entries', 'list', '--json'], false)).toEqual(['entries', 'list', '--json']);
    expect(commandLineWords(['/usr/bin/harvest-tray', '--account=work', 'users', 'me'], false)).toEqual(['--account=work', 'users', 'me']);
    expect(commandLineWords(['/usr/bin/harvest-tray', '--help'], false)).toEqual(['--help']);
    expect(commandLineWords(['/usr/bin/electron', '/home/ada/harvest-tray', 'mcp'], true)).toEqual(['mcp']);
  });

  it('are not the tray’s own flags, Chromium’s switches, the app’s path or a word further on', () => {
    expect(commandLineWords(['/usr/bin/electron', '/home/ada/harvest-tray', '--toggle'], true)).toBeNull();
    expect(commandLineWords(['/usr/bin/harvest-tray', '--quick-restart'], false)).toBeNull();
    expect(commandLineWords(['/usr/bin/harvest-tray', '--no-sandbox', 'mcp'], false)).toBeNull();
    expect(commandLineWords(['/usr/bin/electron', 'mcp'], true)).toBeNull();
    expect(commandLineWords(['/usr/bin/harvest-tray'], false)).toBeNull();
  });
});
