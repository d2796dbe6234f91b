import type { LocalizedPayload } from '@beacon/core/mail';
import type { ScheduleFrequency } from '../../dto/report-schedule.dto';
import type { ReportType } from '../../reports/report-source';

/**
 * A scheduled report is ready (or failed): a link to the signed-in reports page, never the file nor any of its
 * rows (they hold license numbers).
 */
export interface ReportScheduleMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  reportType: ReportType;
  frequency: ScheduleFrequency;
  /** The period's local start date (YYYY-MM-DD): its Monday, or its 1st. */
  periodStart: string;
  outcome: 'ready' | 'failed';
  /** `PUBLIC_URL/reports?id=<reportId>`: the page asks for sign-in. */
  url: string;
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    report_schedule: ReportScheduleMail;
  }
}
