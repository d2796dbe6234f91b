import type { LocalizedPayload } from '@beacon/core/mail';

/** A waitlisted member got a seat: when and where, in the session's own zone. */
export interface SessionSeatMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  courseTitle: string;
  startsAt: string;
  timeZone: string;
  location: string;
  url: string;
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    live_session_seat: SessionSeatMail;
  }
}
