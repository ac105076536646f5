// findChromium on this machine: its environment, its files, and where this Playwright version
// keeps its own Chromium (PLAYWRIGHT_BROWSERS_PATH included).
import { chromium } from '@playwright/test';
import { statSync } from 'node:fs';
import { findChromium, type ChromiumFound } from './findChromium';

export function chromiumHere(env: NodeJS.ProcessEnv = process.env): ChromiumFound {
  return findChromium({ env, platform: process.platform, isFile, playwrightChromium });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}
