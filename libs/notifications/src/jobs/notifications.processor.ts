import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, logJobFailure, QueueName } from '@beacon/core/queue';
import type { DeliverNotificationPayload } from '../notification-relay.service';
import { DeliverNotificationJob } from './deliver-notification.job';
import { RelayPendingNotificationsJob } from './relay-pending-notifications.job';

@Processor(QueueName.notifications, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly deliver: DeliverNotificationJob,
    private readonly relayPending: RelayPendingNotificationsJob,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.deliverNotification: {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.deliver.run(job.data as DeliverNotificationPayload, finalAttempt);
      }
      case JobName.relayPendingNotifications:
        return this.relayPending.run();
      case JobName.relayOrganizationNotifications:
        return this.relayPending.runFor((job.data as { organizationId: string | null }).organizationId);
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.notifications}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
