import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, logJobFailure, OrganizationJobPayload, QueueName } from '@beacon/core/queue';
import { RelayPendingNotificationsJob } from './relay-pending-notifications.job';

/**
 * The outbox's relays, on a queue of their own: on the delivery queue they would spend the mail rate limit and
 * wait behind deliveries.
 */
@Processor(QueueName.outbox, { concurrency: 4 })
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboxProcessor.name);

  constructor(private readonly relayPending: RelayPendingNotificationsJob) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.relayPendingNotifications:
        return this.relayPending.run();
      case JobName.pollOrganizationOutbox:
        return this.relayPending.poll((job.data as OrganizationJobPayload).organizationId);
      case JobName.relayOrganizationNotifications:
        return this.relayPending.runFor((job.data as { organizationId: string | null }).organizationId);
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.outbox}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
