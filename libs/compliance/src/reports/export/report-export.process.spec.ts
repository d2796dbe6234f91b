import childProcess from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AppConfig } from '@beacon/core/config';
import { failureReason } from '../report-failure';
import { ReportExportError, ReportExportProcess } from './report-export.process';

/** This process's children that run the export entry. */
function exportChildren(): number[] {
  const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('report-export.child'));
}

const request = {
  organizationId: '00000000-0000-4000-8000-000000000001',
  statement: { sql: 'SELECT 1 AS one', params: [new Date()] },
  format: 'csv' as const,
  columns: [{ key: 'one', header: 'One' }],
  partPath: '/nonexistent/report.csv.part',
  batchSize: 10,
  progressEvery: 10,
};

describe('ReportExportProcess', () => {
  it('names the kill when its process is killed mid-run', async () => {
    const exports = new ReportExportProcess({
      databaseAppUrl: 'postgres://beacon_app@127.0.0.1:1/beacon',
    } as AppConfig);
    const run = exports.run(request, async () => undefined);
    const [pid] = exportChildren();
    expect(pid).toBeDefined();
    process.kill(pid, 'SIGKILL');
    const error: unknown = await run.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'The report export process ended (SIGKILL) unfinished' });
    expect(failureReason(error)).toBe('The report could not be built.');
  });

  it('names the kill, not the broken pipe, when its process dies before its request is sent', async () => {
    // The real fork, with the child killed and gone before fork returns: the window in which CI's restart suite,
    // killing every export process it sees, once made the request's write fail (EPIPE, "could not be written to
    // storage").
    const realFork = childProcess.fork;
    const fork = jest
      .spyOn(childProcess, 'fork')
      .mockImplementation((...args: Parameters<typeof realFork>) => {
        const child = realFork(...args);
        process.kill(child.pid as number, 'SIGKILL');
        while (!/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${child.pid}/stat`, 'utf8')));
        return child;
      });
    try {
      const exports = new ReportExportProcess({
        databaseAppUrl: 'postgres://beacon_app@127.0.0.1:1/beacon',
      } as AppConfig);
      const error: unknown = await exports
        .run(request, async () => undefined)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ message: 'The report export process ended (SIGKILL) unfinished' });
      expect(failureReason(error)).toBe('The report could not be built.');
    } finally {
      fork.mockRestore();
    }
  });

  it('fails the run with a database reason when its process cannot reach the database', async () => {
    // Port 1: nothing listens there, so the connection is refused at once.
    const exports = new ReportExportProcess({
      databaseAppUrl: 'postgres://beacon_app@127.0.0.1:1/beacon',
    } as AppConfig);
    const progress: number[] = [];
    const run = exports.run(request, async (rowCount) => {
      progress.push(rowCount);
    });
    const error: unknown = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportExportError);
    expect(error).toMatchObject({ code: '08001', syscall: undefined });
    expect(failureReason(error)).toBe('The report could not be read from the database.');
    expect(progress).toEqual([]);
  });
});
