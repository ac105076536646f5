import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { commandLineCommandIn, handleArgvActions, parseArgvActions, type ArgvAction } from './argv';

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
  it('are found after the program, as whole words only', () => {
    expect(commandLineCommandIn(['/usr/bin/harvest-tray', 'entries', 'list', '--json'])).toBe('entries');
    expect(commandLineCommandIn(['/usr/bin/electron', '/home/ada/harvest-tray', '--toggle'])).toBeNull();
    expect(commandLineCommandIn(['/usr/bin/harvest-tray', '--quick-restart'])).toBeNull();
    expect(commandLineCommandIn(['mcp'])).toBeNull();
  });
});
