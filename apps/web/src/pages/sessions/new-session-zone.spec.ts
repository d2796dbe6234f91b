import { describe, expect, it } from '@jest/globals';
import { zonedInstant } from './new-session-zone';

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
