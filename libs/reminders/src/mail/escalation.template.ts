import { formatDate, layout, MailLocale, MailTemplate } from '@beacon/core/mail';
import type { EscalatedReport, EscalationDigestMail } from './reminder-mail.types';
import { footer } from './reminder-words';

function line(report: EscalatedReport, timeZone: string, locale: MailLocale): string {
  const due = formatDate(report.dueAt, locale, timeZone);
  const days = report.daysOverdue;
  return locale === 'es'
    ? `${report.name}: ${report.courseTitle}, vencía el ${due} (${days} ${days === 1 ? 'día' : 'días'} de retraso)`
    : `${report.name}: ${report.courseTitle}, due ${due} (${days} ${days === 1 ? 'day' : 'days'} overdue)`;
}

/** One mail listing every overdue report of the recipient, never one mail per report. */
export const escalationTemplate: MailTemplate<'escalation'> = {
  kind: 'escalation',
  render: (mail: EscalationDigestMail, context) => {
    const { locale } = context;
    const count = mail.reports.length;
    const lines = mail.reports.map((report) => line(report, mail.timeZone, locale));
    const signature = footer(locale, context.providerName, mail.organizationName);
    if (locale === 'es') {
      return layout({
        subject:
          count === 1
            ? `1 persona de su equipo tiene formación vencida en ${mail.organizationName}`
            : `${count} personas de su equipo tienen formación vencida en ${mail.organizationName}`,
        greeting: `Hola, ${mail.recipientName}:`,
        paragraphs: [
          `Estas personas a su cargo en ${mail.organizationName} no han completado la formación obligatoria:`,
          ...lines,
          'Ellas también reciben recordatorios.',
        ],
        action: { label: 'Abrir la vista del equipo', url: mail.url },
        footer: signature,
        locale,
      });
    }
    return layout({
      subject:
        count === 1
          ? `1 person on your team is overdue on training at ${mail.organizationName}`
          : `${count} people on your team are overdue on training at ${mail.organizationName}`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: [
        `These people you are responsible for at ${mail.organizationName} have not completed required training:`,
        ...lines,
        'They are being reminded as well.',
      ],
      action: { label: 'Open the team view', url: mail.url },
      footer: signature,
      locale,
    });
  },
};
