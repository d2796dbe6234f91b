import { describe, expect, it } from '@jest/globals';
import { session } from './live-session.fixture';
import { inviteResent, sessionChanges } from './session-changes';
import { sessionFormValues } from './session-form-values';

describe('sessionChanges', () => {
  const values = sessionFormValues(session);

  it('is empty when nothing changed, facilitators in another order and spaces around the location aside', () => {
    expect(
      sessionChanges(session, { ...values, facilitatorIds: ['f-1', 'f-2'], location: ' Room 2 ' }),
    ).toEqual({});
  });

  it('moves both ends when the start moves, and only the end when the length changes', () => {
    expect(sessionChanges(session, { ...values, time: '10:30' })).toEqual({
      startsAt: '2031-07-04T15:30:00.000Z',
      endsAt: '2031-07-04T17:30:00.000Z',
    });
    expect(sessionChanges(session, { ...values, durationMinutes: 90 })).toEqual({
      endsAt: '2031-07-04T15:30:00.000Z',
    });
  });

  it('sends each other field only when it changed, capacity as a number', () => {
    expect(
      sessionChanges(session, {
        ...values,
        siteId: 'site-2',
        location: 'Room 3 ',
        capacity: '25',
        facilitatorIds: ['f-3'],
      }),
    ).toEqual({ siteId: 'site-2', location: 'Room 3', capacity: 25, facilitatorIds: ['f-3'] });
  });
});

describe('inviteResent', () => {
  it('is true for a scheduled session with seats taken whose time or place changed', () => {
    expect(inviteResent(session, { startsAt: '2031-07-04T15:00:00.000Z' })).toBe(true);
    expect(inviteResent(session, { location: 'Room 3' })).toBe(true);
  });

  it('is false for a capacity or facilitators change, a draft, or nobody seated', () => {
    expect(inviteResent(session, { capacity: 30, facilitatorIds: ['f-3'] })).toBe(false);
    expect(inviteResent({ ...session, status: 'draft' }, { location: 'Room 3' })).toBe(false);
    expect(inviteResent({ ...session, registeredCount: 0 }, { location: 'Room 3' })).toBe(false);
  });
});
