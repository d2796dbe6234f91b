import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { JobName, QueueName } from '@beacon/core/queue';
import { QueuePage, RetriedJobView } from './http/queue-overview.dto';
import type { DeliverNotificationPayload } from './notification-relay.service';
import { NotificationRetry, refusal } from './notification-retry.service';

const FAILED_SHOWN = 50;

/** What platform admins see of the job queues: counts by state and the recent failures, so none goes unnoticed. */
@Injectable()
export class QueueOverviewService {
  private readonly queues: Queue[];

  constructor(
    modules: ModuleRef,
    private readonly retries: NotificationRetry,
    private readonly tx: TenantTransaction,
  ) {
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

  /** Runs a failed job again (404 unknown queue or job, 409 a job that has not failed). */
  async retry(queueName: string, jobId: string): Promise<RetriedJobView> {
    const queue = this.queues.find((candidate) => candidate.name === queueName);
    if (!queue) throw Problems.notFound('queue');
    const job = await queue.getJob(jobId);
    if (!job) throw Problems.notFound('job');
    const state = await job.getState();
    if (state !== 'failed')
      throw Problems.conflict(`Only a failed job can be retried; this one is ${state}.`);
    if (job.name === JobName.deliverNotification) {
      // The delivery claims only a pending row: its failed row is reopened first, as the organization's retry does.
      const { organizationId, notificationId } = job.data as DeliverNotificationPayload;
      const reopen = () => this.reopenIfFailed(notificationId);
      await (organizationId ? this.tx.withOrganization(organizationId, reopen) : this.tx.platform(reopen));
    }
    await job.retry('failed');
    return { queue: queue.name, id: String(job.id), name: job.name, state: await job.getState() };
  }

  /** A row that is not failed (sent meanwhile, or gone) leaves the job to find nothing to send. */
  private async reopenIfFailed(notificationId: string): Promise<void> {
    const outcome = await this.retries.tryReopen(notificationId);
    if (outcome.refused === 'one-time-link') throw refusal(outcome);
  }
}
