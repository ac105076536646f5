// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimeEntry } from '../../../shared/domain';
import { formatHours } from '../../../shared/hours';
import { useClockStore } from '../stores/clockStore';
import { makeEntry } from '../testing/fakeHarvestTray';
import { EntryRow } from './EntryRow';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const noop = () => undefined;

function renderRow(entry: TimeEntry) {
  render(
    <ul>
      <EntryRow entry={entry} formatHours={(hours) => formatHours(hours, 'hours_minutes')} onStop={noop} onRestart={noop} onEdit={noop} onDelete={noop} />
    </ul>,
  );
  return screen.getByRole('listitem');
}

describe('EntryRow', () => {
  it('shows client, project, task, notes and hours of a stopped entry, with its three actions', () => {
    const row = renderRow(makeEntry({ hours: 1.5 }));
    expect(row).toHaveTextContent('Website Redesign');
    expect(row).toHaveTextContent('Acme Corp');
    expect(row).toHaveTextContent('Design');
    expect(row).toHaveTextContent('Homepage wireframes');
    expect(row).toHaveTextContent('1:30');
    for (const name of ['Restart timer', 'Edit entry', 'Delete entry']) expect(within(row).getByRole('button', { name })).toBeEnabled();
    expect(within(row).queryByRole('button', { name: 'Stop timer' })).toBeNull();
  });

  it('ticks a running entry from its own timer fields, ignoring the stale hours snapshot', () => {
    const start = new Date('2026-11-21T10:00:00Z');
    useClockStore.setState({ now: start });
    const row = renderRow(
      makeEntry({ isRunning: true, hours: 9.99, hoursWithoutTimer: 0.5, timerStartedAt: '2026-11-21T09:30:00Z' }),
    );
    // 0.5 h before + 30 min running
    expect(row).toHaveTextContent('1:00');
    expect(row).toHaveTextContent('Running');
    expect(within(row).getByRole('button', { name: 'Stop timer' })).toBeInTheDocument();
    act(() => useClockStore.setState({ now: new Date(start.getTime() + 15 * 60_000) }));
    expect(row).toHaveTextContent('1:15');
  });

  it('a locked entry shows its reason and offers no action that would change it', () => {
    const row = renderRow(makeEntry({ isLocked: true, lockedReason: 'Item Approved and Locked for this Time Period' }));
    expect(row).toHaveTextContent('Item Approved and Locked for this Time Period');
    expect(within(row).queryAllByRole('button')).toHaveLength(0);
  });

  it('an entry Harvest has not confirmed yet has its actions disabled', () => {
    const row = renderRow(makeEntry({ id: -1 }));
    for (const button of within(row).getAllByRole('button')) expect(button).toBeDisabled();
  });
});
