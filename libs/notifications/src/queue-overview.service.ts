import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QueueName } from '@beacon/core/queue';
import { QueuePage } from './http/queue-overview.dto';

const FAILED_SHOWN = 50;

/** What platform admins see of the job queues: counts by state and the recent failures, so none goes unnoticed. */
@Injectable()
export class QueueOverviewService {
  private readonly queues: Queue[];

  constructor(modules: ModuleRef) {
    // Every queue there is, so a queue added later is on the overview without another change here.
    this.queues = Object.values(QueueName).map((name) =>
      modules.get<Queue>(getQueueToken(name), { strict: false }),
    );
  }

  async overview(): Promise<QueuePage> {
    const items = await Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        const failed = await queue.getFailed(0, FAILED_SHOWN - 1);
        return {
          name: queue.name,
          counts,
          failed: failed.map((job) => ({
            id: String(job.id),
            name: job.name,
            data: job.data as Record<string, unknown>,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          })),
        };
      }),
    );
    return { items, nextCursor: null };
  }
}
