import { formatInstant, layout, MailTemplate } from '@beacon/core/mail';
import type { SessionCancelledMail } from './session-invite-mail.types';
import { inviteAttachment } from './session-invite.attachment';

/** A session called off: its invite (METHOD:CANCEL) takes it out of the reader's calendar. */
export const sessionCancelledTemplate: MailTemplate<'live_session_cancelled'> = {
  kind: 'live_session_cancelled',
  render: (mail: SessionCancelledMail, context) => {
    const { locale } = context;
    const when = formatInstant(mail.startsAt, locale, mail.timeZone);
    const attachments = inviteAttachment(mail.invite);
    if (locale === 'es') {
      return {
        ...layout({
          subject: `Sesión cancelada: ${mail.courseTitle}`,
          greeting: `Hola, ${mail.recipientName}:`,
          paragraphs: [
            `La sesión presencial de ${mail.courseTitle} se ha cancelado.`,
            `Era: ${when}. Dónde: ${mail.location}.`,
          ],
          action: { label: 'Ver mis sesiones', url: mail.url },
          footer: `Enviado por Beacon, gestionado por ${context.providerName}, en nombre de ${mail.organizationName}.`,
          locale,
        }),
        attachments,
      };
    }
    return {
      ...layout({
        subject: `Session cancelled: ${mail.courseTitle}`,
        greeting: `Hello ${mail.recipientName},`,
        paragraphs: [
          `The live session of ${mail.courseTitle} has been cancelled.`,
          `It was: ${when}. Where: ${mail.location}.`,
        ],
        action: { label: 'See my sessions', url: mail.url },
        footer: `Sent by Beacon, run by ${context.providerName}, on behalf of ${mail.organizationName}.`,
        locale,
      }),
      attachments,
    };
  },
};
