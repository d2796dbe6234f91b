import { formatInstant, layout, MailTemplate } from '@beacon/core/mail';
import { inviteAttachment } from './session-invite.attachment';
import type { SessionSeatMail } from './session-mail.types';

/** The time is written in the session's zone, named, since the reader may be elsewhere when they read it. */
export const sessionSeatTemplate: MailTemplate<'live_session_seat'> = {
  kind: 'live_session_seat',
  render: (mail: SessionSeatMail, context) => {
    const { locale } = context;
    const when = formatInstant(mail.startsAt, locale, mail.timeZone);
    if (locale === 'es') {
      return {
        ...layout({
          subject: `Tiene un lugar: ${mail.courseTitle}`,
          greeting: `Hola, ${mail.recipientName}:`,
          paragraphs: [
            `Se liberó un lugar en la sesión presencial de ${mail.courseTitle} y ahora está inscrito.`,
            `Cuándo: ${when}. Dónde: ${mail.location}.`,
          ],
          action: { label: 'Ver mis sesiones', url: mail.url },
          footer: `Enviado por Beacon, gestionado por ${context.providerName}, en nombre de ${mail.organizationName}.`,
          locale,
        }),
        attachments: inviteAttachment(mail.invite),
      };
    }
    return {
      ...layout({
        subject: `You have a seat: ${mail.courseTitle}`,
        greeting: `Hello ${mail.recipientName},`,
        paragraphs: [
          `A seat opened in the live session of ${mail.courseTitle}, and you are now registered.`,
          `When: ${when}. Where: ${mail.location}.`,
        ],
        action: { label: 'See my sessions', url: mail.url },
        footer: `Sent by Beacon, run by ${context.providerName}, on behalf of ${mail.organizationName}.`,
        locale,
      }),
      attachments: inviteAttachment(mail.invite),
    };
  },
};
