import type { LiveSession } from './sessions.queries';

/** A scheduled session, 09:00–11:00 in Chicago (summer), three seats taken. */
export const session: LiveSession = {
  id: 's-1',
  organizationId: 'o-1',
  courseId: 'c-1',
  courseTitle: 'Hand hygiene',
  siteId: 'site-1',
  siteName: 'Main',
  startsAt: '2031-07-04T14:00:00.000Z',
  endsAt: '2031-07-04T16:00:00.000Z',
  timezone: 'America/Chicago',
  location: 'Room 2',
  capacity: 20,
  status: 'scheduled',
  sequence: 0,
  trainingRequestId: null,
  facilitators: [
    { id: 'f-2', name: 'Bo' },
    { id: 'f-1', name: 'Al' },
  ],
  registeredCount: 3,
  waitlistCount: 0,
  registrationClosesAt: '2031-07-04T14:00:00.000Z',
};
