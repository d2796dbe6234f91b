import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportScheduleSweepJob } from '@beacon/compliance';
import { Clock } from '@beacon/core/time';
import { createCohort, findHt101 } from '../support/learning';
import type { CapturedMail } from '../support/mail-sink';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

jest.setTimeout(120_000);

interface ScheduleView {
  id: string;
  type: string;
  format: string;
  filters: Record<string, string>;
  frequency: string;
  recipients: string[];
  active: boolean;
  scope: string;
  createdBy: { id: string; name: string };
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastReportId: string | null;
}

interface Person {
  memberId: string;
  email: string;
  session: Session;
}

/**
 * Instants around the organizations' zone (America/Chicago): daylight saving starts on Sunday 2027-03-14, so 06:00
 * local is 12:00Z on Monday 2027-03-08 and 11:00Z from Monday 2027-03-15 on.
 */
const WEDNESDAY = '2027-03-03T15:00:00Z';
const MONDAY_0600_CST = '2027-03-08T12:00:00.000Z';
const MONDAY_0600_CDT = '2027-03-15T11:00:00.000Z';
const APRIL_1ST_0600_CDT = '2027-04-01T11:00:00.000Z';
const LICENSE_NUMBER = 'RN-SECRET-8841';
const LEARNER_NAME = 'Lena Licensed';

const isScheduleMail = (mail: CapturedMail): boolean => mail.text.includes('/reports?id=');

