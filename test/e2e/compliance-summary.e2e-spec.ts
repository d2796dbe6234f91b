import { Client } from 'pg';
import { ROLLUP_BACKFILL } from '../../migrations/1764690000000-compliance-rollups';
import { Clock } from '@beacon/core/time';
import { currentCycleCte, enrollmentOverdue } from '@beacon/enrollment';
import {
  AnswerKey,
  Cohort,
  CohortStats,
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  getCohort,
  loadAnswerKey,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

type Counts = CohortStats;
interface Group extends Counts {
  id: string | null;
  name: string | null;
}
interface Summary {
  totals: Counts;
  groups: Group[];
}
interface Period {
  periodStart: string;
  completed: number;
  dueByPeriodEnd: number;
  completedByPeriodEnd: number;
  completionRate: number | null;
}

const ZONE = 'America/Chicago';
const DAY = 86_400_000;

/** The local date (YYYY-MM-DD) of an instant in the test organization's time zone. */
function localDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday on or before a date. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

function counterKeys(counts: Counts): Counts {
  const { enrolled, notStarted, inProgress, completed, overdue, exempt, completionRate } = counts;
  return { enrolled, notStarted, inProgress, completed, overdue, exempt, completionRate };
}

describe('the compliance summary and trend: rollup counts that agree with cohort stats', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let courseTitle: string;
  let moduleIds: string[];
  let answerKey: AnswerKey;
  let educator: Session;
  const places = { north: '', emergency: '', south: '', walkIn: '', otherSite: '' };
  const cohorts = { past: {} as Cohort, north: {} as Cohort, otherOrg: {} as Cohort };
  /** Morgan manages Dana (a manager too) and Blake; Dana manages Avery; Blake manages Riley; Casey has no manager. */
  const people = {} as Record<
    'morgan' | 'dana' | 'avery' | 'blake' | 'riley' | 'casey',
    { memberId: string; session: Session }
  >;
  /** The suite's clock: the app's injected Clock answers this instant. */
  let now: Date;

  const get = (session: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(session));

  async function summary(session: Session, query = 'groupBy=site'): Promise<Summary> {
    const res = await get(session, `/api/v1/compliance/summary?${query}`);
    expect(res.status).toBe(200);
    return res.body as Summary;
  }

  async function trend(session: Session, query: string): Promise<Period[]> {
    const res = await get(session, `/api/v1/compliance/trend?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items as Period[];
  }

  /** The groups as `name: enrolled`, to compare whole answers. */
  const shape = (s: Summary) => s.groups.map((g) => `${g.name ?? '(none)'}: ${g.enrolled}`);

  function expectGroupsAddUp(s: Summary): void {
    const keys = ['enrolled', 'notStarted', 'inProgress', 'completed', 'overdue', 'exempt'] as const;
    for (const key of keys) expect(s.groups.reduce((sum, g) => sum + g[key], 0)).toBe(s.totals[key]);
  }

  /** Each cohort group equals the cohort's own stats, as the same session reads them. */
  async function expectCohortStats(session: Session): Promise<void> {
    const byCohort = await summary(session, 'groupBy=cohort');
    for (const cohort of [cohorts.past, cohorts.north]) {
      const stats = (await getCohort(world, session, cohort.id)).stats;
      const group = byCohort.groups.find((g) => g.id === cohort.id);
      if (stats.enrolled === 0) expect(group).toBeUndefined();
      else expect(counterKeys(group as Group)).toEqual(counterKeys(stats));
    }
  }

  async function person(
    key: keyof typeof people,
    name: string,
    roles: string[],
    fields: Record<string, unknown>,
  ): Promise<void> {
    const added = await world.addMember(org, roles, { name, ...fields });
    people[key] = { memberId: added.memberId, session: added.session };
  }

  async function onlyEnrollmentOf(key: keyof typeof people, cohort: Cohort): Promise<string> {
    const [row] = await world.ownerQuery<{ id: string }>(
      'SELECT id FROM enrollments WHERE membership_id = $1 AND cohort_id = $2 ORDER BY cycle DESC LIMIT 1',
      [people[key].memberId, cohort.id],
    );
    return row.id;
  }

  beforeAll(async () => {
    world = await TestApp.start();
    now = new Date();
    jest.spyOn(world.app.get(Clock), 'now').mockImplementation(() => now);
    org = await world.createOrganization('Summary Health');
    other = await world.createOrganization('Elsewhere Health');
    const course = await findHt101(world, org.admin);
    courseId = course.id;
    courseTitle = course.title;
    moduleIds = await courseModuleIds(world, org.admin, courseId);
    answerKey = await loadAnswerKey(world, await world.platformAdmin(), courseId);

    places.north = await createSite(world, org.admin, 'North Campus');
    places.emergency = await createDepartment(world, org.admin, places.north, 'Emergency');
    places.south = await createSite(world, org.admin, 'South Clinic');
    places.walkIn = await createDepartment(world, org.admin, places.south, 'Walk-in');
    places.otherSite = await createSite(world, other.admin, 'Their Campus');
    educator = (await world.addMember(org, ['educator'], { name: 'Eli Educator' })).session;

    const north = { siteId: places.north, departmentId: places.emergency };
    await person('morgan', 'Morgan Manager', ['manager'], {});
    await person('dana', 'Dana Middle', ['manager', 'learner'], {
      ...north,
      managerId: people.morgan.memberId,
    });
    await person('avery', 'Avery Leaf', ['learner'], { ...north, managerId: people.dana.memberId });
    await person('blake', 'Blake Direct', ['manager', 'learner'], {
      siteId: places.south,
      departmentId: places.walkIn,
      managerId: people.morgan.memberId,
    });
    await person('riley', 'Riley Sibling', ['learner'], { ...north, managerId: people.blake.memberId });
    await person('casey', 'Casey Nowhere', ['learner'], {});

    // Everyone (8 members) is overdue at once; the north campus (Dana, Avery, Riley) is due in 30 days.
    cohorts.past = await createCohort(world, org.admin, {
      name: 'Everyone, past due',
      courseId,
      target: {},
      dueDate: '2020-01-15',
    });
    cohorts.north = await createCohort(world, org.admin, {
      name: 'North, due in 30 days',
      courseId,
      target: { siteIds: [places.north] },
      dueInDays: 30,
    });
    cohorts.otherOrg = await createCohort(world, other.admin, {
      name: 'Theirs',
      courseId,
      target: {},
      dueDate: '2020-01-15',
    });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('counts every grouping, the groups adding up to the same totals', async () => {
    const totals = {
      enrolled: 11,
      notStarted: 11,
      inProgress: 0,
      completed: 0,
      overdue: 8,
      exempt: 0,
      completionRate: 0,
    };
    const bySite = await summary(org.admin, 'groupBy=site');
    expect(bySite.totals).toEqual(totals);
    expect(shape(bySite)).toEqual(['North Campus: 6', 'South Clinic: 1', '(none): 4']);
    expect(bySite.groups.map((g) => g.id)).toEqual([places.north, places.south, null]);
    expect(bySite.groups[0]).toEqual({
      id: places.north,
      name: 'North Campus',
      enrolled: 6,
      completed: 0,
      inProgress: 0,
      notStarted: 6,
      overdue: 3,
      exempt: 0,
      completionRate: 0,
    });

    const byDepartment = await summary(org.admin, 'groupBy=department');
    expect(shape(byDepartment)).toEqual(['Emergency: 6', 'Walk-in: 1', '(none): 4']);
    const byCohort = await summary(org.admin, 'groupBy=cohort');
    expect(shape(byCohort)).toEqual(['Everyone, past due: 8', 'North, due in 30 days: 3']);
    const byCourse = await summary(org.admin, 'groupBy=course');
    expect(byCourse.groups).toEqual([{ id: courseId, name: courseTitle, ...totals }]);
    for (const answer of [bySite, byDepartment, byCohort, byCourse]) {
      expect(answer.totals).toEqual(totals);
      expectGroupsAddUp(answer);
    }
    // Educators read the organization too; the default grouping is by site.
    expect(await summary(educator, '')).toEqual(bySite);
  });

  it('agrees with cohort stats for the same people, for staff and for managers', async () => {
    await expectCohortStats(org.admin);
    await expectCohortStats(people.morgan.session);
    await expectCohortStats(people.dana.session);
  });

  it('filters by site, department, cohort, course and a due-date range', async () => {
    const enrolled = async (query: string) => (await summary(org.admin, query)).totals.enrolled;
    expect(await enrolled(`siteId=${places.north}`)).toBe(6);
    expect(await enrolled(`departmentId=${places.walkIn}`)).toBe(1);
    expect(await enrolled(`cohortId=${cohorts.north.id}`)).toBe(3);
    expect(await enrolled(`cohortId=${cohorts.past.id}&siteId=${places.north}`)).toBe(3);
    expect(await enrolled(`courseId=${courseId}`)).toBe(11);
    // Empty filters, as the contract's example writes them, filter nothing.
    expect(await enrolled('groupBy=site&cohortId=&siteId=')).toBe(11);
    // The range is on local due dates (inclusive): the past cohort is due at the end of 2020-01-15 in Chicago.
    expect(await enrolled('from=2020-01-15&to=2020-01-15')).toBe(8);
    expect(await enrolled('from=2020-01-16')).toBe(3);
    const none = await summary(org.admin, 'to=2020-01-14');
    expect(none).toEqual({
      totals: {
        enrolled: 0,
        completed: 0,
        inProgress: 0,
        notStarted: 0,
        overdue: 0,
        exempt: 0,
        completionRate: null,
      },
      groups: [],
    });
    const filtered = await summary(org.admin, `groupBy=department&siteId=${places.north}`);
    expect(shape(filtered)).toEqual(['Emergency: 6']);
    // A manager's answer takes the same filters.
    const managed = await summary(people.morgan.session, `groupBy=cohort&from=2020-01-16`);
    expect(shape(managed)).toEqual(['North, due in 30 days: 3']);
  });

  it('names each bad query value, and every filter id of another organization, in a 400', async () => {
    const problem = async (query: string, fields: string[]) => {
      const res = await get(org.admin, `/api/v1/compliance/summary?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(fields.sort());
    };
    await problem('groupBy=team', ['groupBy']);
    await problem('groupBy=team&siteId=42&from=2026-02-30', ['groupBy', 'siteId', 'from']);
    await problem('from=2026-03-01&to=2026-02-01', ['to']);
    await problem('limit=5', ['limit']);
    await problem(`siteId=${places.otherSite}`, ['siteId']);
    await problem(`cohortId=${cohorts.otherOrg.id}&departmentId=${places.otherSite}`, [
      'cohortId',
      'departmentId',
    ]);
    await problem(`courseId=${cohorts.north.id}`, ['courseId']);
    // A NUL byte, an unpaired surrogate (as UTF-16 escapes and as the raw bytes of one), a repeated parameter.
    await problem('groupBy=site%00', ['groupBy']);
    await problem(`siteId=${places.north}%00`, ['siteId']);
    await problem('from=2026-01-01%ED%A0%80', ['from']);
    await problem('groupBy=%uD800', ['groupBy']);
    await problem('groupBy=site&groupBy=cohort', ['groupBy']);
    for (const path of ['/api/v1/compliance/trend', '/api/v1/compliance/requirement-gaps']) {
      const res = await get(org.admin, `${path}?from=2026-01-01%00&to=%ED%A0%80&siteId=%00`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // The other organization's filters work for it, and its numbers are its own.
    const theirs = await summary(other.admin, `siteId=${places.otherSite}`);
    expect(theirs.totals.enrolled).toBe(0);
    expect((await summary(other.admin)).totals.enrolled).toBe(1);
  });

  it("refuses learners, and shows a manager their whole reporting chain and no sibling's", async () => {
    for (const path of [
      '/api/v1/compliance/summary',
      '/api/v1/compliance/trend?from=2026-01-01&to=2026-01-31',
    ])
      expect((await get(people.avery.session, path)).status).toBe(403);
    // Morgan: Dana and Avery (a report's report), Blake and Riley (ditto), 2 + 2 + 1 + 2.
    const morgan = await summary(people.morgan.session);
    expect(morgan.totals.enrolled).toBe(7);
    expect(shape(morgan)).toEqual(['North Campus: 6', 'South Clinic: 1']);
    // Dana: Avery alone, never her sibling Blake's report Riley, nor herself.
    const dana = await summary(people.dana.session, 'groupBy=cohort');
    expect(shape(dana)).toEqual(['Everyone, past due: 1', 'North, due in 30 days: 1']);
    // Blake: Riley alone.
    expect(shape(await summary(people.blake.session))).toEqual(['North Campus: 2']);
  });

  it('reads a completion back at once, in every grouping and in cohort stats', async () => {
    const [enrollment] = await myEnrollments(world, people.avery.session);
    await passCourse(world, people.avery.session, enrollment.id, moduleIds, answerKey);
    // Passing completes both of Avery's enrollments of the course.
    const bySite = await summary(org.admin);
    expect(bySite.totals).toMatchObject({ enrolled: 11, completed: 2, notStarted: 9, overdue: 7 });
    expect(bySite.totals.completionRate).toBe(Math.round((2 / 11) * 10_000) / 10_000);
    expect(bySite.groups[0]).toMatchObject({ name: 'North Campus', completed: 2, completionRate: 0.3333 });
    expect((await summary(people.dana.session)).totals).toMatchObject({
      enrolled: 2,
      completed: 2,
      overdue: 0,
      completionRate: 1,
    });
    await expectCohortStats(org.admin);
    await expectCohortStats(people.morgan.session);
  });

  it('leaves exempt enrollments out of the rate and withdrawn ones out of every count', async () => {
    await world
      .http()
      .post(`/api/v1/enrollments/${await onlyEnrollmentOf('blake', cohorts.past)}/exempt`)
      .set(...bearer(educator))
      .send({ reason: 'Completed equivalent training elsewhere' })
      .expect(200);
    let totals = (await summary(org.admin)).totals;
    expect(totals).toMatchObject({ enrolled: 11, exempt: 1, completed: 2, overdue: 6 });
    expect(totals.completionRate).toBe(0.2);

    // Riley moves to the south clinic: the north cohort withdraws her, and her other enrollment moves with her.
    await world
      .http()
      .patch(`/api/v1/members/${people.riley.memberId}`)
      .set(...bearer(org.admin))
      .send({ siteId: places.south, departmentId: places.walkIn })
      .expect(200);
    const bySite = await summary(org.admin);
    totals = bySite.totals;
    expect(totals).toMatchObject({ enrolled: 10, exempt: 1, completed: 2, notStarted: 7, overdue: 6 });
    expect(shape(bySite)).toEqual(['North Campus: 4', 'South Clinic: 2', '(none): 4']);
    expect(shape(await summary(org.admin, 'groupBy=department'))).toEqual([
      'Emergency: 4',
      'Walk-in: 2',
      '(none): 4',
    ]);
    expectGroupsAddUp(bySite);
    await expectCohortStats(org.admin);
    await expectCohortStats(people.morgan.session);
  });

  it('turns enrollments overdue as the clock passes their due date, with no write at all', async () => {
    const before = await summary(org.admin, 'groupBy=cohort');
    const northBefore = before.groups.find((g) => g.id === cohorts.north.id);
    expect(northBefore).toMatchObject({ enrolled: 2, completed: 1, notStarted: 1, overdue: 0 });
    // What is stored, to show that nothing is written while the clock moves.
    const stored = () =>
      world.ownerQuery(
        `SELECT (SELECT max(updated_at) FROM enrollments)::text AS enrollments,
                (SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) FROM compliance_rollups r) AS rollups`,
      );
    const written = await stored();
    const saved = now;
    try {
      now = new Date(saved.getTime() + 31 * DAY);
      const after = await summary(org.admin, 'groupBy=cohort');
      expect(after.groups.find((g) => g.id === cohorts.north.id)).toMatchObject({
        enrolled: 2,
        notStarted: 1,
        overdue: 1,
      });
      expect(after.totals.overdue).toBe(before.totals.overdue + 1);
      await expectCohortStats(org.admin);
      await expectCohortStats(people.dana.session);
    } finally {
      now = saved;
    }
    expect(await stored()).toEqual(written);
    expect((await summary(org.admin, 'groupBy=cohort')).totals.overdue).toBe(before.totals.overdue);
  });

  it("answers weekly periods starting on Monday in the organization's time zone", async () => {
    const today = localDate(now);
    const thisWeek = mondayOf(today);
    const items = await trend(org.admin, `from=${addDays(today, -14)}&to=${addDays(today, 6)}&interval=week`);
    const starts = items.map((item) => item.periodStart);
    expect(starts[0]).toBe(mondayOf(addDays(today, -14)));
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]).toBe(addDays(starts[i - 1], 7));
    expect(starts).toContain(thisWeek);
    expect(starts[starts.length - 1] <= addDays(today, 6)).toBe(true);
    for (const item of items) {
      // Due by the end of every week: the 8 of the past cohort less Blake's exemption (Riley's withdrawn
      // enrollment was due later anyway).
      expect(item.dueByPeriodEnd).toBe(7);
      if (item.periodStart < thisWeek)
        expect(item).toMatchObject({ completed: 0, completedByPeriodEnd: 0, completionRate: 0 });
      else
        expect(item).toMatchObject({
          completed: item.periodStart === thisWeek ? 2 : 0,
          completedByPeriodEnd: 1,
          completionRate: Math.round((1 / 7) * 10_000) / 10_000,
        });
    }
    // A manager's trend covers their chain: Dana's is Avery's.
    const dana = await trend(people.dana.session, `from=${today}&to=${today}`);
    expect(dana).toEqual([
      { periodStart: thisWeek, completed: 2, dueByPeriodEnd: 1, completedByPeriodEnd: 1, completionRate: 1 },
    ]);
    const north = await trend(org.admin, `from=${today}&to=${today}&siteId=${places.north}`);
    // Dana and Avery are there now (Riley moved away): their past-cohort enrollments were due.
    expect(north[0]).toMatchObject({ completed: 2, dueByPeriodEnd: 2, completedByPeriodEnd: 1 });
  });

  it('names bad trend parameters in a 400: interval, order, span and missing dates', async () => {
    const fields = async (query: string) => {
      const res = await get(org.admin, `/api/v1/compliance/trend?${query}`);
      expect(res.status).toBe(400);
      return (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    };
    expect(await fields('from=2026-01-01&to=2026-02-01&interval=month')).toEqual(['interval']);
    expect(await fields('from=2026-02-01&to=2026-01-01')).toEqual(['to']);
    expect(await fields('from=2024-01-01&to=2026-01-02')).toEqual(['to']);
    expect(await fields('to=2026-01-01')).toEqual(['from']);
    expect(await fields(`from=2026-01-01&to=2026-01-31&cohortId=${cohorts.otherOrg.id}`)).toEqual([
      'cohortId',
    ]);
    // Two years exactly is allowed.
    expect(await trend(org.admin, 'from=2024-01-01&to=2025-12-31')).toHaveLength(105);
  });

  it("moves a member's counts to their new manager's chain at once", async () => {
    const before = {
      dana: (await summary(people.dana.session)).totals.enrolled,
      blake: (await summary(people.blake.session)).totals.enrolled,
      morgan: (await summary(people.morgan.session)).totals.enrolled,
    };
    // Blake's chain is Riley alone.
    const riley = before.blake;
    expect(riley).toBeGreaterThan(0);
    const manage = (managerId: string) =>
      world
        .http()
        .patch(`/api/v1/members/${people.riley.memberId}`)
        .set(...bearer(org.admin))
        .send({ managerId })
        .expect(200);
    await manage(people.dana.memberId);
    expect((await summary(people.blake.session)).totals.enrolled).toBe(0);
    expect((await summary(people.dana.session)).totals.enrolled).toBe(before.dana + riley);
    // Still in Morgan's chain, one level lower.
    expect((await summary(people.morgan.session)).totals.enrolled).toBe(before.morgan);
    await manage(people.blake.memberId);
    expect((await summary(people.blake.session)).totals.enrolled).toBe(riley);
    expect((await summary(people.dana.session)).totals.enrolled).toBe(before.dana);
  });

  it("moves a manager's whole team with them, three levels deep, and back", async () => {
    const enrolled = async (key: 'morgan' | 'dana' | 'blake') =>
      (await summary(people[key].session)).totals.enrolled;
    const before = {
      morgan: await enrolled('morgan'),
      dana: await enrolled('dana'),
      blake: await enrolled('blake'),
    };
    const mine = await summary(org.admin);
    const own = async (key: 'dana') =>
      (
        await world.ownerQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM enrollments WHERE membership_id = $1 AND status <> 'withdrawn'`,
          [people[key].memberId],
        )
      )[0].n;
    const danaOwn = await own('dana');
    expect(before.dana).toBeGreaterThan(0);
    const manageDana = (managerId: string) =>
      world
        .http()
        .patch(`/api/v1/members/${people.dana.memberId}`)
        .set(...bearer(org.admin))
        .send({ managerId })
        .expect(200);
    // Dana (and Avery below her) now report to Blake: Morgan > Blake > Dana > Avery.
    await manageDana(people.blake.memberId);
    expect(await enrolled('blake')).toBe(before.blake + danaOwn + before.dana);
    expect(await enrolled('dana')).toBe(before.dana);
    expect(await enrolled('morgan')).toBe(before.morgan);
    expect((await summary(org.admin)).totals).toEqual(mine.totals);
    await manageDana(people.morgan.memberId);
    expect(await enrolled('blake')).toBe(before.blake);
    expect(await enrolled('morgan')).toBe(before.morgan);
  });

  it('keeps the rollup equal to a GROUP BY recompute through a burst of concurrent mixed writes', async () => {
    // A recurring cohort and more people, in both sites and nowhere.
    const recurring = await createCohort(world, org.admin, {
      name: 'Yearly',
      courseId,
      target: {},
      dueDate: '2020-06-01',
      recurrence: { intervalMonths: 12 },
    });
    const placesOf = [
      { siteId: places.north, departmentId: places.emergency },
      { siteId: places.south, departmentId: places.walkIn },
      { siteId: places.south },
      {},
    ];
    for (let i = 0; i < 16; i += 1)
      await world
        .http()
        .post('/api/v1/members')
        .set(...bearer(org.admin))
        .send({
          email: world.email('burst'),
          name: `Burst ${i}`,
          roles: ['learner'],
          invite: false,
          ...placesOf[i % 4],
        })
        .expect(201);
    const members = (
      await world.ownerQuery<{ id: string }>(
        'SELECT id FROM memberships WHERE organization_id = $1 ORDER BY id',
        [org.id],
      )
    ).map((row) => row.id);

    const managersOf = [null, people.morgan.memberId, people.dana.memberId, people.blake.memberId];
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261203;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const base = now.getTime();
    const instant = () => new Date(base + (random(800) - 400) * DAY);
    /** Each write answers how many rows it changed. */
    const rowsOf = async (written: Promise<{ rowCount: number | null }>) => (await written).rowCount ?? 0;
    const ops: Array<(c: Client, member: string) => Promise<number>> = [
      // Start, complete (up to two at once, with the next cycle of recurring cohorts in a second statement), exempt.
      (c, m) =>
        rowsOf(
          c.query(
            `UPDATE enrollments SET status = 'in_progress', started_at = $2
              WHERE id = (SELECT id FROM enrollments WHERE membership_id = $1 AND status = 'not_started'
                           ORDER BY id LIMIT 1)`,
            [m, now],
          ),
        ),
      async (c, m) => {
        const done = await c.query<{ id: string }>(
          `UPDATE enrollments SET status = 'completed', completed_at = $2
            WHERE id IN (SELECT id FROM enrollments WHERE membership_id = $1
                            AND status IN ('not_started', 'in_progress') ORDER BY id DESC LIMIT 2)
            RETURNING id`,
          [m, now],
        );
        const opened = await c.query(
          `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, due_at)
           SELECT e.organization_id, e.cohort_id, e.membership_id, e.course_id, e.cycle + 1, $2
             FROM enrollments e WHERE e.id = ANY ($1::uuid[]) AND e.cohort_id = $3
           ON CONFLICT DO NOTHING`,
          [done.rows.map((r) => r.id), random(5) === 0 ? null : instant(), recurring.id],
        );
        return done.rows.length + (opened.rowCount ?? 0);
      },
      (c, m) =>
        rowsOf(
          c.query(
            `UPDATE enrollments SET status = 'exempt', exempt_reason = 'burst'
              WHERE id = (SELECT id FROM enrollments WHERE membership_id = $1
                            AND status IN ('not_started', 'in_progress') ORDER BY id LIMIT 1)`,
            [m],
          ),
        ),
      // Withdraw, and reopen the newest withdrawn cycle.
      (c, m) =>
        rowsOf(
          c.query(
            `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = $2
              WHERE id = (SELECT id FROM enrollments WHERE membership_id = $1
                            AND status IN ('not_started', 'in_progress') ORDER BY id DESC LIMIT 1)`,
            [m, now],
          ),
        ),
      (c, m) =>
        rowsOf(
          c.query(
            `UPDATE enrollments e SET status = 'not_started', withdrawn_at = NULL
              WHERE e.membership_id = $1 AND e.status = 'withdrawn'
                AND e.cycle = (SELECT max(x.cycle) FROM enrollments x
                                WHERE x.cohort_id = e.cohort_id AND x.membership_id = e.membership_id)`,
            [m],
          ),
        ),
      // Move to another place (or none), under another manager (or none).
      (c, m) => {
        const place = placesOf[random(4)];
        const manager = managersOf[random(managersOf.length)];
        return rowsOf(
          c.query(
            'UPDATE memberships SET site_id = $2, department_id = $3, manager_id = $4 WHERE id = $1 AND $4::uuid IS DISTINCT FROM id',
            [m, place.siteId ?? null, place.departmentId ?? null, manager],
          ),
        );
      },
      // A new due date for the member's open enrollments (as a cohort's due-date change does).
      (c, m) =>
        rowsOf(
          c.query(
            `UPDATE enrollments SET due_at = $2
              WHERE membership_id = $1 AND status IN ('not_started', 'in_progress')`,
            [m, instant()],
          ),
        ),
    ];

    // Six sessions of the app role at once, each on its own members (their enrollment rows never collide: only
    // the shared rollup rows do), each transaction one or two statements.
    const failures: string[] = [];
    const written = ops.map(() => 0);
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (worker) => {
        const mine = members.filter((_id, i) => i % 6 === worker);
        const client = new Client({ connectionString: world.appUrl });
        await client.connect();
        try {
          for (let round = 0; round < 60; round += 1) {
            await client.query('BEGIN');
            await client.query(`SELECT set_config('app.organization_id', $1, true)`, [org.id]);
            try {
              const op = random(ops.length);
              const changed = await ops[op](client, mine[random(mine.length)]);
              await client.query('COMMIT');
              written[op] += changed;
            } catch (error) {
              failures.push((error as Error).message);
              await client.query('ROLLBACK');
            }
          }
        } finally {
          await client.end();
        }
      }),
    );
    expect(failures).toEqual([]);
    // Every kind of write changed rows (a failure names the kinds, by index into ops, that changed none).
    expect(written.flatMap((count, op) => (count > 0 ? [] : [op]))).toEqual([]);
    // The migration's backfill, run over the same enrollments, writes exactly what the triggers kept.
    const stored = () =>
      world.ownerQuery(
        `SELECT 'rollup' AS kind, to_jsonb(r) - 'organization_id' AS row FROM compliance_rollups r
          WHERE (r.not_started, r.in_progress, r.completed, r.exempt, r.renewal, r.previous_not_started,
                 r.previous_in_progress, r.previous_completed, r.previous_exempt) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
         UNION ALL
         SELECT 'base', to_jsonb(b) - 'organization_id' FROM compliance_rollup_bases b
          WHERE (b.not_started, b.in_progress, b.completed, b.exempt, b.overdue) <> (0, 0, 0, 0, 0)
         ORDER BY 1, 2`,
      );
    const kept = await stored();
    await world.ownerQuery('DELETE FROM compliance_rollups; DELETE FROM compliance_rollup_bases');
    await world.ownerQuery(ROLLUP_BACKFILL);
    expect(await stored()).toEqual(kept);
    // Every transaction's deltas were added up at its commit.
    expect(await world.ownerQuery('SELECT count(*)::int AS n FROM compliance_rollup_deltas')).toEqual([
      { n: 0 },
    ]);

    // At several clocks (before, among and after the due dates written), the rollup's answer per cohort, site and
    // department equals a GROUP BY over the current cycles, by the definition of cohort stats.
    const fromRollup = `
      SELECT r.cohort_id, r.site_id, r.department_id, r.manager_id,
             sum(r.not_started + CASE WHEN r.due_at < $2 THEN r.renewal ELSE r.previous_not_started END)::int AS not_started,
             sum(r.in_progress + CASE WHEN r.due_at < $2 THEN 0 ELSE r.previous_in_progress END)::int AS in_progress,
             sum(r.completed + CASE WHEN r.due_at < $2 THEN 0 ELSE r.previous_completed END)::int AS completed,
             sum(r.exempt + CASE WHEN r.due_at < $2 THEN 0 ELSE r.previous_exempt END)::int AS exempt,
             sum(CASE WHEN r.due_at < $2 THEN r.not_started + r.in_progress + r.renewal ELSE 0 END)::int AS overdue
        FROM compliance_rollups r WHERE r.organization_id = $1
       GROUP BY 1, 2, 3, 4`;
    // What a read without a due-date range uses: the bases, corrected by the rows not due yet.
    const fromBases = `
      SELECT x.cohort_id, x.site_id, x.department_id, x.manager_id, sum(x.ns)::int AS not_started,
             sum(x.ip)::int AS in_progress, sum(x.co)::int AS completed, sum(x.ex)::int AS exempt,
             sum(x.od)::int AS overdue
        FROM (SELECT b.cohort_id, b.site_id, b.department_id, b.manager_id, b.not_started AS ns, b.in_progress AS ip,
                     b.completed AS co, b.exempt AS ex, b.overdue AS od
                FROM compliance_rollup_bases b WHERE b.organization_id = $1
              UNION ALL
              SELECT r.cohort_id, r.site_id, r.department_id, r.manager_id, r.previous_not_started - r.renewal,
                     r.previous_in_progress, r.previous_completed, r.previous_exempt,
                     -(r.not_started + r.in_progress + r.renewal)
                FROM compliance_rollups r WHERE r.organization_id = $1 AND r.due_at >= $2) x
       GROUP BY 1, 2, 3, 4`;
    const recomputed = `
      WITH ${currentCycleCte('e.organization_id = $1', '$2')}
      SELECT cc.cohort_id, m.site_id, m.department_id, m.manager_id,
             count(*) FILTER (WHERE cc.status = 'not_started')::int AS not_started,
             count(*) FILTER (WHERE cc.status = 'in_progress')::int AS in_progress,
             count(*) FILTER (WHERE cc.status = 'completed')::int AS completed,
             count(*) FILTER (WHERE cc.status = 'exempt')::int AS exempt,
             count(*) FILTER (WHERE ${enrollmentOverdue('$2', 'cc')})::int AS overdue
        FROM current_cycle cc JOIN memberships m ON m.id = cc.membership_id
       GROUP BY 1, 2, 3, 4`;
    const key = (row: Record<string, unknown>) =>
      `${row.cohort_id}/${row.site_id}/${row.department_id}/${row.manager_id}`;
    const nonEmpty = (rows: Array<Record<string, number>>) =>
      rows
        .filter((row) => row.not_started + row.in_progress + row.completed + row.exempt > 0)
        .sort((a, b) => key(a).localeCompare(key(b)));
    for (const at of [
      new Date(base - 500 * DAY),
      new Date(base),
      new Date(base + 100 * DAY),
      new Date(base + 500 * DAY),
    ]) {
      const expected = nonEmpty(await world.ownerQuery(recomputed, [org.id, at]));
      expect(expected.length).toBeGreaterThan(3);
      expect(nonEmpty(await world.ownerQuery(fromRollup, [org.id, at]))).toEqual(expected);
      expect(nonEmpty(await world.ownerQuery(fromBases, [org.id, at]))).toEqual(expected);
    }

    // The managers a chain is walked through: everyone who manages someone has their row, and every row carries
    // its member's manager as it stands after the burst.
    expect(
      await world.ownerQuery(
        `SELECT 'missing' AS fault, boss.id FROM memberships boss
          WHERE boss.organization_id = $1
            AND EXISTS (SELECT 1 FROM memberships r WHERE r.manager_id = boss.id)
            AND NOT EXISTS (SELECT 1 FROM reporting_managers rm WHERE rm.membership_id = boss.id)
         UNION ALL
         SELECT 'stale', rm.membership_id FROM reporting_managers rm JOIN memberships m ON m.id = rm.membership_id
          WHERE rm.organization_id = $1 AND rm.manager_id IS DISTINCT FROM m.manager_id`,
        [org.id],
      ),
    ).toEqual([]);
  });
});
