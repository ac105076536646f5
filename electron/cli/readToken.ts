// The token of `accounts add` comes from standard input, never from an argument (which `ps` and
// shell history would show). Piped: the whole input, trimmed. A terminal: a prompt on standard
// error and the typing not echoed.
import { UsageError } from './output/failure';

export interface TokenInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  once(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Harvest's tokens are a few hundred characters at most (the sign-in form's limit). */
const MAX_TOKEN = 500;
const MAX_INPUT = 64 * 1024;

export async function readToken(input: TokenInput, prompt: (text: string) => void): Promise<string> {
  const text = input.isTTY ? await readHidden(input, prompt) : await readAll(input);
  const token = text.trim();
  if (token === '') throw new UsageError('No token on standard input: pipe it in, e.g. `harvest-tray accounts add work --account-id 123456 < token.txt`.');
  // The token itself is never quoted back: it may be one, with a typo.
  if (/\s/.test(token) || token.length > MAX_TOKEN) {
    throw new UsageError('What came on standard input is not a Harvest token (one line, no spaces).');
  }
  return token;
}

function readAll(input: TokenInput): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      text += chunk;
      if (text.length > MAX_INPUT) {
        input.removeAllListeners();
        input.pause();
        reject(new UsageError('What came on standard input is not a Harvest token (one line, no spaces).'));
      }
    });
    input.once('end', () => resolve(text));
    input.once('error', () => reject(new UsageError('Standard input could not be read.')));
  });
}

function readHidden(input: TokenInput, prompt: (text: string) => void): Promise<string> {
  prompt('Harvest personal access token (not shown as you type; Enter when done): ');
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (outcome: () => void) => {
      input.setRawMode?.(false);
      input.removeAllListeners('data');
      input.pause();
      prompt('\n');
      outcome();
    };
    input.setEncoding('utf8');
    input.setRawMode?.(true);
    input.on('data', (chunk) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === '\u0004') return finish(() => resolve(text));
        if (character === '\u0003') return finish(() => reject(new UsageError('Cancelled.')));
        if (character === '\u007f' || character === '\b') text = text.slice(0, -1);
        else text += character;
      }
    });
    input.resume();
  });
}
