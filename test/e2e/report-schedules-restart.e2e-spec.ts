import type { ChildProcess } from 'node:child_process';
import { enrollManyDirectly } from '../support/learning';
import type { CapturedMail } from '../support/mail-sink';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { sleep, until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * A scheduled report under a crash: the worker is killed with SIGKILL while it builds the period's report, then
 * two workers start side by side, each sweeping every second. The period still ends with one run, one report and
 * one mail per recipient.
 */

const MEMBERS = 60_000;

// BullMQ hands the dead worker's job to a live worker once it finds it stalled: up to a minute with default locks.
jest.setTimeout(240_000);

const isScheduleMail = (mail: CapturedMail): boolean => mail.text.includes('/reports?id=');

interface RunRow {
  period_start: string;
  report_id: string;
  mailed_at: Date | null;
  status: string;
  row_count: number | null;
}

describe('a report schedule when the worker is killed mid-report', () => {
  let world: TestApp;
  let organization: TestOrganization;
  let educatorEmail: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The child workers read this environment: a sweep each second, so a due schedule is found at once.
    world = await TestApp.start({ worker: false, env: { REPORT_SWEEP_EVERY: '1s' } });
    await startWorkerProcess(children);
    organization = await world.createOrganization('Crash Schedules');
    educatorEmail = (await world.addMember(organization, ['educator'])).email;
    // Many members enrolled directly (no mail): an Excel file of them takes a few seconds to write.
    await enrollManyDirectly(world, organization, MEMBERS, 'crash-schedule');
  });

  afterAll(async () => {
    killAll(children);
    await world?.stop();
  });

  const runs = (scheduleId: string) =>
    world.ownerQuery<RunRow>(
      `SELECT run.period_start::text, run.report_id, run.mailed_at, r.status, r.row_count
         FROM report_schedule_runs run JOIN reports r ON r.id = run.report_id
        WHERE run.schedule_id = $1 ORDER BY run.period_start`,
      [scheduleId],
    );

  it('mails once for the period across the restart, from one report built again from scratch', async () => {
    const recipients = [organization.admin.user.email, educatorEmail];
    const created = await world
      .http()
      .post('/api/v1/report-schedules')
      .set(...bearer(organization.admin))
      .send({ type: 'compliance', format: 'xlsx', frequency: 'weekly', recipients })
      .expect(201);
    const scheduleId = created.body.id as string;
    // The workers run on the real clock: the schedule is made due now, for the period the clock is in.
    const [{ period }] = await world.ownerQuery<{ period: string }>(
      `UPDATE report_schedules s SET next_period_start = report_schedule_period('weekly', o.timezone, now())
         FROM organizations o WHERE o.id = s.organization_id AND s.id = $1
       RETURNING s.next_period_start::text AS period`,
      [scheduleId],
    );

    // Killed once the period's report has committed its first progress: its rows are being written.
    const atKill = await until(
      "the period's report has written its first 10,000 rows",
      async () => {
        const [run] = await runs(scheduleId);
        return run?.status === 'running' && (run.row_count ?? 0) >= 10_000 ? run : null;
      },
      90_000,
      10,
    );
    await killWorkerProcess(children[0]);
    const heldByTheDead = await world.activeJobIds();
    expect(await runs(scheduleId)).toEqual([
      expect.objectContaining({ period_start: period, mailed_at: null }),
    ]);
    expect(world.mail.messages.filter(isScheduleMail)).toEqual([]);

    // Two workers now, both sweeping every second while the report is built again.
    await startWorkerProcess(children);
    await startWorkerProcess(children);
    const mailed = await until(
      'the period is mailed',
      async () => {
        const [run] = await runs(scheduleId);
        return run?.mailed_at ? run : null;
      },
      200_000,
      250,
    );
    expect(mailed).toMatchObject({ period_start: period, report_id: atKill.report_id, status: 'ready' });
    expect(mailed.row_count).toBe(MEMBERS + 1);
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });
    // More sweeps in the same period change nothing.
    await sleep(3_000);
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });

    expect(await runs(scheduleId)).toHaveLength(1);
    const reports = await world.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports WHERE organization_id = $1`,
      [organization.id],
    );
    expect(reports[0].n).toBe(1);
    for (const email of recipients) {
      const mails = world.mail.to(email).filter(isScheduleMail);
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain(`http://beacon.test/reports?id=${atKill.report_id}`);
    }
    const rows = await world.ownerQuery<{ dedupe_key: string; status: string }>(
      `SELECT dedupe_key, status FROM notifications WHERE kind = 'report_schedule' ORDER BY dedupe_key`,
    );
    expect(rows).toEqual(
      [...recipients].sort().map((email) => ({
        dedupe_key: `report-schedule:${scheduleId}:${period}:${email}`,
        status: 'sent',
      })),
    );
    const view = await world
      .http()
      .get(`/api/v1/report-schedules/${scheduleId}`)
      .set(...bearer(organization.admin))
      .expect(200);
    expect(view.body).toMatchObject({ lastReportId: atKill.report_id, active: true });
    expect(Date.parse(view.body.nextRunAt)).toBeGreaterThan(Date.now());
  });
});
