import { Injectable, Logger } from '@nestjs/common';
import { chainReader, readsMembers, TenantTransaction } from '@beacon/core/database';
import { FanOut, JobName, QueueName } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import { ReportQueue } from '../reports/report-queue';
import { ReportScheduleMailer } from './report-schedule-mailer';
import { ReportScheduleRunRepository } from './report-schedule-run.repository';

/** Schedules run per organization and sweep; the next sweep takes the rest. */
const DUE_PER_SWEEP = 100;
const UNMAILED_PER_SWEEP = 100;

export interface ReportScheduleSweepResult {
  started: number;
  paused: number;
  mailed: number;
}

/**
 * Runs the organization's due schedules, each once per period. In one transaction: the due schedules are locked
 * (FOR UPDATE SKIP LOCKED: a sweep beside this one skips them), each gets its period's run and report (UNIQUE per
 * schedule and period) and its next period; the build jobs are queued after commit (a lost one is queued again by
 * the report sweep). A worker killed before the commit leaves the schedule due for the next sweep; after it, the
 * report is there to be built. Then, as a safety net, it writes the mail of finished runs that have none yet.
 *
 * A run's report is requested as the schedule's creator, scoped by their roles at that moment (a manager's
 * reporting chain, or the organization); a creator who is no longer an active member with a reporting role has
 * their schedule paused instead.
 */
@Injectable()
export class ReportScheduleSweepJob {
  private readonly logger = new Logger(ReportScheduleSweepJob.name);

  constructor(
    private readonly fanOut: FanOut,
    private readonly tx: TenantTransaction,
    private readonly runs: ReportScheduleRunRepository,
    private readonly mailer: ReportScheduleMailer,
    private readonly queue: ReportQueue,
    private readonly clock: Clock,
  ) {}

  /** The scheduler's tick: one job per organization. */
  run(): Promise<number> {
    return this.fanOut.perOrganization(QueueName.reports, JobName.sweepOrganizationReportSchedules);
  }

  async runFor(organizationId: string): Promise<ReportScheduleSweepResult> {
    const now = this.clock.now();
    const { started, paused } = await this.tx.withOrganization(organizationId, async () => {
      const reportIds: string[] = [];
      let pausedCount = 0;
      for (const schedule of await this.runs.due(now, DUE_PER_SWEEP)) {
        const roles = schedule.creator_roles ?? [];
        if (!readsMembers(roles)) {
          await this.runs.pause(schedule.id, now);
          pausedCount += 1;
          continue;
        }
        const chainOf = chainReader({ roles, membershipId: schedule.created_by });
        const reportId = await this.runs.start(schedule, chainOf, now);
        if (reportId) reportIds.push(reportId);
        await this.runs.advance(schedule.id, schedule.period_start, now);
      }
      this.tx.onCommit(async () => {
        for (const reportId of reportIds) await this.queue.enqueue({ organizationId, reportId });
      });
      return { started: reportIds.length, paused: pausedCount };
    });
    let mailed = 0;
    const unmailed = await this.tx.withOrganization(organizationId, () =>
      this.runs.unmailed(UNMAILED_PER_SWEEP),
    );
    for (const reportId of unmailed)
      if (await this.tx.withOrganization(organizationId, () => this.mailer.mail(reportId))) mailed += 1;
    const result = { started, paused, mailed };
    if (started + paused + mailed > 0)
      this.logger.log({ organizationId, ...result }, 'report schedule sweep');
    return result;
  }
}
