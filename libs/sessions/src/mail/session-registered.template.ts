import { formatInstant, layout, MailTemplate } from '@beacon/core/mail';
import type { SessionRegisteredMail } from './session-invite-mail.types';
import { inviteAttachment } from './session-invite.attachment';

/** A registration confirmed: a seat (with the calendar invite) or a place on the waitlist. */
export const sessionRegisteredTemplate: MailTemplate<'live_session_registered'> = {
  kind: 'live_session_registered',
  render: (mail: SessionRegisteredMail, context) => {
    const { locale } = context;
    const when = formatInstant(mail.startsAt, locale, mail.timeZone);
    const attachments = inviteAttachment(mail.invite);
    if (locale === 'es') {
      const waitlisted = mail.status === 'waitlisted';
      return {
        ...layout({
          subject: waitlisted
            ? `En lista de espera: ${mail.courseTitle}`
            : `Inscripción confirmada: ${mail.courseTitle}`,
          greeting: `Hola, ${mail.recipientName}:`,
          paragraphs: [
            waitlisted
              ? `La sesión presencial de ${mail.courseTitle} está completa: está en la lista de espera y le avisaremos si se libera un lugar.`
              : `Está inscrito en la sesión presencial de ${mail.courseTitle}. La invitación de calendario va adjunta.`,
            `Cuándo: ${when}. Dónde: ${mail.location}.`,
          ],
          action: { label: 'Ver mis sesiones', url: mail.url },
          footer: `Enviado por Beacon, gestionado por ${context.providerName}, en nombre de ${mail.organizationName}.`,
          locale,
        }),
        attachments,
      };
    }
    const waitlisted = mail.status === 'waitlisted';
    return {
      ...layout({
        subject: waitlisted
          ? `On the waitlist: ${mail.courseTitle}`
          : `You are registered: ${mail.courseTitle}`,
        greeting: `Hello ${mail.recipientName},`,
        paragraphs: [
          waitlisted
            ? `The live session of ${mail.courseTitle} is full: you are on the waitlist, and we will tell you if a seat opens.`
            : `You are registered for the live session of ${mail.courseTitle}. The calendar invite is attached.`,
          `When: ${when}. Where: ${mail.location}.`,
        ],
        action: { label: 'See my sessions', url: mail.url },
        footer: `Sent by Beacon, run by ${context.providerName}, on behalf of ${mail.organizationName}.`,
        locale,
      }),
      attachments,
    };
  },
};
