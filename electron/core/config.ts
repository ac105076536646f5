// Configuration from the environment, read the same way by every host (README "Configuration").
// Bad values fail loudly at start: a typo in an account id must not look like a wrong password.
import * as z from 'zod';
import type { AppConfig } from './ports';

const DEFAULT_API_URL = 'https://api.harvestapp.com/v2';
const DEFAULT_ID_URL = 'https://id.getharvest.com';

const httpUrl = z.url({ protocol: /^https?$/ });
const accountIdText = z.string().regex(/^\d+$/, 'must be a number such as 123456');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: NodeJS.ProcessEnv, defaults: { dataDir: string }): AppConfig {
  return {
    apiUrl: readUrl(env, 'HARVEST_API_URL', DEFAULT_API_URL),
    idUrl: readUrl(env, 'HARVEST_ID_URL', DEFAULT_ID_URL),
    envCredentials: readCredentials(env),
    dataDir: nonEmpty(env.HARVEST_TRAY_DATA_DIR) ?? defaults.dataDir,
    demo: env.HARVEST_TRAY_DEMO === '1',
  };
}

function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = nonEmpty(env[name]) ?? fallback;
  if (!httpUrl.safeParse(value).success) {
    throw new ConfigError(`${name} must be an http(s) URL, for example ${fallback}.`);
  }
  // Every request carries the token: over plain http it could be read on the way, except on the
  // way to this computer itself (the simulator, `npm run sim`).
  const url = new URL(value);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `${name} uses plain http, which would send your Harvest token unencrypted: use https, or http only to this computer (127.0.0.1 or localhost).`,
    );
  }
  // Paths are joined onto the base, so "…/v2/" and "…/v2" must mean the same thing.
  return value.replace(/\/+$/, '');
}

/** Hosts that name this computer. URL has already written IPv4 in full ("127.1" -> "127.0.0.1"). */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function readCredentials(env: NodeJS.ProcessEnv): AppConfig['envCredentials'] {
  const token = nonEmpty(env.HARVEST_ACCESS_TOKEN);
  const accountIdValue = nonEmpty(env.HARVEST_ACCOUNT_ID);
  if (token === undefined && accountIdValue === undefined) return null;
  if (token === undefined || accountIdValue === undefined) {
    throw new ConfigError(
      'HARVEST_ACCESS_TOKEN and HARVEST_ACCOUNT_ID go together: set both, or neither to sign in from the app.',
    );
  }
  const parsed = accountIdText.safeParse(accountIdValue);
  const accountId = Number(accountIdValue);
  if (!parsed.success || !Number.isSafeInteger(accountId) || accountId <= 0) {
    // The value itself is safe to show; the token never is.
    throw new ConfigError(
      `HARVEST_ACCOUNT_ID must be a number such as 123456 (got "${accountIdValue.slice(0, 40)}").`,
    );
  }
  return { token, accountId };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
