import type { LocalizedPayload } from '@beacon/core/mail';
import type { SessionInvite } from '../calendar/session-calendar';

/** The session as a registration or cancellation mail tells it, in the session's own zone. */
interface SessionNoticeMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  courseTitle: string;
  startsAt: string;
  timeZone: string;
  location: string;
  url: string;
  /** The calendar invite to attach (`session.ics`), built when the mail is rendered; absent for the waitlisted. */
  invite?: SessionInvite;
}

export interface SessionRegisteredMail extends SessionNoticeMail {
  status: 'registered' | 'waitlisted';
}

export type SessionCancelledMail = SessionNoticeMail;

/** The session changed: its new time and place, with the invite at the raised SEQUENCE. */
export type SessionUpdatedMail = SessionNoticeMail;

declare module '@beacon/core/mail' {
  interface MailKinds {
    live_session_registered: SessionRegisteredMail;
    live_session_cancelled: SessionCancelledMail;
    live_session_updated: SessionUpdatedMail;
  }
}
