import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { JobName, jobOptions, QueueName, SchedulerId } from '@beacon/core/queue';

/** Upserts the outbox poll scheduler at worker start-up (idempotent across restarts and replicas). */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { jobId: _unused, ...opts } = jobOptions(JobName.relayPendingNotifications);
    await this.queue.upsertJobScheduler(
      SchedulerId.relayPendingNotifications,
      { every: this.config.outboxPollEveryMs },
      { name: JobName.relayPendingNotifications, data: { organizationId: null }, opts },
    );
  }
}
