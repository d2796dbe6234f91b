import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { jobOptions, jobSchedules } from '@beacon/core/queue';

/** Upserts every job scheduler at worker start-up (idempotent across restarts and replicas). */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(
    private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of jobSchedules(this.config)) {
      const queue = this.modules.get<Queue>(getQueueToken(schedule.queue), { strict: false });
      const { jobId: _unused, ...opts } = jobOptions(schedule.job);
      await queue.upsertJobScheduler(
        schedule.id,
        { every: schedule.everyMs },
        { name: schedule.job, data: { organizationId: null }, opts },
      );
    }
  }
}
