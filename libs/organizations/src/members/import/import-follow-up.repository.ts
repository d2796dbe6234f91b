import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, one, rows } from '@beacon/core/database';

export interface FollowUpBatch {
  /** Members of this batch, in the order of the import (created members first). */
  memberIds: string[];
  /** Those of them the import created, who are owed an invitation. */
  createdIds: string[];
  /** How many members the import's follow-up has done once this batch commits. */
  processedAfter: number;
  total: number;
}

/**
 * `member_imports`: a large import whose invitations and enrollments the worker writes after commit, one batch per
 * transaction. `processed` moves in the batch's own transaction, so work is never done twice or skipped.
 */
@Injectable()
export class ImportFollowUpRepository {
  /** Created members first, so that the first `createdCount` ids are the ones to invite. */
  async insert(memberIds: string[], createdCount: number): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      `INSERT INTO member_imports (organization_id, member_ids, created_count) VALUES ($1, $2::uuid[], $3)
       RETURNING id`,
      [ExecutionContext.organizationId(), memberIds, createdCount],
    );
    return inserted.id;
  }

  /**
   * Locks the import and returns its next batch, or null when it is finished (or unknown). The row lock makes a
   * second job on the same import wait for this batch to commit, then see it done.
   */
  async lockNextBatch(importId: string, size: number): Promise<FollowUpBatch | null> {
    const row = await one<{
      processed: number;
      total: number;
      created_count: number;
      batch: string[];
    }>(
      `SELECT processed, cardinality(member_ids) AS total, created_count,
              member_ids[processed + 1 : processed + $2] AS batch
         FROM member_imports
        WHERE id = $1 AND finished_at IS NULL
        FOR UPDATE`,
      [importId, size],
    );
    if (!row) return null;
    const createdInBatch = Math.max(0, Math.min(row.batch.length, row.created_count - row.processed));
    return {
      memberIds: row.batch,
      createdIds: row.batch.slice(0, createdInBatch),
      processedAfter: row.processed + row.batch.length,
      total: row.total,
    };
  }

  async markProcessed(importId: string, processed: number): Promise<void> {
    await affected(
      `UPDATE member_imports
          SET processed = $2, updated_at = now(),
              finished_at = CASE WHEN $2 = cardinality(member_ids) THEN now() END
        WHERE id = $1`,
      [importId, processed],
    );
  }

  /** Imports of the current organization still owed work that nobody touched for `idleSeconds`. */
  async stalled(idleSeconds: number): Promise<string[]> {
    const stalled = await rows<{ id: string }>(
      `SELECT id FROM member_imports
        WHERE organization_id = $1 AND finished_at IS NULL AND updated_at < now() - make_interval(secs => $2)
        ORDER BY created_at`,
      [ExecutionContext.organizationId(), idleSeconds],
    );
    return stalled.map((row) => row.id);
  }
}
