import type { LiveSessionRow, LiveSessionStatus, MyStanding } from './live-session.repository';

export interface LiveSessionView {
  id: string;
  organizationId: string;
  courseId: string;
  courseTitle: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string;
  capacity: number;
  status: LiveSessionStatus;
  sequence: number;
  trainingRequestId: string | null;
  facilitators: Array<{ id: string; name: string }>;
  registeredCount: number;
  waitlistCount: number;
  registrationClosesAt: string;
}

export const liveSessionView = (row: LiveSessionRow): LiveSessionView => ({
  id: row.id,
  organizationId: row.organization_id,
  courseId: row.course_id,
  courseTitle: row.course_title,
  siteId: row.site_id,
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  timezone: row.timezone,
  location: row.location,
  capacity: row.capacity,
  status: row.status,
  sequence: row.sequence,
  trainingRequestId: row.training_request_id,
  facilitators: row.facilitators,
  registeredCount: row.registered_count,
  waitlistCount: row.waitlist_count,
  // The cut-off: no registration once the session has started.
  registrationClosesAt: row.starts_at.toISOString(),
});

export interface MyLiveSessionView extends LiveSessionView {
  registrationStatus: 'registered' | 'waitlisted' | null;
  facilitating: boolean;
}

export const myLiveSessionView = (row: LiveSessionRow & MyStanding): MyLiveSessionView => ({
  ...liveSessionView(row),
  registrationStatus: row.registration_status,
  facilitating: row.facilitating,
});
