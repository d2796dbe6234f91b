import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { ImportFollowUpRepository } from '../members/import/import-follow-up.repository';
import type { FollowUpMemberImportPayload } from '../members/import/import-follow-up.queue';
import { MemberImportFollowUp } from '../members/import/member-import-follow-up.service';

/**
 * Writes the invitations and enrollments a large import owes, IMPORT_BATCH_SIZE members per transaction. Each batch
 * commits with the import's progress, so a worker killed half-way leaves whole batches behind it and the retried
 * job goes on from the first batch that did not commit.
 */
@Injectable()
export class FollowUpMemberImportJob {
  private readonly logger = new Logger(FollowUpMemberImportJob.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly followUps: ImportFollowUpRepository,
    private readonly followUp: MemberImportFollowUp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many members this run followed up. */
  async run({ organizationId, importId }: FollowUpMemberImportPayload): Promise<number> {
    const started = performance.now();
    let done = 0;
    for (;;) {
      const batch = await this.tx.withOrganization(organizationId, async () => {
        const next = await this.followUps.lockNextBatch(importId, this.config.importBatchSize);
        if (!next) return null;
        await this.followUp.run(next.memberIds, next.createdIds);
        await this.followUps.markProcessed(importId, next.processedAfter);
        return next;
      });
      if (!batch) break;
      done += batch.memberIds.length;
      if (batch.processedAfter === batch.total) {
        this.logger.log(
          { organizationId, importId, members: batch.total, ms: Math.round(performance.now() - started) },
          'member import followed up',
        );
        break;
      }
    }
    return done;
  }
}
