import { describe, expect, it } from 'vitest';
import { FakeWebContents } from '../../testing/fakeElectron';
import { popoverEventSink } from './events';

describe('popoverEventSink', () => {
  it('sends each event with its payload on the one event channel', () => {
    const contents = new FakeWebContents();
    const emit = popoverEventSink(() => contents);
    emit('ui.navigate', { view: 'review' });
    emit('entries.changed', { dates: ['2026-03-02'] });
    expect(contents.sent).toEqual([
      { channel: 'harvestTray:event', args: [{ event: 'ui.navigate', payload: { view: 'review' } }] },
      { channel: 'harvestTray:event', args: [{ event: 'entries.changed', payload: { dates: ['2026-03-02'] } }] },
    ]);
  });

  it('drops events while there is no live popover', () => {
    const emit = popoverEventSink(() => null);
    expect(() => emit('ui.shown', {})).not.toThrow();
  });
});
