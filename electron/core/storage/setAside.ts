// A file the app cannot read (emptied by a full disk, cut short by a crash, edited by hand, left
// by another version) is never deleted and never allowed to stop the app: it is renamed beside
// itself with the time, the app starts afresh, and the user is told once what was reset.
import { chmod, rename } from 'node:fs/promises';
import { chmodSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** What was set aside, for the one notice the user gets about it. */
export interface SetAsideFile {
  /** Where the file was, e.g. /home/ana/.config/Harvest Tray/web-host-store.json */
  path: string;
  /** Where it is kept now, beside it: web-host-store.unreadable-2026-11-21T09-30-00-000Z.json */
  keptAs: string;
  /** What starting afresh means for the user, e.g. "Your settings are back to their defaults." */
  consequence: string;
}

/** The name a set-aside file gets: the time, with no character a file system could refuse. */
export function setAsidePath(path: string, now: Date): string {
  const extension = extname(path);
  const stem = basename(path, extension);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(path), `${stem}.unreadable-${stamp}${extension}`);
}

/** Kept for this user alone, whatever an older version left it as: it may hold their data. */
const PRIVATE_MODE = 0o600;

export function setAsideSync(path: string, now: Date, consequence: string): SetAsideFile {
  const keptAs = setAsidePath(path, now);
  renameSync(path, keptAs);
  chmodSync(keptAs, PRIVATE_MODE);
  return { path, keptAs, consequence };
}

export async function setAside(path: string, now: Date, consequence: string): Promise<SetAsideFile> {
  const keptAs = setAsidePath(path, now);
  await rename(path, keptAs);
  await chmod(keptAs, PRIVATE_MODE);
  return { path, keptAs, consequence };
}

/** The sentence the popover shows, once. */
export function describeSetAside(file: SetAsideFile): string {
  return `Harvest Tray could not read ${basename(file.path)} and started without it. ${file.consequence} The unreadable file is kept as ${basename(file.keptAs)} in ${dirname(file.keptAs)}.`;
}
