import { describe, expect, it } from '@jest/globals';
import { session } from './live-session.fixture';
import { sessionFormErrors, sessionFormValues } from './session-form-values';

describe('sessionFormValues', () => {
  it("shows the session on its own zone's wall clock, its length in minutes", () => {
    expect(sessionFormValues(session)).toEqual({
      courseId: 'c-1',
      siteId: 'site-1',
      date: '2031-07-04',
      time: '09:00',
      durationMinutes: 120,
      location: 'Room 2',
      capacity: 20,
      facilitatorIds: ['f-2', 'f-1'],
    });
  });
});

describe('sessionFormErrors', () => {
  it("puts the instants' messages on the inputs they come from, the rest on their own field", () => {
    expect(
      sessionFormErrors({ endsAt: 'endsAt must be after startsAt', capacity: 'capacity must be at least 3' }),
    ).toEqual({ durationMinutes: 'endsAt must be after startsAt', capacity: 'capacity must be at least 3' });
    expect(sessionFormErrors({ startsAt: 'bad start' })).toEqual({ date: 'bad start' });
  });
});
