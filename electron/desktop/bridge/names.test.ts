import { describe, expect, it } from 'vitest';
import { API_GLOBAL as contractGlobal, channelNames, eventNames } from '../../../shared/contract';
import { API_GLOBAL, bridgeChannels, bridgeEvents } from './names';

describe('bridge names', () => {
  it('lists exactly the contract channels and events', () => {
    expect([...bridgeChannels].sort()).toEqual([...channelNames].sort());
    expect([...bridgeEvents].sort()).toEqual([...eventNames].sort());
  });

  it('exposes the API under the contract global', () => {
    expect(API_GLOBAL).toBe(contractGlobal);
  });
});
