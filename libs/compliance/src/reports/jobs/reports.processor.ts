import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  JobName,
  logJobFailure,
  OrganizationJobPayload,
  PROMPT_STALL_RECOVERY,
  QueueName,
} from '@beacon/core/queue';
import type { BuildReportPayload } from '../report-queue';
import { BuildReportJob } from './build-report.job';
import { ReportScheduleSweepJob } from '../../schedules/report-schedule-sweep.job';
import { ReportSweepJob } from './report-sweep.job';

// One report at a time per worker: each holds a database connection and a CPU for the whole file.
@Processor(QueueName.reports, { concurrency: 1, ...PROMPT_STALL_RECOVERY })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly build: BuildReportJob,
    private readonly sweep: ReportSweepJob,
    private readonly schedules: ReportScheduleSweepJob,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.buildReport:
        return this.build.run(
          job.data as BuildReportPayload,
          // attemptsMade counts the attempts that failed before this one.
          job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        );
      case JobName.reportSweep:
        return this.sweep.run();
      case JobName.sweepOrganizationReports:
        return this.sweep.runFor((job.data as OrganizationJobPayload).organizationId);
      case JobName.reportScheduleSweep:
        return this.schedules.run();
      case JobName.sweepOrganizationReportSchedules:
        return this.schedules.runFor((job.data as OrganizationJobPayload).organizationId);
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.reports}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
