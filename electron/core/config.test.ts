import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

const defaults = { dataDir: '/home/someone/.config/harvest-tray' };

describe('readConfig', () => {
  it('uses Harvest’s real hosts and the host’s data folder by default', () => {
    expect(readConfig({}, defaults)).toEqual({
      apiUrl: 'https://api.harvestapp.com/v2',
      idUrl: 'https://id.getharvest.com',
      envCredentials: null,
      dataDir: defaults.dataDir,
      demo: false,
    });
  });

  it('reads every variable and strips trailing slashes from the URLs', () => {
    const config = readConfig(
      {
        HARVEST_API_URL: 'http://127.0.0.1:5050/v2//',
        HARVEST_ID_URL: 'http://127.0.0.1:5050/',
        HARVEST_ACCESS_TOKEN: 'tok',
        HARVEST_ACCOUNT_ID: '100001',
        HARVEST_TRAY_DATA_DIR: '/tmp/tray',
        HARVEST_TRAY_DEMO: '1',
      },
      defaults,
    );
    expect(config).toEqual({
      apiUrl: 'http://127.0.0.1:5050/v2',
      idUrl: 'http://127.0.0.1:5050',
      envCredentials: { token: 'tok', accountId: 100001 },
      dataDir: '/tmp/tray',
      demo: true,
    });
  });

  it('only treats HARVEST_TRAY_DEMO=1 as the demo', () => {
    expect(readConfig({ HARVEST_TRAY_DEMO: '0' }, defaults).demo).toBe(false);
    expect(readConfig({ HARVEST_TRAY_DEMO: 'yes' }, defaults).demo).toBe(false);
  });

  it('wants the token and the account id together', () => {
    expect(() => readConfig({ HARVEST_ACCESS_TOKEN: 'tok' }, defaults)).toThrow(/go together/);
    expect(() => readConfig({ HARVEST_ACCOUNT_ID: '1' }, defaults)).toThrow(ConfigError);
  });

  it('refuses an account id that is not a number, without echoing the token', () => {
    let message = '';
    try {
      readConfig({ HARVEST_ACCESS_TOKEN: 'secret-token', HARVEST_ACCOUNT_ID: 'acme' }, defaults);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/HARVEST_ACCOUNT_ID must be a number/);
    expect(message).not.toContain('secret-token');
    expect(() =>
      readConfig({ HARVEST_ACCESS_TOKEN: 't', HARVEST_ACCOUNT_ID: '12.5' }, defaults),
    ).toThrow(ConfigError);
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => readConfig({ HARVEST_API_URL: 'ftp://example.com' }, defaults)).toThrow(/HARVEST_API_URL/);
    expect(() => readConfig({ HARVEST_ID_URL: 'not a url' }, defaults)).toThrow(/HARVEST_ID_URL/);
  });

  it.each(['http://127.0.0.1:5050/v2', 'http://127.1.2.3/v2', 'http://localhost:5050', 'http://[::1]:5050/v2'])(
    'lets plain http reach a loopback address (the simulator): %s',
    (url) => {
      expect(readConfig({ HARVEST_API_URL: url, HARVEST_ID_URL: url }, defaults).apiUrl).toBe(url);
    },
  );

  it.each([
    ['HARVEST_API_URL', 'http://api.harvestapp.com/v2'],
    ['HARVEST_ID_URL', 'http://id.getharvest.com'],
    ['HARVEST_API_URL', 'http://127.0.0.1.evil.example/v2'],
    ['HARVEST_API_URL', 'http://localhost.evil.example/v2'],
    ['HARVEST_API_URL', 'http://10.0.0.5:5050/v2'],
    ['HARVEST_ID_URL', 'http://[::ffff:7f00:1]:5050'],
  ])('refuses plain http to anything but this computer: %s=%s', (name, url) => {
    let message = '';
    try {
      readConfig({ [name]: url }, defaults);
    } catch (error) {
      message = error instanceof ConfigError ? error.message : String(error);
    }
    expect(message).toBe(
      `${name} uses plain http, which would send your Harvest token unencrypted: use https, or http only to this computer (127.0.0.1 or localhost).`,
    );
  });
});
