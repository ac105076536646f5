// Tokens in a file readable only by this user, for machines without a keyring, and only with the
// user's explicit consent (--allow-plaintext). Written atomically: a crash mid-write leaves the
// old file or the new one, never half of either.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { SecretStore } from './secretStore';

export const PLAINTEXT_TOKENS_FILE = 'tokens.json';

const fileSchema = z.record(z.string(), z.string());

export function plaintextStore(dataDir: string): SecretStore {
  const path = join(dataDir, PLAINTEXT_TOKENS_FILE);

  async function readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return {};
    }
    // A truncated or hand-edited file keeps whatever entries are still strings.
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {};
    }
    if (typeof parsed !== 'object' || parsed === null) return {};
    return fileSchema.parse(
      Object.fromEntries(Object.entries(parsed).filter(([, value]) => typeof value === 'string')),
    );
  }

  async function writeAll(tokens: Record<string, string>): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  }

  return {
    kind: 'plaintext-file',
    description: path,
    read: async (key) => (await readAll())[key] ?? null,
    write: async (key, secret) => writeAll({ ...(await readAll()), [key]: secret }),
    remove: async (key) => {
      const tokens = await readAll();
      if (!(key in tokens)) return;
      delete tokens[key];
      await writeAll(tokens);
    },
  };
}
