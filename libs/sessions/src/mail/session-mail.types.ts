import type { LocalizedPayload } from '@beacon/core/mail';
import type { SessionInvite } from '../calendar/session-calendar';

/** A waitlisted member got a seat: when and where, in the session's own zone. */
export interface SessionSeatMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  courseTitle: string;
  startsAt: string;
  timeZone: string;
  location: string;
  url: string;
  /** The calendar invite for the seat (`session.ics`), built when the mail is rendered. */
  invite?: SessionInvite;
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    live_session_seat: SessionSeatMail;
  }
}
