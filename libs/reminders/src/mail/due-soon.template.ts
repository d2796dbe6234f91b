import { formatDate, layout, MailTemplate } from '@beacon/core/mail';
import type { LearnerReminderMail } from './reminder-mail.types';
import { footer } from './reminder-words';

export const dueSoonTemplate: MailTemplate<'due_soon'> = {
  kind: 'due_soon',
  render: (mail: LearnerReminderMail, context) => {
    const { locale } = context;
    const due = formatDate(mail.dueAt, locale, mail.timeZone);
    const signature = footer(locale, context.providerName, mail.organizationName);
    if (locale === 'es') {
      return layout({
        subject: `Recordatorio: «${mail.courseTitle}» vence el ${due}`,
        greeting: `Hola, ${mail.recipientName}:`,
        paragraphs: [
          `${mail.organizationName} le pide completar «${mail.courseTitle}» a más tardar el ${due}.`,
          'Puede continuar donde lo dejó.',
        ],
        action: { label: 'Continuar el curso', url: mail.url },
        footer: signature,
        locale,
      });
    }
    return layout({
      subject: `Reminder: "${mail.courseTitle}" is due ${due}`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: [
        `${mail.organizationName} asks you to complete "${mail.courseTitle}" by ${due}.`,
        'You can pick up where you left off.',
      ],
      action: { label: 'Continue the course', url: mail.url },
      footer: signature,
      locale,
    });
  },
};
