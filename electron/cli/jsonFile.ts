// The JsonStore the command line keeps settings and reference caches in: the desktop app's own
// electron-store file, read afresh at every get (so what the tray wrote a moment ago counts) and
// written atomically with write-file-atomic (a crash leaves the old file or the new, never half).
// Not conf, which electron-store is built on: conf brings a JSON-schema validator whose loading
// alone is the largest share of the command line's cold start, for features the core never uses.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { JsonStore } from '../core/ports';

export function jsonFileStore(options: { dataDir: string; name: string }): JsonStore {
  const path = join(options.dataDir, `${options.name}.json`);

  // A missing, truncated or hand-edited file reads as empty, as the tray's store reads it; the
  // core checks every value it takes from here against its schema anyway.
  function read(): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  function write(values: Record<string, unknown>): void {
    mkdirSync(options.dataDir, { recursive: true });
    // Tabs, as conf writes it, so the file reads the same whichever app wrote it last.
    writeFileAtomic.sync(path, JSON.stringify(values, undefined, '\t'));
  }

  return {
    get: (key) => read()[key],
    set: (key, value) => {
      const values = read();
      if (value === undefined) delete values[key];
      else values[key] = value;
      write(values);
    },
    delete: (key) => {
      const values = read();
      if (!(key in values)) return;
      delete values[key];
      write(values);
    },
  };
}
