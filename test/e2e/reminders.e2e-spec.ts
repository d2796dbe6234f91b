import { Clock } from '@beacon/core/time';
import { ReminderSweepJob } from '@beacon/reminders';
import type { CapturedMail } from '../support/mail-sink';
import {
  cohortEnrollments,
  courseModuleIds,
  createCohort,
  findHt101,
  loadAnswerKey,
  passCourse,
} from '../support/learning';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { sleep, until } from '../support/waiting';

jest.setTimeout(120_000);

const DAY = 86_400_000;
/** The due date of every cohort here, a Wednesday inside HT-101 v2's validity; Chicago keeps daylight time (UTC-5) all around it. */
const DUE_DATE = '2027-06-16';
const DUE_SHOWN = 'June 16, 2027';

/** An instant `days` after the due date at the given Chicago wall time (the organizations' zone). */
function day(days: number, time = '12:00'): Date {
  return new Date(Date.parse(`${DUE_DATE}T${time}:00-05:00`) + days * DAY);
}

interface ReminderRow {
  id: string;
  kind: string;
  recipient_email: string;
  status: string;
  dedupe_key: string;
  send_after: Date | null;
  payload: Record<string, unknown>;
}

const isKind =
  (prefix: string) =>
  (mail: CapturedMail): boolean =>
    mail.subject.startsWith(prefix);
const isDueSoon = isKind('Reminder:');
const isOverdue = isKind('Overdue:');
const isDigest = (mail: CapturedMail): boolean => /on your team (is|are) overdue/.test(mail.subject);

