import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import type { QueryRunner } from 'typeorm';
import { ExecutionContext } from '@beacon/core/database';
import type { ReportRow } from './report-source';

/** Memory for the report's sorts and hashes, on the one connection a worker's single report holds. */
const WORK_MEM = '64MB';

/**
 * Reads a report's rows through a server-side cursor (a portal fetched `batchSize` rows at a time) on the
 * current transaction's connection, so the organization's row-level security applies and only one batch is ever
 * held. `onBatch` runs before the next batch is fetched.
 */
@Injectable()
export class ReportRowsRepository {
  async stream(
    statement: { sql: string; params: unknown[] },
    batchSize: number,
    onBatch: (rows: ReportRow[]) => Promise<void>,
  ): Promise<void> {
    const runner = ExecutionContext.manager().queryRunner as QueryRunner | undefined;
    if (!runner) throw new Error('No query runner: stream report rows inside a TenantTransaction');
    const client = (await runner.connect()) as PoolClient;
    // For this transaction only. A report reads the whole organization, but the planner sees the current-cycle
    // filter as matching a handful of rows and picks nested loops, ~5x slower at 1,000,000 enrollments than hash
    // joins; the final sort spills to disk at the default work_mem (measured: tools/bench/RESULTS.md); and compiling
    // the plan (JIT) costs more than a small organization's whole export.
    await client.query(
      `SET LOCAL enable_nestloop = off; SET LOCAL jit = off; SET LOCAL work_mem = '${WORK_MEM}'`,
    );
    const cursor = client.query(new Cursor<ReportRow>(statement.sql, statement.params));
    let readFailed = false;
    try {
      for (;;) {
        let batch: ReportRow[];
        try {
          batch = await cursor.read(batchSize);
        } catch (error) {
          // The driver has already ended the failed statement: closing its portal would wait for nothing.
          readFailed = true;
          throw error;
        }
        if (batch.length === 0) break;
        await onBatch(batch);
      }
    } finally {
      if (!readFailed) await cursor.close();
    }
  }
}
