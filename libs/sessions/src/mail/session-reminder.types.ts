import type { LocalizedPayload } from '@beacon/core/mail';
import type { SessionInvite } from '../calendar/session-calendar';

/**
 * The day-before reminder of a live session (written by the reminder sweep): when and where, in the session's own
 * zone, with the invite attached again.
 */
export interface SessionReminderMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  courseTitle: string;
  /** ISO instant; the start the reminder is about. Read again at send time: a moved session is reminded anew. */
  startsAt: string;
  /** The session's zone. */
  timeZone: string;
  location: string;
  /** `PUBLIC_URL/sessions/:id` */
  url: string;
  /** Read again at send time, with `memberId`: nothing goes about a cancelled session or a seat given up. */
  sessionId: string;
  memberId: string;
  /** The recipient's invite (them as its one ATTENDEE), as `session.ics`. */
  invite?: SessionInvite;
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    live_session_reminder: SessionReminderMail;
  }
}