describe('reminders: the sweep, exactly one mail each, escalation digests and the reminder window', () => {
  let world: TestApp;
  let courseId: string;
  let courseTitle: string;
  let key: Map<string, string>;
  let now = day(-30);

  const setClock = (instant: Date): void => {
    now = instant;
  };

  /**
   * One sweep of the organization at the clock's instant, run in the worker as its job runs it. Its counts of
   * learners' reminders and digests: these organizations have no live sessions (session-reminders.e2e-spec.ts).
   */
  const sweep = async (org: TestOrganization) => {
    const { reminders, digests } = await (world.worker as NonNullable<TestApp['worker']>)
      .get(ReminderSweepJob)
      .runFor(org.id, now);
    return { reminders, digests };
  };

  async function member(
    org: TestOrganization,
    fields: Record<string, unknown>,
    roles = ['learner'],
  ): Promise<{ id: string; email: string }> {
    const email = world.email('member');
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email, name: `Member ${email.split('@')[0]}`, roles, invite: false, ...fields })
      .expect(201);
    return { id: res.body.id, email };
  }

  /** A cohort of everyone with the job title, due at the end of DUE_DATE in the organization's zone. */
  async function cohort(
    org: TestOrganization,
    jobTitle: string,
    reminders?: Record<string, unknown>,
  ): Promise<string> {
    const created = await createCohort(world, org.admin, {
      name: `Cohort ${jobTitle}`,
      courseId,
      target: { jobTitles: [jobTitle] },
      dueDate: DUE_DATE,
      ...(reminders ? { reminders } : {}),
    });
    return created.id;
  }

  async function enrollmentOf(org: TestOrganization, cohortId: string, memberId: string): Promise<string> {
    const { items } = await cohortEnrollments(world, org.admin, cohortId);
    const found = items.find((item) => item.memberId === memberId);
    if (!found) throw new Error(`member ${memberId} is not enrolled in ${cohortId}`);
    return found.id;
  }

  const reminderRows = (org: TestOrganization) =>
    world.ownerQuery<ReminderRow>(
      `SELECT id, kind, recipient_email, status, dedupe_key, send_after, payload FROM notifications
        WHERE organization_id = $1 AND kind IN ('due_soon', 'overdue', 'escalation') ORDER BY created_at, dedupe_key`,
      [org.id],
    );

  const keysOf = async (org: TestOrganization, email: string) =>
    (await reminderRows(org)).filter((row) => row.recipient_email === email).map((row) => row.dedupe_key);

  /** Waits until nothing of the organization is due and unsent: every due row went out (or was cancelled). */
  async function delivered(org: TestOrganization): Promise<void> {
    await until(
      'every due reminder is settled',
      async () =>
        (
          await world.ownerQuery<{ owed: number }>(
            `SELECT count(*)::int AS owed FROM notifications
              WHERE organization_id = $1
                AND (status = 'sending' OR (status = 'pending' AND (send_after IS NULL OR send_after <= $2)))`,
            [org.id, now],
          )
        )[0].owed === 0,
      20_000,
    );
  }

  const mails = (email: string, matches: (mail: CapturedMail) => boolean) =>
    world.mail.to(email).filter(matches);

  beforeAll(async () => {
    world = await TestApp.start();
    // Both processes read the same test clock: the api (enrollment, completion) and the worker (sweep, sending).
    for (const context of [world.app, world.worker]) {
      jest.spyOn(context?.get(Clock) as Clock, 'now').mockImplementation(() => new Date(now));
    }
    const platform = await world.platformAdmin();
    const first = await world.createOrganization('Course Lookup');
    ({ id: courseId, title: courseTitle } = await findHt101(world, first.admin));
    key = await loadAnswerKey(world, platform, courseId);
  });

  beforeEach(() => setClock(day(-30)));

  afterAll(async () => {
    jest.restoreAllMocks();
    await world?.stop();
  });

  it('walks the whole ladder of one cohort: assignment, each due-soon offset, overdue and its repeats, escalation', async () => {
    const org = await world.createOrganization('Ladder Health');
    const manager = await member(org, { name: 'Mara Manager' }, ['manager']);
    const learner = await member(org, { name: 'Lee Learner', jobTitle: 'ladder', managerId: manager.id });
    const cohortId = await cohort(org, 'ladder');
    const enrollmentId = await enrollmentOf(org, cohortId, learner.id);
    await world.mail.waitFor(learner.email, 1);
    expect(world.mail.to(learner.email)[0].subject).toContain('New training assigned');

    const steps: Array<{ at: Date; reminders: number; digests: number }> = [
      { at: day(-10), reminders: 0, digests: 0 },
      { at: day(-6), reminders: 1, digests: 0 }, // due_soon, 7 days
      { at: day(-3), reminders: 0, digests: 0 },
      { at: day(0), reminders: 1, digests: 0 }, // due_soon, 1 day
      { at: day(1), reminders: 1, digests: 0 }, // overdue, step 0
      { at: day(5), reminders: 0, digests: 0 },
      { at: day(8), reminders: 1, digests: 0 }, // overdue, step 1
      { at: day(15), reminders: 1, digests: 1 }, // overdue, step 2, and the escalation to the manager
    ];
    for (const step of steps) {
      setClock(step.at);
      expect(await sweep(org)).toEqual({ reminders: step.reminders, digests: step.digests });
      expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
      await delivered(org);
    }

    const cycle = `${enrollmentId}:1`;
    expect(await keysOf(org, learner.email)).toEqual([
      `due_soon:${cycle}:7`,
      `due_soon:${cycle}:1`,
      `overdue:${cycle}:0`,
      `overdue:${cycle}:1`,
      `overdue:${cycle}:2`,
    ]);
    const learnerMail = world.mail.to(learner.email);
    expect(learnerMail.map((mail) => mail.subject)).toEqual([
      expect.stringContaining('New training assigned'),
      `Reminder: "${courseTitle}" is due ${DUE_SHOWN}`,
      `Reminder: "${courseTitle}" is due ${DUE_SHOWN}`,
      `Overdue: "${courseTitle}" was due ${DUE_SHOWN}`,
      `Overdue: "${courseTitle}" was due ${DUE_SHOWN}`,
      `Overdue: "${courseTitle}" was due ${DUE_SHOWN}`,
    ]);
    expect(learnerMail[1].text).toContain(`http://beacon.test/learn/enrollments/${enrollmentId}`);
    expect(learnerMail[1].text).toContain('Ladder Health');
    expect(new Set(learnerMail.map((mail) => mail.messageId)).size).toBe(learnerMail.length);

    const digests = mails(manager.email, isDigest);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('1 person on your team is overdue on training at Ladder Health');
    expect(digests[0].text).toContain(`Lee Learner: `);
    expect(digests[0].text).toContain(`due ${DUE_SHOWN} (15 days overdue)`);
    expect(digests[0].text).toContain('http://beacon.test/team');
    expect(world.mail.to(manager.email)).toHaveLength(1);
  });

  it('writes nothing twice when sweeps repeat or run five at once', async () => {
    const org = await world.createOrganization('Concurrent Health');
    const manager = await member(org, {}, ['manager']);
    const learners = await Promise.all(
      Array.from({ length: 5 }, () => member(org, { jobTitle: 'busy', managerId: manager.id })),
    );
    await cohort(org, 'busy', { beforeDueDays: [7, 1], overdueEveryDays: 7, escalateAfterDays: 0 });

    setClock(day(1));
    const results = await Promise.all(Array.from({ length: 5 }, () => sweep(org)));
    expect(results.reduce((sum, r) => sum + r.reminders, 0)).toBe(5);
    expect(results.reduce((sum, r) => sum + r.digests, 0)).toBe(1);
    expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
    await delivered(org);

    const rows = await reminderRows(org);
    expect(new Set(rows.map((row) => row.dedupe_key)).size).toBe(rows.length);
    expect(rows).toHaveLength(6);
    for (const learner of learners) expect(mails(learner.email, isOverdue)).toHaveLength(1);
    const digests = mails(manager.email, isDigest);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('5 people on your team are overdue on training at Concurrent Health');
  });

  it('relays a sweep of more reminders than the relay lists (the worker relays them) and mails each one once', async () => {
    const org = await world.createOrganization('Large Sweep Health');
    const count = 210;
    const tag = org.id.slice(0, 8);
    await world.ownerQuery(
      `WITH people AS (
         INSERT INTO users (email, name)
         SELECT 'large-sweep-' || n || '-' || $2 || '@example.test', 'Person ' || n FROM generate_series(1, $3::int) n
         RETURNING id, name)
       INSERT INTO memberships (organization_id, user_id, roles, status, name, job_title, joined_at)
       SELECT $1, id, '{learner}', 'active', name, 'many', now() FROM people`,
      [org.id, tag, count],
    );
    const emails = Array.from({ length: count }, (_, n) => `large-sweep-${n + 1}-${tag}@example.test`);
    await cohort(org, 'many', { beforeDueDays: [7], overdueEveryDays: 7, escalateAfterDays: 0 });

    setClock(day(1));
    expect(await sweep(org)).toEqual({ reminders: count, digests: 0 });
    await delivered(org);
    expect(emails.filter((email) => mails(email, isOverdue).length !== 1)).toEqual([]);
    expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
  });

  it('sends only the nearest offset when several are owed at once, and never the larger one later', async () => {
    const org = await world.createOrganization('Offsets Health');
    const learner = await member(org, { jobTitle: 'late' });
    setClock(day(-2));
    await cohort(org, 'late', { beforeDueDays: [7, 3, 1], overdueEveryDays: 7, escalateAfterDays: 14 });

    expect(await sweep(org)).toEqual({ reminders: 1, digests: 0 });
    setClock(day(-1, '13:00'));
    expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
    setClock(day(0));
    expect(await sweep(org)).toEqual({ reminders: 1, digests: 0 });
    await delivered(org);
    expect((await keysOf(org, learner.email)).map((key) => key.replace(/:.*:1:/, ':'))).toEqual([
      'due_soon:3',
      'due_soon:1',
    ]);
    expect(mails(learner.email, isDueSoon)).toHaveLength(2);
  });

  describe('what changed before sending is never mailed about', () => {
    /** A due_soon row decided before the window opens (05:00), held until 08:00 on the due date. */
    async function heldReminder(org: TestOrganization, email: string): Promise<ReminderRow> {
      setClock(day(0, '05:00'));
      expect(await sweep(org)).toEqual({ reminders: 1, digests: 0 });
      const row = (await reminderRows(org)).find(
        (r) => r.recipient_email === email && r.dedupe_key.endsWith(':1:1'),
      ) as ReminderRow;
      expect(row).toMatchObject({ kind: 'due_soon', status: 'pending' });
      expect(row.send_after?.toISOString()).toBe(day(0, '08:00').toISOString());
      return row;
    }

    /** Past the opening: the poll relays the held row and the sender checks it again. */
    async function releaseAndSettle(org: TestOrganization, row: ReminderRow): Promise<string> {
      setClock(day(0, '08:30'));
      return until(
        'the held reminder is settled',
        async () => {
          const [current] = await world.ownerQuery<{ status: string }>(
            'SELECT status FROM notifications WHERE id = $1',
            [row.id],
          );
          return ['sent', 'cancelled', 'failed'].includes(current.status) && current.status;
        },
        20_000,
      ).finally(() => delivered(org));
    }

    /** After the change, no later sweep owes the learner anything (overdue, escalation). */
    async function nothingLater(org: TestOrganization, email: string, manager: string): Promise<void> {
      for (const at of [day(1), day(8), day(15), day(16)]) {
        setClock(at);
        expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
      }
      expect(await keysOf(org, email)).toHaveLength(2);
      expect(mails(email, (mail) => isDueSoon(mail) || isOverdue(mail))).toHaveLength(1);
      expect(world.mail.to(manager)).toHaveLength(0);
    }

    it('cancels a queued reminder when the course is completed, and owes nothing after it', async () => {
      const org = await world.createOrganization('Completion Health');
      const manager = await member(org, {}, ['manager']);
      const learner = await world.addMember(org, ['learner'], {
        jobTitle: 'finisher',
        managerId: manager.id,
      });
      const cohortId = await cohort(org, 'finisher');
      const enrollmentId = await enrollmentOf(org, cohortId, learner.memberId);
      setClock(day(-6));
      expect(await sweep(org)).toEqual({ reminders: 1, digests: 0 });
      await delivered(org);

      const held = await heldReminder(org, learner.email);
      const moduleIds = await courseModuleIds(world, learner.session, courseId);
      expect((await passCourse(world, learner.session, enrollmentId, moduleIds, key)).passed).toBe(true);

      expect(await releaseAndSettle(org, held)).toBe('cancelled');
      await nothingLater(org, learner.email, manager.email);
    });

    it('cancels a queued reminder when the enrollment is exempted', async () => {
      const org = await world.createOrganization('Exemption Health');
      const manager = await member(org, {}, ['manager']);
      const learner = await member(org, { jobTitle: 'exempted', managerId: manager.id });
      const cohortId = await cohort(org, 'exempted');
      const enrollmentId = await enrollmentOf(org, cohortId, learner.id);
      setClock(day(-6));
      await sweep(org);
      await delivered(org);

      const held = await heldReminder(org, learner.email);
      await world
        .http()
        .post(`/api/v1/enrollments/${enrollmentId}/exempt`)
        .set(...bearer(org.admin))
        .send({ reason: 'Completed the same training elsewhere' })
        .expect(200);

      expect(await releaseAndSettle(org, held)).toBe('cancelled');
      await nothingLater(org, learner.email, manager.email);
    });

    it('cancels a queued reminder when the member leaves the cohort (withdrawn)', async () => {
      const org = await world.createOrganization('Withdrawal Health');
      const manager = await member(org, {}, ['manager']);
      const learner = await member(org, { jobTitle: 'mover', managerId: manager.id });
      const cohortId = await cohort(org, 'mover');
      const enrollmentId = await enrollmentOf(org, cohortId, learner.id);
      setClock(day(-6));
      await sweep(org);
      await delivered(org);

      const held = await heldReminder(org, learner.email);
      await world
        .http()
        .patch(`/api/v1/members/${learner.id}`)
        .set(...bearer(org.admin))
        .send({ jobTitle: 'elsewhere' })
        .expect(200);
      const [enrollment] = await world.ownerQuery<{ status: string }>(
        'SELECT status FROM enrollments WHERE id = $1',
        [enrollmentId],
      );
      expect(enrollment.status).toBe('withdrawn');

      expect(await releaseAndSettle(org, held)).toBe('cancelled');
      await nothingLater(org, learner.email, manager.email);
    });
  });

  describe('the reminder window', () => {
    it('holds reminders outside the window, visibly, and sends them at the next opening in the site zone', async () => {
      const org = await world.createOrganization('Window Health');
      const site = await world
        .http()
        .post('/api/v1/sites')
        .set(...bearer(org.admin))
        .send({ name: 'Coast', kind: 'hospital', timezone: 'America/Los_Angeles' })
        .expect(201);
      const central = await member(org, { jobTitle: 'night' });
      const pacific = await member(org, { jobTitle: 'night', siteId: site.body.id });
      await cohort(org, 'night');

      // 21:00 in Chicago is 19:00 on the coast: the Pacific member is inside the window, the Central one is not.
      setClock(day(-6, '21:00'));
      expect(await sweep(org)).toEqual({ reminders: 2, digests: 0 });
      await world.mail.waitForMatching(pacific.email, isDueSoon);
      const rows = await reminderRows(org);
      const held = rows.find((row) => row.recipient_email === central.email) as ReminderRow;
      expect(held.send_after?.toISOString()).toBe(day(-5, '08:00').toISOString());
      expect(rows.find((row) => row.recipient_email === pacific.email)?.payload.timeZone).toBe(
        'America/Los_Angeles',
      );

      const listed = await world
        .http()
        .get('/api/v1/notifications?status=pending&kind=due_soon')
        .set(...bearer(org.admin))
        .expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          id: held.id,
          status: 'pending',
          sendAfter: day(-5, '08:00').toISOString(),
          attempts: 0,
          lastError: null,
          sentAt: null,
        }),
      ]);
      const bad = await world
        .http()
        .get('/api/v1/notifications?status=held')
        .set(...bearer(org.admin))
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
      // Several polls go by (every second here): nothing leaves before the opening.
      await sleep(2_500);
      expect(mails(central.email, isDueSoon)).toHaveLength(0);
      const [still] = await world.ownerQuery<{ status: string; attempts: number }>(
        'SELECT status, attempts FROM notifications WHERE id = $1',
        [held.id],
      );
      expect(still).toEqual({ status: 'pending', attempts: 0 });

      setClock(day(-5, '08:01'));
      const mail = await world.mail.waitForMatching(central.email, isDueSoon, 1, 20_000);
      expect(mail.subject).toBe(`Reminder: "${courseTitle}" is due ${DUE_SHOWN}`);
      await delivered(org);
    });

    it('finds the next opening on the wall clock across daylight-saving changes and closed days', async () => {
      const weekdays = { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] };
      const next = async (at: string, win: unknown) =>
        (
          await world.ownerQuery<{ at: Date }>(
            `SELECT reminder_send_after($1::timestamptz, 'America/Chicago', $2::jsonb) AS at`,
            [at, JSON.stringify(win)],
          )
        )[0].at.toISOString();
      // Saturday noon before the spring change (8 March 2031 CST) waits for Monday 08:00 CDT.
      expect(await next('2031-03-08T18:00:00Z', weekdays)).toBe('2031-03-10T13:00:00.000Z');
      // Saturday 21:00 CDT before the autumn change (2 November 2031) opens Sunday 08:00 CST.
      expect(await next('2031-11-02T02:00:00Z', { ...weekdays, days: [7] })).toBe('2031-11-02T14:00:00.000Z');
      // Inside the window, or with no window at all: at once.
      expect(await next('2031-03-11T15:00:00Z', weekdays)).toBe('2031-03-11T15:00:00.000Z');
      expect(await next('2031-03-08T18:00:00Z', null)).toBe('2031-03-08T18:00:00.000Z');
    });

    it('releases held reminders at once when the window is cleared', async () => {
      const org = await world.createOrganization('Cleared Health');
      const learner = await member(org, { jobTitle: 'owl' });
      await cohort(org, 'owl');
      setClock(day(-6, '23:00'));
      await sweep(org);
      const [held] = await reminderRows(org);
      expect(held.send_after?.toISOString()).toBe(day(-5, '08:00').toISOString());

      await world
        .http()
        .patch('/api/v1/organization')
        .set('Authorization', `Bearer ${org.admin.accessToken}`)
        .send({ reminderWindow: null })
        .expect(200);
      const [moved] = await reminderRows(org);
      expect(moved.send_after?.toISOString()).toBe(day(-6, '23:00').toISOString());
      await world.mail.waitForMatching(learner.email, isDueSoon, 1, 20_000);
      expect(now.toISOString()).toBe(day(-6, '23:00').toISOString());
    });
  });

  describe('escalation digests', () => {
    it('sends a manager with 30 overdue reports one mail naming all 30', async () => {
      const org = await world.createOrganization('Big Team Health');
      const manager = await member(org, { name: 'Busy Manager' }, ['manager']);
      const names: string[] = [];
      for (let i = 1; i <= 30; i += 1) {
        names.push(`Report Number ${String(i).padStart(2, '0')}`);
        await member(org, { name: names[i - 1], jobTitle: 'thirty', managerId: manager.id });
      }
      await cohort(org, 'thirty');
      setClock(day(15));
      expect(await sweep(org)).toEqual({ reminders: 30, digests: 1 });
      expect(await sweep(org)).toEqual({ reminders: 0, digests: 0 });
      await delivered(org);

      const digests = world.mail.to(manager.email);
      expect(digests).toHaveLength(1);
      expect(digests[0].subject).toBe('30 people on your team are overdue on training at Big Team Health');
      for (const name of names) {
        expect(digests[0].text).toContain(`${name}: `);
        expect(digests[0].html).toContain(name);
      }
    });

    it('sends a daily digest once a day and a weekly one once an ISO week, in the recipient zone', async () => {
      const org = await world.createOrganization('Digest Health');
      const daily = await member(org, {}, ['manager']);
      const weekly = await member(org, {}, ['manager']);
      const immediate = await member(org, {}, ['manager']);
      await member(org, { jobTitle: 'digest', managerId: daily.id });
      await member(org, { jobTitle: 'digest', managerId: weekly.id });
      await member(org, { jobTitle: 'digest', managerId: immediate.id });
      await world.ownerQuery(`UPDATE users SET escalation_digest = 'weekly' WHERE email = $1`, [
        weekly.email,
      ]);
      await world.ownerQuery(`UPDATE users SET escalation_digest = 'immediate' WHERE email = $1`, [
        immediate.email,
      ]);
      await cohort(org, 'digest');

      // Thursday 3 July (ISO week 27), later that day, Saturday, then Monday 7 July (week 28).
      const expected = [
        { at: day(15), daily: 1, weekly: 1, immediate: 1 },
        { at: day(15, '19:00'), daily: 1, weekly: 1, immediate: 1 },
        { at: day(17), daily: 2, weekly: 1, immediate: 1 },
        { at: day(19), daily: 3, weekly: 2, immediate: 1 },
      ];
      for (const step of expected) {
        setClock(step.at);
        await sweep(org);
        await delivered(org);
        expect({
          daily: mails(daily.email, isDigest).length,
          weekly: mails(weekly.email, isDigest).length,
          immediate: mails(immediate.email, isDigest).length,
        }).toEqual({ daily: step.daily, weekly: step.weekly, immediate: step.immediate });
      }
      expect(mails(daily.email, isDigest)[2].text).toContain('(19 days overdue)');
    });

    it('reads a held digest again at send time: people who left the list drop out, an empty digest is cancelled', async () => {
      const org = await world.createOrganization('Refresh Health');
      const kept = await member(org, {}, ['manager']);
      const emptied = await member(org, {}, ['manager']);
      await member(org, { name: 'Still Overdue', jobTitle: 'refresh', managerId: kept.id });
      const leaves = await member(org, {
        name: 'Exempted Meanwhile',
        jobTitle: 'refresh',
        managerId: kept.id,
      });
      const alone = await member(org, { jobTitle: 'refresh', managerId: emptied.id });
      const cohortId = await cohort(org, 'refresh');

      setClock(day(15, '05:00'));
      expect(await sweep(org)).toEqual({ reminders: 3, digests: 2 });
      const digests = (await reminderRows(org)).filter((row) => row.kind === 'escalation');
      expect(digests.map((row) => row.status)).toEqual(['pending', 'pending']);
      expect(digests.map((row) => (row.payload.reports as unknown[]).length).sort()).toEqual([1, 2]);
      for (const gone of [leaves, alone]) {
        await world
          .http()
          .post(`/api/v1/enrollments/${await enrollmentOf(org, cohortId, gone.id)}/exempt`)
          .set(...bearer(org.admin))
          .send({ reason: 'On leave' })
          .expect(200);
      }

      setClock(day(15, '08:30'));
      const mail = await world.mail.waitForMatching(kept.email, isDigest, 1, 20_000);
      await delivered(org);
      expect(mail.subject).toBe('1 person on your team is overdue on training at Refresh Health');
      expect(mail.text).toContain('Still Overdue: ');
      expect(mail.text).not.toContain('Exempted Meanwhile');
      expect(world.mail.to(emptied.email)).toHaveLength(0);
      const statuses = await world.ownerQuery<{ recipient_email: string; status: string }>(
        `SELECT recipient_email, status FROM notifications WHERE organization_id = $1 AND kind = 'escalation'`,
        [org.id],
      );
      expect(Object.fromEntries(statuses.map((row) => [row.recipient_email, row.status]))).toEqual({
        [kept.email]: 'sent',
        [emptied.email]: 'cancelled',
      });
    });

    it('goes to every active educator when the member has no manager, and not to the member', async () => {
      const org = await world.createOrganization('Educator Health');
      const educators = [await member(org, {}, ['educator']), await member(org, {}, ['educator'])];
      const learner = await member(org, { jobTitle: 'unmanaged' });
      await cohort(org, 'unmanaged');
      setClock(day(15));
      expect(await sweep(org)).toEqual({ reminders: 1, digests: 2 });
      await delivered(org);
      for (const educator of educators) expect(mails(educator.email, isDigest)).toHaveLength(1);
      expect(mails(learner.email, isDigest)).toHaveLength(0);
    });
  });

  it('writes to a member whose locale is es in Spanish', async () => {
    const org = await world.createOrganization('Spanish Health');
    const learner = await member(org, { jobTitle: 'es', locale: 'es' });
    await cohort(org, 'es');
    setClock(day(-6));
    await sweep(org);
    const mail = await world.mail.waitForMatching(learner.email, isKind('Recordatorio:'));
    expect(mail.subject).toBe(`Recordatorio: «${courseTitle}» vence el 16 de junio de 2027`);
    expect(mail.text).toContain('Continuar el curso: http://beacon.test/learn/enrollments/');
    await delivered(org);
  });
});
