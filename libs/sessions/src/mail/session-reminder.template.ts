import { formatInstant, layout, MailTemplate } from '@beacon/core/mail';
import { inviteAttachment } from './session-invite.attachment';
import type { SessionReminderMail } from './session-reminder.types';

/** The day before a live session: the time in the session's zone, named, and the invite again for the calendar. */
export const sessionReminderTemplate: MailTemplate<'live_session_reminder'> = {
  kind: 'live_session_reminder',
  render: (mail: SessionReminderMail, context) => {
    const { locale } = context;
    const when = formatInstant(mail.startsAt, locale, mail.timeZone);
    const attachments = inviteAttachment(mail.invite);
    if (locale === 'es') {
      return {
        ...layout({
          subject: `Recordatorio: sesión presencial de ${mail.courseTitle}, ${when}`,
          greeting: `Hola, ${mail.recipientName}:`,
          paragraphs: [
            `Le recordamos que está inscrito en la sesión presencial de ${mail.courseTitle}.`,
            `Cuándo: ${when}. Dónde: ${mail.location}.`,
            'La invitación de calendario va adjunta.',
          ],
          action: { label: 'Abrir la sesión', url: mail.url },
          footer: `Enviado por Beacon, gestionado por ${context.providerName}, en nombre de ${mail.organizationName}.`,
          locale,
        }),
        attachments,
      };
    }
    return {
      ...layout({
        subject: `Reminder: live session of ${mail.courseTitle}, ${when}`,
        greeting: `Hello ${mail.recipientName},`,
        paragraphs: [
          `A reminder that you are registered for the live session of ${mail.courseTitle}.`,
          `When: ${when}. Where: ${mail.location}.`,
          'The calendar invite is attached.',
        ],
        action: { label: 'Open the session', url: mail.url },
        footer: `Sent by Beacon, run by ${context.providerName}, on behalf of ${mail.organizationName}.`,
        locale,
      }),
      attachments,
    };
  },
};
