import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { FanOut, JobName, QueueName } from '@beacon/core/queue';
import { ImportFollowUpQueue } from '../members/import/import-follow-up.queue';
import { ImportFollowUpRepository } from '../members/import/import-follow-up.repository';

/** An unfinished import untouched this long has no live job (each batch touches it): its job is asked for again. */
const IDLE_SECONDS = 30;

/**
 * The safety net of large imports: finds imports whose follow-up stalled (the job was never queued, or the queue
 * lost it) and queues it again. A job that still exists, even failed, is left as it is: queueing under its id is a
 * no-op, and a failed one stays visible on the queue overview.
 */
@Injectable()
export class ResumeMemberImportsJob {
  private readonly logger = new Logger(ResumeMemberImportsJob.name);

  constructor(
    private readonly fanOut: FanOut,
    private readonly tx: TenantTransaction,
    private readonly followUps: ImportFollowUpRepository,
    private readonly queue: ImportFollowUpQueue,
  ) {}

  /** The scheduler's tick: one job per organization. */
  run(): Promise<number> {
    return this.fanOut.perOrganization(QueueName.members, JobName.resumeOrganizationImports);
  }

  /** One organization's share of the sweep. */
  async resume(organizationId: string): Promise<number> {
    const importIds = await this.tx.withOrganization(organizationId, () =>
      this.followUps.stalled(IDLE_SECONDS),
    );
    for (const importId of importIds) await this.queue.enqueue({ organizationId, importId });
    if (importIds.length > 0)
      this.logger.log(
        { organizationId, resumed: importIds.length },
        'queued the follow-up of stalled member imports',
      );
    return importIds.length;
  }
}
