// The JsonStore the command line keeps settings and reference caches in: the desktop app's own
// electron-store file, read afresh at every get (so what the tray wrote a moment ago counts) and
// written atomically with write-file-atomic (a crash leaves the old file or the new, never half),
// for this user alone. Not conf, which electron-store is built on: conf brings a JSON-schema
// validator whose loading alone is the largest share of the command line's cold start, for
// features the core never uses. An unreadable file is set aside as the tray's store does
// (core/storage/jsonFileStore.ts), never overwritten.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { JsonStore } from '../core/ports';
import { JsonFileGuard, PRIVATE_MODE } from '../core/storage/jsonFileStore';

const SETTINGS_LOST =
  'Your settings are back to their defaults; projects and account details are loaded from Harvest again.';

export function jsonFileStore(options: { dataDir: string; name: string }): JsonStore {
  const path = join(options.dataDir, `${options.name}.json`);
  const guard = new JsonFileGuard(path, SETTINGS_LOST);
  guard.setAsideIfUnreadable();
  guard.makePrivate();

  // A missing file reads as empty; one that turned unreadable is set aside first, then reads as
  // empty. The core checks every value it takes from here against its schema anyway.
  function read(): Record<string, unknown> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // Missing, or not JSON: the guard below tells which.
      }
      if (!guard.setAsideIfUnreadable()) break;
    }
    return {};
  }

  function write(values: Record<string, unknown>): void {
    mkdirSync(options.dataDir, { recursive: true });
    // Tabs, as conf writes it, so the file reads the same whichever app wrote it last.
    writeFileAtomic.sync(path, JSON.stringify(values, undefined, '\t'), { mode: PRIVATE_MODE });
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
    onSetAside: (listener) => guard.onSetAside(listener),
  };
}
