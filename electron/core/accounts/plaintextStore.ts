// Tokens in a file readable only by this user, for machines without a keyring, and only with the
// user's explicit consent (--allow-plaintext). Written atomically: a crash mid-write leaves the
// old file or the new one, never half of either.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { setAside } from '../storage/setAside';
import type { SecretStore } from './secretStore';

export const PLAINTEXT_TOKENS_FILE = 'tokens.json';

const fileSchema = z.record(z.string(), z.string());

export function plaintextStore(dataDir: string): SecretStore {
  const path = join(dataDir, PLAINTEXT_TOKENS_FILE);

  /** The tokens that could be read, and whether the file held anything else (then it is kept). */
  async function readFileTokens(): Promise<{ tokens: Record<string, string>; damaged: boolean }> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return { tokens: {}, damaged: false };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { tokens: {}, damaged: true };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { tokens: {}, damaged: true };
    // A hand-edited file keeps whatever entries are still strings.
    const entries = Object.entries(parsed);
    const tokens = fileSchema.parse(Object.fromEntries(entries.filter(([, value]) => typeof value === 'string')));
    return { tokens, damaged: Object.keys(tokens).length !== entries.length };
  }

  const readAll = async (): Promise<Record<string, string>> => (await readFileTokens()).tokens;

  /**
   * A damaged file may still hold other accounts' tokens, in pieces a person can recover: it is
   * set aside under a name of its own before anything is written in its place.
   */
  async function writeAll(change: (tokens: Record<string, string>) => Record<string, string> | null): Promise<void> {
    const { tokens, damaged } = await readFileTokens();
    const next = change(tokens);
    if (next === null) return;
    if (damaged) await setAside(path, new Date(), 'Tokens that could not be read must be entered again.');
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  }

  return {
    kind: 'plaintext-file',
    description: path,
    read: async (key) => (await readAll())[key] ?? null,
    write: async (key, secret) => writeAll((tokens) => ({ ...tokens, [key]: secret })),
    remove: async (key) =>
      writeAll((tokens) => {
        if (!(key in tokens)) return null;
        const { [key]: _removed, ...rest } = tokens;
        return rest;
      }),
  };
}
