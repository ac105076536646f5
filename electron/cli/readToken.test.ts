// The token from standard input: piped whole, or typed at a terminal without echo.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readToken } from './readToken';

function terminal(): PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(mode: boolean): void } {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(mode: boolean): void };
  stream.isTTY = true;
  stream.raw = [];
  stream.setRawMode = (mode) => stream.raw.push(mode);
  return stream;
}

describe('readToken', () => {
  it('takes piped input whole, trimmed', async () => {
    const input = new PassThrough();
    const reading = readToken(input, () => undefined);
    input.end('pat-123.abc\n');
    await expect(reading).resolves.toBe('pat-123.abc');
  });

  it('refuses empty input and anything that is not one token, without quoting it', async () => {
    for (const text of ['', '  \n', 'two words', 'x'.repeat(501)]) {
      const input = new PassThrough();
      const reading = readToken(input, () => undefined);
      input.end(text);
      const error = await reading.then(() => null, (caught: unknown) => caught as Error);
      expect(error?.message, JSON.stringify(text)).toBeDefined();
      if (text.trim() !== '') expect(error?.message).not.toContain(text.trim());
    }
  });

  it('at a terminal: prompts on standard error, does not echo, honours backspace, ends at Enter', async () => {
    const input = terminal();
    const prompts: string[] = [];
    const reading = readToken(input, (text) => prompts.push(text));
    input.write('pat-1x');
    input.write('\u007f23\r');
    await expect(reading).resolves.toBe('pat-123');
    expect(input.raw).toEqual([true, false]);
    expect(prompts.join('')).not.toContain('pat');
  });

  it('at a terminal: Ctrl+C cancels', async () => {
    const input = terminal();
    const reading = readToken(input, () => undefined);
    input.write('pat\u0003');
    await expect(reading).rejects.toThrow('Cancelled');
  });
});
