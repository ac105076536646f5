import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAINTEXT_TOKENS_FILE, plaintextStore } from './plaintextStore';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'harvest-tray-tokens-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const keptCopies = async () => (await readdir(dataDir)).filter((name) => name.startsWith('tokens.unreadable-'));

describe('the plaintext token file', () => {
  it('keeps tokens for several keys, readable by this user alone', async () => {
    const store = plaintextStore(dataDir);
    await store.write('server user 1', 'token-one');
    await store.write('server user 2', 'token-two');
    expect(await store.read('server user 1')).toBe('token-one');
    await store.remove('server user 1');
    expect(await store.read('server user 1')).toBeNull();
    expect(await store.read('server user 2')).toBe('token-two');
  });

  // A file cut short by a crash or a full disk may still hold the tokens of other accounts: it is
  // set aside before anything is written over it, never silently replaced.
  it.each([
    ['cut short', '{"https://id.example user 1": "token-o'],
    ['random bytes', '\u0000\u00ff\u0013garbage'],
    ['a wrong shape', '["token-one"]'],
  ])('a file %s is set aside, whole, before a token is written', async (_how, text) => {
    const file = join(dataDir, PLAINTEXT_TOKENS_FILE);
    await writeFile(file, text);
    const store = plaintextStore(dataDir);
    expect(await store.read('https://id.example user 1')).toBeNull();
    await store.write('https://id.example user 2', 'token-two');
    const [kept, ...more] = await keptCopies();
    expect(more).toEqual([]);
    expect(await readFile(join(dataDir, kept ?? ''), 'utf8')).toBe(text);
    expect(await store.read('https://id.example user 2')).toBe('token-two');
  });

  it('a good file is not set aside', async () => {
    const store = plaintextStore(dataDir);
    await store.write('a', 'one');
    await store.write('b', 'two');
    expect(await keptCopies()).toEqual([]);
  });
});
