import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, jobOptions, QueueName } from '@beacon/core/queue';

export interface DeliverNotificationPayload {
  /** null for platform mail (staff invitations, password resets): the job then runs in the platform scope. */
  organizationId: string | null;
  notificationId: string;
}

const RELAY_CHUNK = 1_000;

/** Hands outbox rows to the delivery queue, one job per row, its id being the notification id. */
@Injectable()
export class NotificationRelay {
  private readonly logger = new Logger(NotificationRelay.name);

  constructor(
    @InjectQueue(QueueName.notifications) private readonly queue: Queue,
    @InjectQueue(QueueName.outbox) private readonly outbox: Queue,
  ) {}

  /** After commit. A failure here loses nothing: the periodic poll relays pending rows again. */
  async relay(organizationId: string | null, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      for (let start = 0; start < ids.length; start += RELAY_CHUNK) {
        await this.queue.addBulk(
          ids.slice(start, start + RELAY_CHUNK).map((notificationId) => ({
            name: JobName.deliverNotification,
            data: { organizationId, notificationId } satisfies DeliverNotificationPayload,
            opts: jobOptions(JobName.deliverNotification, notificationId),
          })),
        );
      }
    } catch (error) {
      this.logger.warn({ err: error, count: ids.length }, 'relay failed; the outbox poll will retry');
    }
  }

  /**
   * For a large batch (an import): one job asks the worker to relay the organization's pending rows, so the
   * request's process does not spend seconds queueing thousands of jobs. Rows are safe in the database meanwhile.
   */
  async relayInWorker(organizationId: string | null): Promise<void> {
    try {
      await this.outbox.add(
        JobName.relayOrganizationNotifications,
        { organizationId },
        jobOptions(JobName.relayOrganizationNotifications, organizationId ?? 'platform'),
      );
    } catch (error) {
      this.logger.warn({ err: error, organizationId }, 'relay request failed; the outbox poll will retry');
    }
  }

  /** For rows the poll found: a job that already ended (failed for good) would block a re-add under the same id. */
  async relayAgain(organizationId: string | null, ids: string[]): Promise<void> {
    for (const id of ids) {
      const job = await this.queue.getJob(id);
      if (job && ((await job.isFailed()) || (await job.isCompleted()))) await job.remove();
    }
    await this.relay(organizationId, ids);
  }
}
