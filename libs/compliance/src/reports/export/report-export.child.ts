// The export process's entry, forked by the worker for each run of a report (see ReportExportProcess). It loads
// pg, pg-cursor and the writers, nothing of Nest or TypeORM, so its memory is the file's, not the worker's.
import { Client } from 'pg';
import { openReportWriter } from '../files/report-writer';
import type { ReportExportFault, ReportExportMessage, ReportExportRequest } from './report-export.message';
import { readReportRows } from './report-rows.cursor';

/** The tenant settings a job's transaction opens with (TenantTransaction): its organization, no user. */
const SET_CONTEXT = `SELECT set_config('app.organization_id', $1, true),
                            set_config('app.user_id', '', true),
                            set_config('app.scope', '', true)`;

/** SQLSTATE sqlclient_unable_to_establish_sqlconnection. */
const UNABLE_TO_CONNECT = '08001';

function send(message: ReportExportMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) reject(new Error('The report export process has no IPC channel: fork it'));
    else process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

function fault(error: unknown): ReportExportFault {
  const { message, code, syscall } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof syscall === 'string' ? { syscall } : {}),
  };
}

/** Streams the rows into the part file inside one transaction of the report's organization; answers the count. */
async function build(request: ReportExportRequest): Promise<number> {
  const client = new Client({ connectionString: request.databaseUrl, application_name: 'beacon' });
  // A connection lost between statements: the statement in hand fails with it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // Refused or unreachable: a database failure, not the file system's (its `syscall` would say so).
    throw Object.assign(new Error(fault(error).message), { code: UNABLE_TO_CONNECT });
  }
  try {
    await client.query('START TRANSACTION');
    await client.query(SET_CONTEXT, [request.organizationId]);
    const writer = await openReportWriter(request.format, request.partPath, request.columns);
    let rowCount = 0;
    let reported = 0;
    try {
      await readReportRows(
        client,
        request.statement,
        request.columns.map((column) => column.key),
        request.batchSize,
        async (batch) => {
          await writer.write(batch);
          rowCount += batch.length;
          if (rowCount - reported >= request.progressEvery) {
            reported = rowCount;
            await send({ type: 'progress', rowCount });
          }
        },
      );
      await writer.finish();
    } catch (error) {
      await writer.abort();
      throw error;
    }
    await client.query('COMMIT');
    return rowCount;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// The worker gone (killed, or exiting): so is its run, which the job's next attempt starts again from scratch.
const orphaned = (): never => process.exit(1);
process.once('disconnect', orphaned);
process.once('message', (request: ReportExportRequest) => {
  build(request)
    .then(
      (rowCount) => send({ type: 'done', rowCount }),
      (error: unknown) => {
        process.exitCode = 1;
        return send({ type: 'failed', fault: fault(error) });
      },
    )
    // A worker that cannot hear the answer is gone: the exit code tells the rest.
    .catch(() => undefined)
    .finally(() => {
      process.off('disconnect', orphaned);
      process.disconnect();
    });
});
