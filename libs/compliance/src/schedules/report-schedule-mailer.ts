import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { DomainEvents } from '@beacon/core/events';
import { isMailLocale } from '@beacon/core/mail';
import { Clock } from '@beacon/core/time';
import { OutboxService } from '@beacon/notifications';
import type { ReportFinishedEvent } from '../reports/report-finished.event';
import { ReportScheduleRunRepository } from './report-schedule-run.repository';

/**
 * Writes a scheduled report's mail once its report has finished: one per recipient, through the outbox, with a
 * dedupe key per schedule, period and address, and the run marked mailed in the same transaction. So it goes out
 * once, whether the build's own transaction wrote it (the usual way, as the report is marked) or the sweep did
 * (after a crash between the two). A ready report mails a link to the signed-in reports page; a failed one a short
 * notice with the same link (the reason is shown there, not in the mail); an expired one (ready, then not mailed
 * before its retention ran out) nothing.
 */
@Injectable()
export class ReportScheduleMailer implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly runs: ReportScheduleRunRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('report.finished', async (event: ReportFinishedEvent) => {
      await this.mail(event.reportId);
    });
  }

  /** In the caller's transaction, in the report's organization. Whether the run's mail was written now. */
  async mail(reportId: string): Promise<boolean> {
    const run = await this.runs.finished(reportId);
    if (!run) return false;
    if (run.report_status !== 'expired') {
      const recipients = await this.runs.recipients(run);
      const outcome = run.report_status === 'ready' ? 'ready' : 'failed';
      await this.outbox.enqueueMany(
        recipients.map((recipient) => ({
          kind: 'report_schedule' as const,
          recipientEmail: recipient.email,
          recipientUserId: recipient.user_id,
          dedupeKey: `report-schedule:${run.schedule_id}:${run.period_start}:${recipient.email}`,
          payload: {
            recipientName: recipient.name,
            organizationName: run.organization_name,
            reportType: run.type,
            frequency: run.frequency,
            periodStart: run.period_start,
            outcome,
            url: `${this.config.publicUrl}/reports?id=${reportId}`,
            locale: isMailLocale(recipient.locale) ? recipient.locale : 'en',
          },
        })),
      );
    }
    await this.runs.markMailed(run.id, this.clock.now());
    return true;
  }
}
