import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { JobSchedule, jobOptions, jobSchedules, QueueName } from '@beacon/core/queue';

/**
 * Upserts every job scheduler at worker start-up (idempotent across restarts and replicas), and again whenever a
 * queue's Redis connection is ready after a disconnect: Redis here keeps nothing on disk, so a restarted Redis
 * has lost the schedulers, and without them nothing recurring would ever run again.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const schedules = jobSchedules(this.config);
    for (const name of Object.values(QueueName)) {
      const queue = this.modules.get<Queue>(getQueueToken(name), { strict: false });
      const own = schedules.filter((schedule) => schedule.queue === name);
      await this.upsert(queue, own);
      (await queue.getBackend().client).on('ready', () => {
        this.upsert(queue, own)
          .then(() => this.logger.log({ queue: name }, 'job schedulers upserted again after a reconnect'))
          .catch((error: unknown) =>
            this.logger.error(
              { err: error, queue: name },
              'job schedulers could not be upserted after a reconnect',
            ),
          );
      });
    }
  }

  private async upsert(queue: Queue, schedules: JobSchedule[]): Promise<void> {
    for (const schedule of schedules) {
      const { jobId: _unused, deduplication: _none, ...opts } = jobOptions(schedule.job);
      await queue.upsertJobScheduler(
        schedule.id,
        { every: schedule.everyMs },
        { name: schedule.job, data: { organizationId: null }, opts },
      );
    }
    // A scheduler no longer listed for this queue (renamed, or moved to another queue) would go on adding jobs
    // that no handler here knows.
    const wanted = new Set<string>(schedules.map((schedule) => schedule.id));
    for (const existing of await queue.getJobSchedulers())
      if (!wanted.has(existing.key)) await queue.removeJobScheduler(existing.key);
  }
}
