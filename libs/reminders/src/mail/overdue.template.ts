import { formatDate, layout, MailTemplate } from '@beacon/core/mail';
import type { LearnerReminderMail } from './reminder-mail.types';
import { footer } from './reminder-words';

export const overdueTemplate: MailTemplate<'overdue'> = {
  kind: 'overdue',
  render: (mail: LearnerReminderMail, context) => {
    const { locale } = context;
    const due = formatDate(mail.dueAt, locale, mail.timeZone);
    const signature = footer(locale, context.providerName, mail.organizationName);
    if (locale === 'es') {
      return layout({
        subject: `Vencido: «${mail.courseTitle}» vencía el ${due}`,
        greeting: `Hola, ${mail.recipientName}:`,
        paragraphs: [
          `«${mail.courseTitle}» vencía el ${due} y todavía no está completo. ${mail.organizationName} necesita que lo complete.`,
        ],
        action: { label: 'Completar el curso', url: mail.url },
        footer: signature,
        locale,
      });
    }
    return layout({
      subject: `Overdue: "${mail.courseTitle}" was due ${due}`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: [
        `"${mail.courseTitle}" was due on ${due} and is not complete yet. ${mail.organizationName} still needs you to complete it.`,
      ],
      action: { label: 'Complete the course', url: mail.url },
      footer: signature,
      locale,
    });
  },
};
