import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { FanOut, JobName, QueueName } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import { ReportFiles } from '../files/report-files';
import { ReportQueue } from '../report-queue';
import { ReportRepository } from '../report.repository';

/** A report nothing moved for this long (queued, or running without progress) has its job asked for again. */
const IDLE_SECONDS = 30;
/** Expired files deleted per organization and sweep; the next sweep takes the rest. */
const EXPIRED_PER_SWEEP = 500;

export interface ReportSweepResult {
  expired: number;
  requeued: number;
}

/**
 * Retention and the safety net of report jobs. Expired reports (REPORT_RETENTION_DAYS after they were ready) have
 * their files deleted, then are marked `expired` (the row stays, as a record of what was exported when; a
 * download answers 410). Reports left waiting or running without progress are queued again: under the report's
 * job id, so a job that still exists is left alone, and a report whose job Redis lost gets one.
 */
@Injectable()
export class ReportSweepJob {
  private readonly logger = new Logger(ReportSweepJob.name);

  constructor(
    private readonly fanOut: FanOut,
    private readonly tx: TenantTransaction,
    private readonly reports: ReportRepository,
    private readonly files: ReportFiles,
    private readonly queue: ReportQueue,
    private readonly clock: Clock,
  ) {}

  /** The scheduler's tick: one job per organization. */
  run(): Promise<number> {
    return this.fanOut.perOrganization(QueueName.reports, JobName.sweepOrganizationReports);
  }

  async runFor(organizationId: string): Promise<ReportSweepResult> {
    const now = this.clock.now();
    const expired = await this.tx.withOrganization(organizationId, () =>
      this.reports.expired(now, EXPIRED_PER_SWEEP),
    );
    // Files first: a row marked expired never points at a file left behind; deleting twice is harmless.
    for (const report of expired) await this.files.remove(report.file_name);
    if (expired.length > 0)
      await this.tx.withOrganization(organizationId, () =>
        this.reports.markExpired(expired.map((report) => report.id)),
      );
    const idle = await this.tx.withOrganization(organizationId, () => this.reports.idle(now, IDLE_SECONDS));
    for (const reportId of idle) await this.queue.enqueue({ organizationId, reportId });
    const result = { expired: expired.length, requeued: idle.length };
    if (result.expired + result.requeued > 0) this.logger.log({ organizationId, ...result }, 'report sweep');
    return result;
  }
}
