import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './coreHarness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close().catch(() => {});
  harness = null;
});

describe('the core harness holds the core to the contract', () => {
  it('fails a test whose reply does not fit the channel’s response schema', async () => {
    harness = await startHarness();
    const bent = harness.core.handlers as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    bent['settings.get'] = async () => ({ hoursDisplay: 'weeks' });
    await expect(harness.call('settings.get')).rejects.toThrow(/broke the contract:\nreply to settings.get/);
  });
});
