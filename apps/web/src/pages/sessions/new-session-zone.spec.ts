import { describe, expect, it } from '@jest/globals';
import { zonedInstant, zonedWallClock } from './new-session-zone';

describe('zonedInstant', () => {
  it("reads a wall-clock time in the organization's zone, summer and winter", () => {
    expect(zonedInstant('2031-07-04', '09:30', 'America/Chicago')?.toISOString()).toBe(
      '2031-07-04T14:30:00.000Z',
    );
    expect(zonedInstant('2031-01-15', '09:30', 'America/Chicago')?.toISOString()).toBe(
      '2031-01-15T15:30:00.000Z',
    );
    expect(zonedInstant('2031-01-15', '09:30', 'UTC')?.toISOString()).toBe('2031-01-15T09:30:00.000Z');
  });

  it('lands right on the days the clocks change', () => {
    // 2031-03-09: Chicago moves from -06:00 to -05:00 at 02:00.
    expect(zonedInstant('2031-03-09', '01:30', 'America/Chicago')?.toISOString()).toBe(
      '2031-03-09T07:30:00.000Z',
    );
    expect(zonedInstant('2031-03-09', '03:30', 'America/Chicago')?.toISOString()).toBe(
      '2031-03-09T08:30:00.000Z',
    );
  });

  it('answers null for an incomplete date or time', () => {
    expect(zonedInstant('', '09:30', 'UTC')).toBeNull();
    expect(zonedInstant('2031-01-15', '9', 'UTC')).toBeNull();
  });
});

describe('zonedWallClock', () => {
  it("reads an instant as the zone's wall clock, summer and winter", () => {
    expect(zonedWallClock('2031-07-04T14:30:00.000Z', 'America/Chicago')).toEqual({
      date: '2031-07-04',
      time: '09:30',
    });
    expect(zonedWallClock('2031-01-15T15:30:00Z', 'America/Chicago')).toEqual({
      date: '2031-01-15',
      time: '09:30',
    });
    // Late evening in Chicago is the next day in UTC: the zone's day is the one shown.
    expect(zonedWallClock('2031-01-16T03:15:00Z', 'America/Chicago')).toEqual({
      date: '2031-01-15',
      time: '21:15',
    });
  });

  it('gives back what zonedInstant read, midnight included', () => {
    for (const [date, time] of [
      ['2031-03-09', '03:30'],
      ['2031-11-02', '00:00'],
      ['2031-06-30', '23:45'],
    ] as const) {
      const instant = zonedInstant(date, time, 'America/Chicago')?.toISOString() ?? '';
      expect(zonedWallClock(instant, 'America/Chicago')).toEqual({ date, time });
    }
  });
});
