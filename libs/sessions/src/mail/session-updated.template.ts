import { formatInstant, layout, MailTemplate } from '@beacon/core/mail';
import type { SessionUpdatedMail } from './session-invite-mail.types';
import { inviteAttachment } from './session-invite.attachment';

/** A session moved or changed place: its invite (METHOD:REQUEST, a higher SEQUENCE) updates the calendar entry. */
export const sessionUpdatedTemplate: MailTemplate<'live_session_updated'> = {
  kind: 'live_session_updated',
  render: (mail: SessionUpdatedMail, context) => {
    const { locale } = context;
    const when = formatInstant(mail.startsAt, locale, mail.timeZone);
    const attachments = inviteAttachment(mail.invite);
    if (locale === 'es') {
      return {
        ...layout({
          subject: `Sesión modificada: ${mail.courseTitle}`,
          greeting: `Hola, ${mail.recipientName}:`,
          paragraphs: [
            `La sesión presencial de ${mail.courseTitle} ha cambiado. Su lugar sigue reservado.`,
            `Ahora: ${when}. Dónde: ${mail.location}.`,
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
        subject: `Session changed: ${mail.courseTitle}`,
        greeting: `Hello ${mail.recipientName},`,
        paragraphs: [
          `The live session of ${mail.courseTitle} has changed. Your seat is kept.`,
          `Now: ${when}. Where: ${mail.location}.`,
        ],
        action: { label: 'See my sessions', url: mail.url },
        footer: `Sent by Beacon, run by ${context.providerName}, on behalf of ${mail.organizationName}.`,
        locale,
      }),
      attachments,
    };
  },
};
