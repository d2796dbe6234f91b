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
import { ReminderSweepJob } from '../reminder-sweep.job';

@Processor(QueueName.reminders, PROMPT_STALL_RECOVERY)
export class RemindersProcessor extends WorkerHost {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(private readonly sweep: ReminderSweepJob) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.reminderSweep:
        return this.sweep.run();
      case JobName.sweepOrganizationReminders:
        return this.sweep.runFor((job.data as OrganizationJobPayload).organizationId);
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.reminders}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
