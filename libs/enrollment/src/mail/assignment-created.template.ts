import {
  formatInstant,
  layout,
  LocalizedPayload,
  MailLocale,
  MailParts,
  MailTemplate,
  RenderedMail,
} from '@beacon/core/mail';

export interface AssignmentCreatedMail extends LocalizedPayload {
  recipientName: string;
  courseTitle: string;
  cohortName: string;
  /** ISO instant, or null when the assignment has no due date. */
  dueAt: string | null;
  /** The zone the due date is shown in (the member's site, else the organization's); UTC when absent. */
  timeZone?: string;
  url: string;
}

type Words = (
  mail: AssignmentCreatedMail,
  providerName: string,
  due: string | null,
) => Omit<MailParts, 'locale'>;

const WORDS: Record<MailLocale, Words> = {
  en: (mail, providerName, due) => ({
    subject: `New training assigned: ${mail.courseTitle}`,
    greeting: `Hello ${mail.recipientName},`,
    paragraphs: [
      `You have been assigned "${mail.courseTitle}" (${mail.cohortName}). ${due ? `It is due by ${due}.` : 'It has no due date.'}`,
      'The course takes about an hour. You can stop and pick up where you left off; passing the assessment, and the evaluation where the course asks for one, gives you a certificate.',
    ],
    action: { label: 'Start the course', url: mail.url },
    footer: `Sent by Beacon, run by ${providerName}, on behalf of your organization.`,
  }),
  es: (mail, providerName, due) => ({
    subject: `Nueva formación asignada: ${mail.courseTitle}`,
    greeting: `Hola, ${mail.recipientName}:`,
    paragraphs: [
      `Se le ha asignado «${mail.courseTitle}» (${mail.cohortName}). ${due ? `Debe completarla antes del ${due}.` : 'No tiene fecha límite.'}`,
      'El curso dura aproximadamente una hora. Puede interrumpirlo y retomarlo donde lo dejó; al aprobar el examen y, si el curso lo pide, responder la encuesta de valoración, obtendrá un certificado.',
    ],
    action: { label: 'Empezar el curso', url: mail.url },
    footer: `Enviado por Beacon, gestionado por ${providerName}, en nombre de su organización.`,
  }),
};

export function renderAssignmentCreated(
  mail: AssignmentCreatedMail,
  providerName: string,
  locale: MailLocale = 'en',
): RenderedMail {
  const due = mail.dueAt ? formatInstant(mail.dueAt, locale, mail.timeZone) : null;
  return layout({ ...WORDS[locale](mail, providerName, due), locale });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    assignment_created: AssignmentCreatedMail;
  }
}

export const assignmentCreatedTemplate: MailTemplate<'assignment_created'> = {
  kind: 'assignment_created',
  render: (mail, context) => renderAssignmentCreated(mail, context.providerName, context.locale),
};
