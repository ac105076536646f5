import { describe, expect, it } from 'vitest';
import { parseWebHostArgs, UsageError } from './cliArgs';

describe('parseWebHostArgs', () => {
  it('reads --port and --demo, with a free port by default', () => {
    expect(parseWebHostArgs([])).toEqual({ port: 0, demo: false });
    expect(parseWebHostArgs(['--port', '8080'])).toEqual({ port: 8080, demo: false });
    expect(parseWebHostArgs(['--port=0', '--demo'])).toEqual({ port: 0, demo: true });
  });

  it('refuses what it does not understand, saying how to call it', () => {
    for (const argv of [['--port', 'eighty'], ['--port', '70000'], ['--port', '-1'], ['--prot', '1'], ['extra']]) {
      expect(() => parseWebHostArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
    expect(() => parseWebHostArgs(['--port', 'x'])).toThrow(/Usage: npm run web/);
  });
});