describe('report schedules: weekly or monthly reports, mailed once per period as a sign-in link', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Person;
  let manager: Person;
  let learner: Person;
  let now = new Date(WEDNESDAY);

  const setClock = (instant: string | Date): void => {
    now = new Date(instant);
  };

  const api = (session: Session) => ({
    post: (path: string, body: unknown) =>
      world
        .http()
        .post(path)
        .set(...bearer(session))
        .send(body as object),
    patch: (path: string, body: unknown) =>
      world
        .http()
        .patch(path)
        .set(...bearer(session))
        .send(body as object),
    get: (path: string) =>
      world
        .http()
        .get(path)
        .set(...bearer(session)),
    delete: (path: string) =>
      world
        .http()
        .delete(path)
        .set(...bearer(session)),
  });

  async function schedule(session: Session, body: Record<string, unknown>): Promise<ScheduleView> {
    const res = await api(session).post('/api/v1/report-schedules', body);
    expect(res.status).toBe(201);
    return res.body as ScheduleView;
  }

  /** One sweep of the organization at the clock's instant, in the worker as its job runs it. */
  const sweep = (organization: TestOrganization) =>
    (world.worker as NonNullable<TestApp['worker']>).get(ReportScheduleSweepJob).runFor(organization.id);

  const runsOf = (scheduleId: string) =>
    world.ownerQuery<{ period_start: string; report_id: string; mailed_at: Date | null }>(
      `SELECT period_start::text, report_id, mailed_at FROM report_schedule_runs WHERE schedule_id = $1
        ORDER BY period_start`,
      [scheduleId],
    );

  const mailRows = (scheduleId: string) =>
    world.ownerQuery<{ recipient_email: string; dedupe_key: string; status: string }>(
      `SELECT recipient_email, dedupe_key, status FROM notifications
        WHERE kind = 'report_schedule' AND dedupe_key LIKE $1 ORDER BY recipient_email, dedupe_key`,
      [`report-schedule:${scheduleId}:%`],
    );

  const reportStatus = async (reportId: string) =>
    (await world.ownerQuery<{ status: string }>('SELECT status FROM reports WHERE id = $1', [reportId]))[0]
      ?.status;

  beforeAll(async () => {
    // The tests sweep themselves, at the instants they set; the scheduler's own ticks stay out of the way.
    world = await TestApp.start({ env: { REPORT_SWEEP_EVERY: '1h' } });
    // Both processes read the test clock: the api (next runs) and the worker (sweep, build, mail).
    for (const context of [world.app, world.worker])
      jest.spyOn(context?.get(Clock) as Clock, 'now').mockImplementation(() => new Date(now));
    org = await world.createOrganization('Scheduled Health');
    other = await world.createOrganization('Elsewhere Clinic');
    educator = await world.addMember(org, ['educator']);
    manager = await world.addMember(org, ['manager']);
    learner = await world.addMember(org, ['learner'], {
      name: LEARNER_NAME,
      managerId: manager.memberId,
      license: { type: 'RN', state: 'TX', number: LICENSE_NUMBER },
    });
    const course = await findHt101(world, org.admin);
    await createCohort(world, org.admin, {
      courseId: course.id,
      name: 'Everyone',
      target: { roles: ['learner'] },
    });
  });

  beforeEach(() => setClock(WEDNESDAY));

  afterAll(async () => {
    jest.restoreAllMocks();
    await world?.stop();
  });

  describe('create, list, get, patch, delete', () => {
    it('creates a weekly schedule (xlsx by default) whose next run is Monday 06:00 in the organization zone', async () => {
      const created = await schedule(educator.session, {
        type: 'compliance',
        frequency: 'weekly',
        recipients: [org.admin.user.email.toUpperCase(), educator.email],
      });
      expect(created).toMatchObject({
        type: 'compliance',
        format: 'xlsx',
        filters: {},
        frequency: 'weekly',
        recipients: [org.admin.user.email, educator.email],
        active: true,
        scope: 'organization',
        createdBy: { id: educator.memberId },
        nextRunAt: MONDAY_0600_CST,
        lastRunAt: null,
        lastReportId: null,
      });

      const listed = await api(org.admin).get('/api/v1/report-schedules').expect(200);
      expect(listed.body).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(listed.body.items.map((item: ScheduleView) => item.id)).toContain(created.id);
      const read = await api(org.admin).get(`/api/v1/report-schedules/${created.id}`).expect(200);
      expect(read.body).toEqual(created);
    });

    it('patches frequency (monthly: the 1st at 06:00, after the change to daylight time), recipients, format and filters', async () => {
      const created = await schedule(educator.session, {
        type: 'overdue',
        format: 'csv',
        frequency: 'weekly',
        recipients: [educator.email],
      });
      const site = await api(org.admin)
        .post('/api/v1/sites', { name: 'North Campus', kind: 'hospital' })
        .expect(201);
      const patched = await api(educator.session)
        .patch(`/api/v1/report-schedules/${created.id}`, {
          frequency: 'monthly',
          format: 'xlsx',
          recipients: [org.admin.user.email],
          filters: { siteId: site.body.id },
        })
        .expect(200);
      expect(patched.body).toMatchObject({
        frequency: 'monthly',
        format: 'xlsx',
        recipients: [org.admin.user.email],
        filters: { siteId: site.body.id },
        nextRunAt: APRIL_1ST_0600_CDT,
      });
    });

    it('pauses (no next run) and resumes from the next period to come', async () => {
      const created = await schedule(educator.session, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [educator.email],
      });
      const paused = await api(educator.session)
        .patch(`/api/v1/report-schedules/${created.id}`, { active: false })
        .expect(200);
      expect(paused.body).toMatchObject({ active: false, nextRunAt: null });
      setClock('2027-03-16T15:00:00Z');
      const resumed = await api(educator.session)
        .patch(`/api/v1/report-schedules/${created.id}`, { active: true })
        .expect(200);
      expect(resumed.body).toMatchObject({ active: true, nextRunAt: '2027-03-22T11:00:00.000Z' });
    });

    it('deletes with 204; the schedule is then a 404', async () => {
      const created = await schedule(org.admin, {
        type: 'certificates',
        frequency: 'monthly',
        recipients: [org.admin.user.email],
      });
      const res = await api(org.admin).delete(`/api/v1/report-schedules/${created.id}`);
      expect(res.status).toBe(204);
      await api(org.admin).get(`/api/v1/report-schedules/${created.id}`).expect(404);
      await api(org.admin).delete(`/api/v1/report-schedules/${created.id}`).expect(404);
    });

    it('lists who may be named as recipients: org_admins, educators, and the caller', async () => {
      const forManager = await api(manager.session).get('/api/v1/report-schedules/recipients').expect(200);
      const emails = (forManager.body.items as Array<{ email: string }>).map((item) => item.email);
      expect(emails).toEqual(expect.arrayContaining([org.admin.user.email, educator.email, manager.email]));
      expect(emails).not.toContain(learner.email);
      expect(forManager.body.nextCursor).toBeNull();
      const forEducator = await api(educator.session).get('/api/v1/report-schedules/recipients').expect(200);
      expect((forEducator.body.items as Array<{ email: string }>).map((item) => item.email)).not.toContain(
        manager.email,
      );
    });
    it("follows the organization's time zone as it is: a new zone moves the next run to 06:00 there", async () => {
      const created = await schedule(other.admin, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [other.admin.user.email],
      });
      expect(created.nextRunAt).toBe(MONDAY_0600_CST);
      await api(other.admin).patch('/api/v1/organization', { timezone: 'America/Los_Angeles' }).expect(200);
      const moved = await api(other.admin).get(`/api/v1/report-schedules/${created.id}`).expect(200);
      expect(moved.body.nextRunAt).toBe('2027-03-08T14:00:00.000Z');
      await api(other.admin).patch('/api/v1/organization', { timezone: 'America/Chicago' }).expect(200);
    });
  });

  describe('periods', () => {
    it('start at 06:00 local on the Monday or the 1st, across daylight saving, in either hemisphere', async () => {
      const cases: Array<[string, string, string, string]> = [
        // Chicago leaves daylight time on Sunday 2027-11-07: 06:00 is 11:00Z on Nov 1 and 12:00Z on Nov 8.
        ['weekly', 'America/Chicago', '2027-11-01T10:59:59Z', '2027-10-25'],
        ['weekly', 'America/Chicago', '2027-11-01T11:00:00Z', '2027-11-01'],
        ['weekly', 'America/Chicago', '2027-11-08T11:59:59Z', '2027-11-01'],
        ['weekly', 'America/Chicago', '2027-11-08T12:00:00Z', '2027-11-08'],
        ['monthly', 'America/Chicago', '2027-03-01T11:59:59Z', '2027-02-01'],
        ['monthly', 'America/Chicago', '2027-03-01T12:00:00Z', '2027-03-01'],
        // Auckland is on daylight time (UTC+13) in January: its 1st at 06:00 is still 31 December in UTC.
        ['monthly', 'Pacific/Auckland', '2026-12-31T16:59:59Z', '2026-12-01'],
        ['monthly', 'Pacific/Auckland', '2026-12-31T17:00:00Z', '2027-01-01'],
      ];
      for (const [frequency, zone, at, period] of cases) {
        const [row] = await world.ownerQuery<{ period: string; next: string }>(
          `SELECT report_schedule_period($1, $2, $3)::text AS period,
                  report_schedule_next($1, report_schedule_period($1, $2, $3))::text AS next`,
          [frequency, zone, at],
        );
        expect({ frequency, zone, at, period: row.period }).toEqual({ frequency, zone, at, period });
        const next = new Date(`${period}T00:00:00Z`);
        if (frequency === 'weekly') next.setUTCDate(next.getUTCDate() + 7);
        else next.setUTCMonth(next.getUTCMonth() + 1);
        expect(row.next).toBe(next.toISOString().slice(0, 10));
      }
    });
  });

  describe('bad input', () => {
    const expectField = (body: { errors: Array<{ field: string; message: string }> }, field: string) =>
      expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));

    it('refuses a recipient who is a plain learner, or outside the organization, naming recipients and the address', async () => {
      const outsider = other.admin.user.email;
      const res = await api(educator.session)
        .post('/api/v1/report-schedules', {
          type: 'compliance',
          frequency: 'weekly',
          recipients: [educator.email, learner.email, outsider],
        })
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([
        { field: 'recipients', message: expect.stringContaining(learner.email) },
        { field: 'recipients', message: expect.stringContaining(outsider) },
      ]);
      const patch = await api(org.admin)
        .post('/api/v1/report-schedules', {
          type: 'overdue',
          frequency: 'weekly',
          recipients: ['no@where.test'],
        })
        .expect(400);
      expectField(patch.body, 'recipients');
    });

    it('refuses a bad frequency, type, format, filter, recipients list or unknown field, naming each', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ type: 'compliance', frequency: 'daily', recipients: [educator.email] }, 'frequency'],
        [{ type: 'payroll', frequency: 'weekly', recipients: [educator.email] }, 'type'],
        [{ type: 'compliance', format: 'pdf', frequency: 'weekly', recipients: [educator.email] }, 'format'],
        [{ type: 'compliance', frequency: 'weekly', recipients: [] }, 'recipients'],
        [{ type: 'compliance', frequency: 'weekly', recipients: ['not-an-email'] }, 'recipients'],
        [{ type: 'compliance', frequency: 'weekly' }, 'recipients'],
        [{ type: 'compliance', frequency: 'weekly', recipients: [educator.email], extra: 1 }, 'extra'],
        [
          {
            type: 'compliance',
            frequency: 'weekly',
            recipients: [educator.email],
            filters: { siteId: '00000000-0000-4000-8000-000000000000' },
          },
          'filters.siteId',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await api(educator.session).post('/api/v1/report-schedules', body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expectField(res.body, field);
      }
      const created = await schedule(educator.session, {
        type: 'compliance',
        frequency: 'weekly',
        recipients: [educator.email],
      });
      const badPatch = await api(educator.session)
        .patch(`/api/v1/report-schedules/${created.id}`, { frequency: 'hourly', active: 'yes' })
        .expect(400);
      expectField(badPatch.body, 'frequency');
      const typePatch = await api(educator.session)
        .patch(`/api/v1/report-schedules/${created.id}`, { type: 'overdue' })
        .expect(400);
      expectField(typePatch.body, 'type');
    });
  });

  describe('tenancy and managers', () => {
    it("answers 404 for another organization's schedule, which its own staff read (200)", async () => {
      const created = await schedule(org.admin, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [org.admin.user.email],
      });
      const path = `/api/v1/report-schedules/${created.id}`;
      await api(org.admin).get(path).expect(200);
      await api(other.admin).get(path).expect(404);
      await api(other.admin).patch(path, { frequency: 'monthly' }).expect(404);
      await api(other.admin).delete(path).expect(404);
      const list = await api(other.admin).get('/api/v1/report-schedules').expect(200);
      expect(list.body.items.map((item: ScheduleView) => item.id)).not.toContain(created.id);
      await api(org.admin).get(path).expect(200);
    });

    it('lets a manager see and change only their own schedules, scoped to their reporting chain', async () => {
      const own = await schedule(manager.session, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [manager.email, org.admin.user.email],
      });
      expect(own.scope).toBe('reporting_chain');
      const staffs = await schedule(educator.session, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [educator.email],
      });
      const listed = await api(manager.session).get('/api/v1/report-schedules').expect(200);
      expect(listed.body.items.map((item: ScheduleView) => item.id)).toEqual([own.id]);
      await api(manager.session).get(`/api/v1/report-schedules/${staffs.id}`).expect(404);
      await api(manager.session)
        .patch(`/api/v1/report-schedules/${staffs.id}`, { active: false })
        .expect(404);
      await api(manager.session).delete(`/api/v1/report-schedules/${staffs.id}`).expect(404);
      // Staff see the manager's schedule too.
      await api(educator.session).get(`/api/v1/report-schedules/${own.id}`).expect(200);
      // Another manager is no recipient of an educator's schedule (they could not open its report).
      const refused = await api(educator.session)
        .patch(`/api/v1/report-schedules/${staffs.id}`, { recipients: [manager.email] })
        .expect(400);
      expect(refused.body.errors).toEqual([
        { field: 'recipients', message: expect.stringContaining(manager.email) },
      ]);
      await api(learner.session).get('/api/v1/report-schedules').expect(403);
    });
  });

  describe('the sweep', () => {
    it('builds one report per period at 06:00 local and mails each recipient once, a sign-in link without report data', async () => {
      const weekly = await schedule(educator.session, {
        type: 'compliance',
        format: 'csv',
        frequency: 'weekly',
        recipients: [org.admin.user.email, educator.email],
      });
      const mine = await schedule(manager.session, {
        type: 'compliance',
        frequency: 'weekly',
        recipients: [manager.email],
      });
      // Others created by the tests above are paused, so only these two (and any still active) run.
      await world.ownerQuery(
        `UPDATE report_schedules SET active = false WHERE organization_id = $1 AND id <> ALL ($2::uuid[])`,
        [org.id, [weekly.id, mine.id]],
      );
      const mailBefore = (email: string) => world.mail.to(email).filter(isScheduleMail).length;
      const before = {
        admin: mailBefore(org.admin.user.email),
        educator: mailBefore(educator.email),
        manager: mailBefore(manager.email),
      };

      setClock('2027-03-08T11:59:59Z');
      await sweep(org);
      expect(await runsOf(weekly.id)).toEqual([]);

      setClock(MONDAY_0600_CST);
      await sweep(org);
      const [run] = await runsOf(weekly.id);
      expect(run).toMatchObject({ period_start: '2027-03-08' });
      await until(
        'the scheduled report is mailed',
        async () => (await runsOf(weekly.id))[0].mailed_at !== null,
        30_000,
      );
      expect(await reportStatus(run.report_id)).toBe('ready');
      await world.settled({ timeoutMs: 30_000 });

      const [adminMail, educatorMail] = await Promise.all([
        world.mail.waitForMatching(org.admin.user.email, isScheduleMail, before.admin + 1),
        world.mail.waitForMatching(educator.email, isScheduleMail, before.educator + 1),
      ]);
      for (const mail of [adminMail, educatorMail]) {
        expect(mail.subject).toBe('Your weekly compliance report is ready (Scheduled Health)');
        expect(mail.text).toContain(`http://beacon.test/reports?id=${run.report_id}`);
        expect(mail.text).toContain('Sign in to Beacon to download it');
        expect(mail.text).toContain('March 8, 2027');
        for (const secret of [LICENSE_NUMBER, LEARNER_NAME, learner.email])
          expect(`${mail.text}${mail.html}`).not.toContain(secret);
        expect(mail.headers['content-type'] ?? '').not.toContain('multipart/mixed');
      }
      expect(await mailRows(weekly.id)).toEqual(
        [org.admin.user.email, educator.email].sort().map((email) => ({
          recipient_email: email,
          dedupe_key: `report-schedule:${weekly.id}:2027-03-08:${email}`,
          status: 'sent',
        })),
      );

      // The manager's report holds their chain: the learner reporting to them, nobody else.
      const [managerRun] = await runsOf(mine.id);
      const managerReport = await api(manager.session)
        .get(`/api/v1/reports/${managerRun.report_id}`)
        .expect(200);
      expect(managerReport.body).toMatchObject({ scope: 'reporting_chain', status: 'ready', rowCount: 1 });
      await world.mail.waitForMatching(manager.email, isScheduleMail, before.manager + 1);
      const read = await api(educator.session).get(`/api/v1/report-schedules/${weekly.id}`).expect(200);
      expect(read.body).toMatchObject({
        lastRunAt: MONDAY_0600_CST,
        lastReportId: run.report_id,
        nextRunAt: MONDAY_0600_CDT,
      });

      // A second sweep in the same period does nothing: no report, no mail.
      setClock('2027-03-10T12:00:00Z');
      expect(await sweep(org)).toEqual({ started: 0, paused: 0, mailed: 0 });
      await world.settled({ timeoutMs: 30_000 });
      expect(await runsOf(weekly.id)).toHaveLength(1);
      expect(await mailRows(weekly.id)).toHaveLength(2);
      expect(world.mail.to(educator.email).filter(isScheduleMail)).toHaveLength(before.educator + 1);

      // The next period (after the change to daylight time) runs again, once.
      setClock(MONDAY_0600_CDT);
      await sweep(org);
      await sweep(org);
      await until(
        'the second period is mailed',
        async () => {
          const runs = await runsOf(weekly.id);
          return runs.length === 2 && runs[1].mailed_at !== null;
        },
        30_000,
      );
      expect((await runsOf(weekly.id)).map((row) => row.period_start)).toEqual(['2027-03-08', '2027-03-15']);
      await world.settled({ timeoutMs: 30_000 });
      expect(await mailRows(weekly.id)).toHaveLength(4);
      expect(world.mail.to(educator.email).filter(isScheduleMail)).toHaveLength(before.educator + 2);
      const reports = await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports r JOIN report_schedule_runs run ON run.report_id = r.id
          WHERE run.schedule_id = $1`,
        [weekly.id],
      );
      expect(reports[0].n).toBe(2);
    });

    it('pauses, at its next run, the schedule of a creator who may no longer request reports', async () => {
      const person = await world.addMember(org, ['educator']);
      const created = await schedule(person.session, {
        type: 'overdue',
        frequency: 'weekly',
        recipients: [person.email],
      });
      await world.ownerQuery(
        `UPDATE report_schedules SET active = false WHERE organization_id = $1 AND id <> $2`,
        [org.id, created.id],
      );
      await api(org.admin)
        .patch(`/api/v1/members/${person.memberId}`, { roles: ['learner'] })
        .expect(200);
      setClock('2027-03-22T11:00:00Z');
      await sweep(org);
      expect(await runsOf(created.id)).toEqual([]);
      const read = await api(org.admin).get(`/api/v1/report-schedules/${created.id}`).expect(200);
      expect(read.body).toMatchObject({ active: false, nextRunAt: null });
    });

    it('mails a failed report as a short notice, and nobody who has lost the right to receive it', async () => {
      const failing = await schedule(org.admin, {
        type: 'overdue',
        frequency: 'monthly',
        recipients: [org.admin.user.email, educator.email],
      });
      await world.ownerQuery(
        `UPDATE report_schedules SET active = false WHERE organization_id = $1 AND id <> $2`,
        [org.id, failing.id],
      );
      // The educator is an educator no more: they get nothing of this run.
      await api(org.admin)
        .patch(`/api/v1/members/${educator.memberId}`, { roles: ['learner'] })
        .expect(200);
      // The organization's report folder cannot be created (a file stands where it would go): the build fails.
      await world.settled({ timeoutMs: 30_000 });
      const folder = join(world.storageDir, 'reports', org.id);
      await rm(folder, { recursive: true, force: true });
      await mkdir(join(world.storageDir, 'reports'), { recursive: true });
      await writeFile(folder, 'in the way');
      const before = world.mail.to(org.admin.user.email).filter(isScheduleMail).length;
      try {
        setClock(APRIL_1ST_0600_CDT);
        await sweep(org);
        await until(
          'the failed run is mailed',
          async () =>
            (await runsOf(failing.id))[0]?.mailed_at !== null && (await runsOf(failing.id)).length === 1,
          60_000,
        );
      } finally {
        await rm(folder, { force: true });
      }
      const [run] = await runsOf(failing.id);
      expect(await reportStatus(run.report_id)).toBe('failed');
      await world.settled({ timeoutMs: 30_000 });
      const notice = await world.mail.waitForMatching(org.admin.user.email, isScheduleMail, before + 1);
      expect(notice.subject).toBe(
        'Your monthly overdue training report could not be built (Scheduled Health)',
      );
      expect(notice.text).toContain(`http://beacon.test/reports?id=${run.report_id}`);
      expect((await mailRows(failing.id)).map((row) => row.recipient_email)).toEqual([org.admin.user.email]);
      await api(org.admin)
        .patch(`/api/v1/members/${educator.memberId}`, { roles: ['educator'] })
        .expect(200);
    });
  });

  describe('hostile input', () => {
    it('starts one run for a period that ten sweeps take at once', async () => {
      const burst = await schedule(educator.session, {
        type: 'overdue',
        frequency: 'monthly',
        recipients: [educator.email],
      });
      await world.ownerQuery(
        `UPDATE report_schedules SET active = false WHERE organization_id = $1 AND id <> $2`,
        [org.id, burst.id],
      );
      setClock('2027-05-01T11:00:00.000Z');
      const results = await Promise.all(Array.from({ length: 10 }, () => sweep(org)));
      expect(results.reduce((sum, result) => sum + result.started, 0)).toBe(1);
      expect((await runsOf(burst.id)).map((run) => run.period_start)).toEqual(['2027-05-01']);
      await until(
        'the burst run is mailed',
        async () => (await runsOf(burst.id))[0].mailed_at !== null,
        60_000,
      );
      await world.settled({ timeoutMs: 30_000 });
      expect((await mailRows(burst.id)).map((row) => row.recipient_email)).toEqual([educator.email]);
    });

    it.each([
      ['a NUL byte', '\u0000'],
      ['an unpaired surrogate', '\uD800'],
    ])(
      'answers 400 naming the field for %s in recipients and filters, and stores nothing',
      async (_name, bad) => {
        const count = async () =>
          (
            await world.ownerQuery<{ n: number }>(
              'SELECT count(*)::int AS n FROM report_schedules WHERE organization_id = $1',
              [org.id],
            )
          )[0].n;
        const before = await count();
        const recipients = await api(educator.session).post('/api/v1/report-schedules', {
          type: 'overdue',
          frequency: 'weekly',
          recipients: [`${educator.email}${bad}`],
        });
        expect(recipients.status).toBe(400);
        expect(recipients.body.errors.map((error: { field: string }) => error.field)).toContain(
          'recipients.0',
        );
        const filters = await api(educator.session).post('/api/v1/report-schedules', {
          type: 'overdue',
          frequency: 'weekly',
          recipients: [educator.email],
          filters: { siteId: `00000000-0000-4000-8000-00000000000${bad}` },
        });
        expect(filters.status).toBe(400);
        expect(filters.body.errors.map((error: { field: string }) => error.field)).toContain(
          'filters.siteId',
        );
        expect(await count()).toBe(before);
      },
    );
  });
});
