import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { JobName, logJobFailure, PROMPT_STALL_RECOVERY, QueueName } from '@beacon/core/queue';
import type { DeliverNotificationPayload } from '../notification-relay.service';
import { DeliverNotificationJob } from './deliver-notification.job';

/**
 * Mail delivery. @Processor's options are fixed at compile time, so the worker is built without running and
 * started once the configured send rate is set on it (`autorun: false`). A delivery is one SMTP exchange, so its
 * lock is short and checked often: a job a dead worker held is back in the queue within ~15 s instead of BullMQ's
 * 30-60 s. A live job is never taken for stalled (its lock is renewed), and should it be, the row's lease keeps a
 * second sender off it. 24 deliveries at once: each mostly waits (on its claim and sent mark, which the group commit
 * gathers with other deliveries' into shared round trips, and on one SMTP exchange), and at 8 the worker sat idle
 * between round trips (tools/bench/RESULTS.md, issue 9). The send rate itself is the
 * limiter's business, not this number's.
 */
@Processor(QueueName.notifications, {
  concurrency: 24,
  autorun: false,
  ...PROMPT_STALL_RECOVERY,
})
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly deliver: DeliverNotificationJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // BullMQ reads the limiter from the worker's options whenever it takes a job, and counts it across every
    // worker of the queue: the relay's limit holds however many workers run.
    this.worker.opts.limiter = { max: this.config.mailRatePerSecond, duration: 1_000 };
    this.worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'mail worker stopped'));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.deliverNotification: {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.deliver.run(job.data as DeliverNotificationPayload, finalAttempt);
      }
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.notifications}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
