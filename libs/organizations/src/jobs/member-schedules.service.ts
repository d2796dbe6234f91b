import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { JobName, jobOptions, QueueName, SchedulerId } from '@beacon/core/queue';

/** Upserts the sweep that resumes stalled imports at worker start-up (idempotent across restarts and replicas). */
@Injectable()
export class MemberSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.members) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { jobId: _unused, ...opts } = jobOptions(JobName.resumeMemberImports);
    await this.queue.upsertJobScheduler(
      SchedulerId.resumeMemberImports,
      { every: this.config.outboxPollEveryMs },
      { name: JobName.resumeMemberImports, data: { organizationId: null }, opts },
    );
  }
}
