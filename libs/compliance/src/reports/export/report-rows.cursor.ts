import type { ClientBase } from 'pg';
import Cursor from 'pg-cursor';
import type { ReportRow } from '../report-source';

/** Memory for the report's sorts and hashes, on the one connection a worker's single report holds. */
const WORK_MEM = '64MB';

/**
 * Reads a report's rows through a server-side cursor (a portal fetched `batchSize` rows at a time) on a client
 * whose transaction the organization's settings were set in, so its row-level security applies. At most two
 * batches are ever held: the one `onBatch` is writing and the next, which the database sends meanwhile (the
 * machine's other core reads while this one writes). Rows come as arrays (no object per row), in the order of
 * `keys`, which must name the statement's output columns in order.
 */
export async function readReportRows(
  client: ClientBase,
  statement: { sql: string; params: unknown[] },
  keys: readonly string[],
  batchSize: number,
  onBatch: (rows: ReportRow[]) => Promise<void>,
): Promise<void> {
  // For this transaction only. A report reads the whole organization, but the planner sees the current-cycle
  // filter as matching a handful of rows and picks nested loops, ~5x slower at 1,000,000 enrollments than hash
  // joins; the final sort spills to disk at the default work_mem (measured: tools/bench/RESULTS.md); and compiling
  // the plan (JIT) costs more than a small organization's whole export.
  await client.query(
    `SET LOCAL enable_nestloop = off; SET LOCAL jit = off; SET LOCAL work_mem = '${WORK_MEM}'`,
  );
  const cursor = client.query(new Cursor<ReportRow>(statement.sql, statement.params, { rowMode: 'array' }));
  let readFailed = false;
  const read = (): Promise<ReportRow[]> =>
    new Promise((resolve, reject) => {
      cursor.read(batchSize, (error, rows, result) => {
        if (error) {
          // The driver has already ended the failed statement: closing its portal would wait for nothing.
          readFailed = true;
          reject(error);
        } else if (rows.length > 0 && !sameKeys(result?.fields ?? [], keys)) {
          reject(new Error(`Report columns ${keys.join(', ')} are not the statement's output columns`));
        } else resolve(rows);
      });
    });
  let next: Promise<ReportRow[]> | null = read();
  try {
    for (;;) {
      const batch: ReportRow[] = await next;
      next = null;
      if (batch.length === 0) break;
      next = read();
      // Raised when awaited above; not an unhandled rejection while this batch is written.
      next.catch(() => undefined);
      await onBatch(batch);
    }
  } finally {
    // A batch still on its way when writing failed: the portal takes no close before it has arrived.
    if (next) await next.catch(() => undefined);
    if (!readFailed) await cursor.close();
  }
}

function sameKeys(fields: ReadonlyArray<{ name: string }>, keys: readonly string[]): boolean {
  return fields.length === keys.length && fields.every((field, i) => field.name === keys[i]);
}
