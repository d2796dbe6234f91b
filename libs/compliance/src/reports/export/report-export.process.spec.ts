import type { AppConfig } from '@beacon/core/config';
import { failureReason } from '../report-failure';
import { ReportExportError, ReportExportProcess } from './report-export.process';

describe('ReportExportProcess', () => {
  it('fails the run with a database reason when its process cannot reach the database', async () => {
    // Port 1: nothing listens there, so the connection is refused at once.
    const exports = new ReportExportProcess({
      databaseAppUrl: 'postgres://beacon_app@127.0.0.1:1/beacon',
    } as AppConfig);
    const progress: number[] = [];
    const run = exports.run(
      {
        organizationId: '00000000-0000-4000-8000-000000000001',
        statement: { sql: 'SELECT 1 AS one', params: [new Date()] },
        format: 'csv',
        columns: [{ key: 'one', header: 'One' }],
        partPath: '/nonexistent/report.csv.part',
        batchSize: 10,
        progressEvery: 10,
      },
      async (rowCount) => {
        progress.push(rowCount);
      },
    );
    const error: unknown = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportExportError);
    expect(error).toMatchObject({ code: '08001', syscall: undefined });
    expect(failureReason(error)).toBe('The report could not be read from the database.');
    expect(progress).toEqual([]);
  });
});
