import { formatDate, layout, MailLocale, MailTemplate } from '@beacon/core/mail';
import type { ScheduleFrequency } from '../../dto/report-schedule.dto';
import type { ReportType } from '../../reports/report-source';
import type { ReportScheduleMail } from './report-schedule-mail.types';

const REPORT_NAMES: Record<MailLocale, Record<ReportType, string>> = {
  en: {
    compliance: 'compliance',
    overdue: 'overdue training',
    certificates: 'certificates',
    requirement_gaps: 'state requirement gaps',
  },
  es: {
    compliance: 'cumplimiento',
    overdue: 'capacitación vencida',
    certificates: 'certificados',
    requirement_gaps: 'requisitos estatales pendientes',
  },
};

const FREQUENCIES: Record<MailLocale, Record<ScheduleFrequency, string>> = {
  en: { weekly: 'weekly', monthly: 'monthly' },
  es: { weekly: 'semanal', monthly: 'mensual' },
};

function footer(locale: MailLocale, providerName: string, organizationName: string): string {
  return locale === 'es'
    ? `Enviado por Beacon, gestionado por ${providerName}, en nombre de ${organizationName}.`
    : `Sent by Beacon, run by ${providerName}, on behalf of ${organizationName}.`;
}

/**
 * The words only: what report, of which period, and where to get it after signing in. The period is a calendar
 * date, shown as such (in UTC, where a date written at midnight stays that date).
 */
export const reportScheduleTemplate: MailTemplate<'report_schedule'> = {
  kind: 'report_schedule',
  render: (mail: ReportScheduleMail, context) => {
    const { locale } = context;
    const report = REPORT_NAMES[locale][mail.reportType];
    const frequency = FREQUENCIES[locale][mail.frequency];
    const period = formatDate(`${mail.periodStart}T00:00:00Z`, locale, 'UTC');
    const signature = footer(locale, context.providerName, mail.organizationName);
    if (locale === 'es') {
      const ready = mail.outcome === 'ready';
      return layout({
        subject: ready
          ? `Su informe ${frequency} de ${report} está listo (${mail.organizationName})`
          : `No se pudo generar su informe ${frequency} de ${report} (${mail.organizationName})`,
        greeting: `Hola, ${mail.recipientName}:`,
        paragraphs: ready
          ? [
              `El informe programado de ${report} de ${mail.organizationName} del período que empieza el ${period} está listo.`,
              'Inicie sesión en Beacon para descargarlo. Este mensaje no lo adjunta, porque contiene datos de licencias del personal.',
            ]
          : [
              `El informe programado de ${report} de ${mail.organizationName} del período que empieza el ${period} no se pudo generar.`,
              'Inicie sesión en Beacon para ver el motivo y solicitarlo de nuevo.',
            ],
        action: { label: 'Abrir los informes', url: mail.url },
        footer: signature,
        locale,
      });
    }
    const ready = mail.outcome === 'ready';
    return layout({
      subject: ready
        ? `Your ${frequency} ${report} report is ready (${mail.organizationName})`
        : `Your ${frequency} ${report} report could not be built (${mail.organizationName})`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: ready
        ? [
            `The scheduled ${report} report of ${mail.organizationName} for the period starting ${period} is ready.`,
            'Sign in to Beacon to download it. It is not attached to this message because it holds staff license details.',
          ]
        : [
            `The scheduled ${report} report of ${mail.organizationName} for the period starting ${period} could not be built.`,
            'Sign in to Beacon to see why and to request it again.',
          ],
      action: { label: 'Open reports', url: mail.url },
      footer: signature,
      locale,
    });
  },
};
