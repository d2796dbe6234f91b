import { formatDate, layout, MailLocale, MailTemplate } from '@beacon/core/mail';
import type { LearnerReminderMail } from './reminder-mail.types';
import { footer } from './reminder-words';

/** What differs between a learner's reminders: the subject, the body and the button, per language. */
type Words = (
  mail: LearnerReminderMail,
  due: string,
) => { subject: string; paragraphs: string[]; actionLabel: string };

/** A learner's reminder (`due_soon`, `overdue`): greeting, due date in their zone, deep link, signature. */
function learnerReminderTemplate<K extends 'due_soon' | 'overdue'>(
  kind: K,
  words: Record<MailLocale, Words>,
): MailTemplate<K> {
  return {
    kind,
    render: (mail: LearnerReminderMail, context) => {
      const { locale } = context;
      const { subject, paragraphs, actionLabel } = words[locale](
        mail,
        formatDate(mail.dueAt, locale, mail.timeZone),
      );
      return layout({
        subject,
        greeting: locale === 'es' ? `Hola, ${mail.recipientName}:` : `Hello ${mail.recipientName},`,
        paragraphs,
        action: { label: actionLabel, url: mail.url },
        footer: footer(locale, context.providerName, mail.organizationName),
        locale,
      });
    },
  };
}

export const dueSoonTemplate = learnerReminderTemplate('due_soon', {
  en: (mail, due) => ({
    subject: `Reminder: "${mail.courseTitle}" is due ${due}`,
    paragraphs: [
      `${mail.organizationName} asks you to complete "${mail.courseTitle}" by ${due}.`,
      'You can pick up where you left off.',
    ],
    actionLabel: 'Continue the course',
  }),
  es: (mail, due) => ({
    subject: `Recordatorio: «${mail.courseTitle}» vence el ${due}`,
    paragraphs: [
      `${mail.organizationName} le pide completar «${mail.courseTitle}» a más tardar el ${due}.`,
      'Puede continuar donde lo dejó.',
    ],
    actionLabel: 'Continuar el curso',
  }),
});

export const overdueTemplate = learnerReminderTemplate('overdue', {
  en: (mail, due) => ({
    subject: `Overdue: "${mail.courseTitle}" was due ${due}`,
    paragraphs: [
      `"${mail.courseTitle}" was due on ${due} and is not complete yet. ${mail.organizationName} still needs you to complete it.`,
    ],
    actionLabel: 'Complete the course',
  }),
  es: (mail, due) => ({
    subject: `Vencido: «${mail.courseTitle}» vencía el ${due}`,
    paragraphs: [
      `«${mail.courseTitle}» vencía el ${due} y todavía no está completo. ${mail.organizationName} necesita que lo complete.`,
    ],
    actionLabel: 'Completar el curso',
  }),
});
