import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { describeFailure, describeQuickRestart } from './quickRestartNotice';
import { runningEntry, timeEntry } from './testing/entries';

const now = new Date('2026-03-02T10:00:00Z');

describe('quick restart notifications', () => {
  it('names the entry and its time when a timer was stopped', () => {
    const entry = { ...runningEntry(now, 85), isRunning: false, hours: 85 / 60, hoursWithoutTimer: 85 / 60, timerStartedAt: null };
    expect(describeQuickRestart({ action: 'stopped', entry }, now)).toEqual({
      title: 'Timer stopped',
      body: 'Website — Design (1:25)',
    });
  });

  it('tells a restart of today from a new timer for an earlier day', () => {
    const entry = timeEntry();
    expect(describeQuickRestart({ action: 'restarted', entry }, now).title).toBe('Timer restarted');
    expect(describeQuickRestart({ action: 'started-new', entry }, now)).toEqual({
      title: 'New timer started today',
      body: 'Website — Design',
    });
    expect(describeQuickRestart({ action: 'nothing-to-restart', entry: null }, now).title).toBe('Nothing to restart yet');
  });

  it("words a failure with the app's message, and hides anything else", () => {
    const offline = new AppFailure({ kind: 'offline', message: 'Harvest cannot be reached.' });
    expect(describeFailure(offline).body).toBe('Harvest cannot be reached.');
    expect(describeFailure(new Error('token abc123 in a stack')).body).not.toContain('abc123');
  });
});
