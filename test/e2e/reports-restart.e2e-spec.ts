import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { enrollManyDirectly } from '../support/learning';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * A report export under a crash: the worker (or the export process it forked for the run) is killed with SIGKILL
 * while the file is written. The report ends ready with every row, in one file, its part files gone; or, killed on
 * every attempt, failed with a reason.
 */

const MEMBERS = 60_000;

// BullMQ hands the dead worker's job to a live worker once it finds it stalled (10–15 s with PROMPT_STALL_RECOVERY).
jest.setTimeout(180_000);

interface ReportRow {
  status: string;
  row_count: number | null;
  run_id: string | null;
  error: string | null;
}

/** The worker's children: its export process while a report runs. */
function childPids(worker: ChildProcess): number[] {
  try {
    return readFileSync(`/proc/${worker.pid}/task/${worker.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Whether the process still runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('a report export when the worker is killed mid-file', () => {
  let world: TestApp;
  let organization: TestOrganization;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    world = await TestApp.start({ worker: false });
    await startWorkerProcess(children);
    organization = await world.createOrganization('Crash Reports');
    // Many members enrolled directly (no mail): an Excel file of them takes a few seconds to write.
    await enrollManyDirectly(world, organization, MEMBERS, 'crash-report');
  });

  afterAll(async () => {
    killAll(children);
    await world?.stop();
  });

  const reportRow = async (id: string) =>
    (
      await world.ownerQuery<ReportRow>(
        'SELECT status, row_count, run_id, error FROM reports WHERE id = $1',
        [id],
      )
    )[0];

  it('runs the report again from scratch after the restart, ending with one complete file', async () => {
    const res = await world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(organization.admin))
      .send({ type: 'compliance', format: 'xlsx' })
      .expect(202);
    const id = res.body.id as string;

    // Killed once the first progress is committed: rows are being written (by the worker's export process).
    const atKill = await until(
      'the report has written its first 10,000 rows',
      async () => {
        const row = await reportRow(id);
        return row.status === 'running' && (row.row_count ?? 0) >= 10_000 ? row : null;
      },
      60_000,
      10,
    );
    const [exportPid] = childPids(children[0]);
    expect(exportPid).toBeDefined();
    await killWorkerProcess(children[0]);
    // The export process goes with the worker: no orphan writing on.
    await until('the export process has ended', () => !running(exportPid), 10_000);
    const heldByTheDead = await world.activeJobIds();
    const folder = join(world.storageDir, 'reports', organization.id);
    expect((await reportRow(id)).status).toBe('running');
    // The dead run left its part file, and no finished file.
    expect(await readdir(folder)).toEqual([`${id}.xlsx.${atKill.run_id}.part`]);

    await startWorkerProcess(children);
    const ready = await until(
      'the report is ready again',
      async () => {
        const row = await reportRow(id);
        return row.status === 'ready' ? row : null;
      },
      150_000,
      250,
    );
    expect(ready.row_count).toBe(MEMBERS + 1);
    expect(ready.run_id).not.toBe(atKill.run_id);
    expect(await readdir(folder)).toEqual([`${id}.xlsx`]);
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });

    const view = await world
      .http()
      .get(`/api/v1/reports/${id}`)
      .set(...bearer(organization.admin))
      .expect(200);
    expect(view.body).toMatchObject({ status: 'ready', rowCount: MEMBERS + 1, error: null });
  });

  const requestReport = async (format: 'csv' | 'xlsx'): Promise<string> =>
    (
      await world
        .http()
        .post('/api/v1/reports')
        .set(...bearer(organization.admin))
        .send({ type: 'compliance', format })
        .expect(202)
    ).body.id as string;

  it('runs the report again when its export process is killed mid-file, ending with one complete file', async () => {
    const worker = children[children.length - 1];
    const id = await requestReport('xlsx');
    const atKill = await until(
      'the report has written its first 10,000 rows',
      async () => {
        const row = await reportRow(id);
        return row.status === 'running' && (row.row_count ?? 0) >= 10_000 ? row : null;
      },
      60_000,
      10,
    );
    const killed = childPids(worker);
    expect(killed).toHaveLength(1);
    process.kill(killed[0], 'SIGKILL');

    const ready = await until(
      'the report is ready again',
      async () => {
        const row = await reportRow(id);
        return row.status === 'ready' || row.status === 'failed' ? row : null;
      },
      120_000,
      250,
    );
    expect(ready).toMatchObject({ status: 'ready', row_count: MEMBERS + 1, error: null });
    expect(ready.run_id).not.toBe(atKill.run_id);
    // The worker lived on: the retry was its own, in a new export process.
    expect(worker.exitCode).toBeNull();
    const folder = join(world.storageDir, 'reports', organization.id);
    expect((await readdir(folder)).filter((name) => name.startsWith(id))).toEqual([`${id}.xlsx`]);
  });

  it('marks the report failed with a reason when its export process is killed on every attempt', async () => {
    const worker = children[children.length - 1];
    const id = await requestReport('xlsx');
    const killed = new Set<number>();
    const failed = await until(
      'the report has failed',
      async () => {
        for (const pid of childPids(worker)) {
          if (killed.has(pid)) continue;
          killed.add(pid);
          process.kill(pid, 'SIGKILL');
        }
        const row = await reportRow(id);
        return row.status === 'ready' || row.status === 'failed' ? row : null;
      },
      120_000,
      10,
    );
    expect(failed).toMatchObject({ status: 'failed', error: 'The report could not be built.' });
    // One export process per attempt (the job's three), each killed.
    expect(killed.size).toBe(3);
    expect(worker.exitCode).toBeNull();
    const folder = join(world.storageDir, 'reports', organization.id);
    expect((await readdir(folder)).filter((name) => name.startsWith(id))).toEqual([]);

    const view = await world
      .http()
      .get(`/api/v1/reports/${id}`)
      .set(...bearer(organization.admin))
      .expect(200);
    expect(view.body).toMatchObject({ status: 'failed', error: 'The report could not be built.' });
  });
});
