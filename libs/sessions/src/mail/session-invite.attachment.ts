import type { MailAttachment } from '@beacon/core/mail';
import { sessionCalendar, SessionInvite } from '../calendar/session-calendar';

/** The invite as `session.ics`; its content type names the iTIP method, as mail clients read it (RFC 6047). */
export function inviteAttachment(invite: SessionInvite | undefined): MailAttachment[] {
  if (!invite) return [];
  const method = invite.cancelled ? 'CANCEL' : 'REQUEST';
  return [
    {
      filename: 'session.ics',
      contentType: `text/calendar; method=${method}; charset=utf-8`,
      content: sessionCalendar(invite),
    },
  ];
}
