import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { enrollManyDirectly } from '../support/learning';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * A report export under a crash: the worker is killed with SIGKILL while it writes the file, and started again.
 * The report ends ready with every row, in one file, its part files gone.
 */

const MEMBERS = 60_000;

// BullMQ hands the dead worker's job to a live worker once it finds it stalled: up to a minute with default locks.
jest.setTimeout(180_000);

interface ReportRow {
  status: string;
  row_count: number | null;
  run_id: string | null;
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
      await world.ownerQuery<ReportRow>('SELECT status, row_count, run_id FROM reports WHERE id = $1', [id])
    )[0];

  it('runs the report again from scratch after the restart, ending with one complete file', async () => {
    const res = await world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(organization.admin))
      .send({ type: 'compliance', format: 'xlsx' })
      .expect(202);
    const id = res.body.id as string;

    // Killed once the first progress is committed: rows are being written.
    const atKill = await until(
      'the report has written its first 10,000 rows',
      async () => {
        const row = await reportRow(id);
        return row.status === 'running' && (row.row_count ?? 0) >= 10_000 ? row : null;
      },
      60_000,
      10,
    );
    await killWorkerProcess(children[0]);
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
});
