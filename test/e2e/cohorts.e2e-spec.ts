import { randomUUID } from 'node:crypto';
import { Clock } from '@beacon/core/time';
import {
  CohortEnrollment,
  cohortEnrollments,
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  getCohort,
  loadAnswerKey,
  MyEnrollment,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

interface FieldProblem {
  field: string;
  message: string;
}

const STATS_KEYS = [
  'completed',
  'completionRate',
  'enrolled',
  'exempt',
  'inProgress',
  'notStarted',
  'overdue',
];
const ENROLLMENT_KEYS = ['completedAt', 'dueAt', 'id', 'memberId', 'memberName', 'overdue', 'status'];
/** Every test runs at this instant unless it moves the clock itself. */
const BASE = '2026-06-01T12:00:00.000Z';

describe('cohorts: who is enrolled, when it is due, and how a cohort is managed', () => {
  let world: TestApp;
  let org: TestOrganization;
  let rules: TestOrganization;
  let platform: Session;
  let courseId: string;
  let key: Map<string, string>;

  const clockAt = (instant: string): void => {
    jest.spyOn(world.app.get(Clock), 'now').mockReturnValue(new Date(instant));
  };

  const site = (owner: TestOrganization, name: string) => createSite(world, owner.admin, name);
  const department = (owner: TestOrganization, siteId: string, name: string) =>
    createDepartment(world, owner.admin, siteId, name);

  /** A member without a login (invite: false unless the fields say otherwise). */
  async function member(
    owner: TestOrganization,
    fields: Record<string, unknown>,
    roles = ['learner'],
  ): Promise<string> {
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(owner.admin))
      .send({ email: world.email('member'), name: 'Some Member', roles, invite: false, ...fields })
      .expect(201);
    return res.body.id;
  }

  const newCohort = (owner: TestOrganization, body: Record<string, unknown>) =>
    createCohort(world, owner.admin, { courseId, ...body });

  async function enrollmentsOf(owner: TestOrganization, cohortId: string): Promise<CohortEnrollment[]> {
    const page = await cohortEnrollments(world, owner.admin, cohortId);
    expect(page.nextCursor).toBeNull();
    return page.items;
  }

  async function rejected(body: Record<string, unknown>): Promise<string[]> {
    const res = await world
      .http()
      .post('/api/v1/cohorts')
      .set(...bearer(org.admin))
      .send(body)
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return (res.body.errors as FieldProblem[]).map((e) => e.field);
  }

  /** Completes every module and passes the assessment with the answer key. */
  async function pass(session: Session, enrollmentId: string): Promise<void> {
    const moduleIds = await courseModuleIds(world, session, courseId);
    const result = await passCourse(world, session, enrollmentId, moduleIds, key);
    expect(result.passed).toBe(true);
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Cohort Health');
    rules = await world.createOrganization('Rules Health');
    platform = await world.platformAdmin();
    courseId = (await findHt101(world, org.admin)).id;
    key = await loadAnswerKey(world, platform, courseId);
  });

  beforeEach(() => clockAt(BASE));

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await world?.stop();
  });

  describe('target rules', () => {
    let north: string;
    let south: string;
    let icu: string;
    let clinic: string;

    beforeAll(async () => {
      north = await site(rules, 'North');
      south = await site(rules, 'South');
      icu = await department(rules, north, 'ICU');
      clinic = await department(rules, south, 'Clinic');
    });

    it('enrolls at creation exactly the live members in a listed site or department with a listed job title and role', async () => {
      const ward = await department(rules, north, 'Ward');
      const match = {
        inDepartment: await member(rules, {
          name: 'Dept Nurse',
          departmentId: icu,
          jobTitle: 'registered nurse',
        }),
        inSite: await member(rules, { name: 'Site Medic', siteId: south, jobTitle: 'PARAMEDIC' }, [
          'educator',
        ]),
        inSiteThroughDepartment: await member(rules, {
          name: 'Clinic Nurse',
          departmentId: clinic,
          jobTitle: 'Registered Nurse',
        }),
        invitedNotYetActive: await member(rules, {
          name: 'Invited Nurse',
          departmentId: icu,
          jobTitle: 'Registered Nurse',
          invite: true,
        }),
      };
      const miss = {
        otherDepartment: await member(rules, { departmentId: ward, jobTitle: 'Registered Nurse' }),
        noPlace: await member(rules, { jobTitle: 'Registered Nurse' }),
        otherTitle: await member(rules, { departmentId: icu, jobTitle: 'Physician' }),
        noTitle: await member(rules, { departmentId: icu }),
        otherRole: await member(rules, { departmentId: icu, jobTitle: 'Registered Nurse' }, ['manager']),
        deactivated: await member(rules, { departmentId: icu, jobTitle: 'Registered Nurse' }),
      };
      await world
        .http()
        .post(`/api/v1/members/${miss.deactivated}/deactivate`)
        .set(...bearer(rules.admin))
        .expect(200);

      const cohort = await newCohort(rules, {
        name: 'Nurses and medics',
        target: {
          siteIds: [south],
          departmentIds: [icu],
          jobTitles: ['Registered Nurse', 'Paramedic'],
          roles: ['learner', 'educator'],
        },
        dueDate: '2026-12-31',
      });
      expect(cohort.enrolledCount).toBe(4);
      expect(Object.keys(cohort.stats).sort()).toEqual(STATS_KEYS);
      expect(cohort.stats).toEqual({
        enrolled: 4,
        notStarted: 4,
        inProgress: 0,
        completed: 0,
        overdue: 0,
        exempt: 0,
        completionRate: 0,
      });

      const items = await enrollmentsOf(rules, cohort.id);
      expect(items.map((e) => e.memberId).sort()).toEqual(Object.values(match).sort());
      for (const item of items) {
        expect(Object.keys(item)).toEqual(expect.arrayContaining(ENROLLMENT_KEYS));
        expect(item).toMatchObject({
          status: 'not_started',
          dueAt: '2027-01-01T05:59:59.999Z',
          overdue: false,
          completedAt: null,
        });
      }
      const names = new Map(items.map((e) => [e.memberId, e.memberName]));
      expect(names.get(match.inDepartment)).toBe('Dept Nurse');
      expect(names.get(match.inSite)).toBe('Site Medic');
      expect(names.get(match.inSiteThroughDepartment)).toBe('Clinic Nurse');
      expect(names.get(match.invitedNotYetActive)).toBe('Invited Nurse');
      for (const id of Object.values(miss)) expect(names.has(id)).toBe(false);
    });

    it('with no site or department listed matches every live member, narrowed only by the other rules', async () => {
      const members = await world
        .http()
        .get('/api/v1/members?limit=200')
        .set(...bearer(rules.admin))
        .expect(200);
      const live = (members.body.items as Array<{ id: string; status: string; roles: string[] }>).filter(
        (m) => m.status !== 'deactivated',
      );
      expect(live.length).toBeGreaterThan(5);

      const everyone = await newCohort(rules, { name: 'Everyone', target: {} });
      expect(everyone.enrolledCount).toBe(live.length);
      expect((await enrollmentsOf(rules, everyone.id)).map((e) => e.memberId).sort()).toEqual(
        live.map((m) => m.id).sort(),
      );

      const managers = await newCohort(rules, { name: 'Managers', target: { roles: ['manager'] } });
      expect(managers.enrolledCount).toBe(1);
      expect((await enrollmentsOf(rules, managers.id)).map((e) => e.memberId)).toEqual(
        live.filter((m) => m.roles.includes('manager')).map((m) => m.id),
      );

      const physicians = await newCohort(rules, {
        name: 'Physicians',
        target: { jobTitles: ['PHYSICIAN'] },
      });
      expect(physicians.enrolledCount).toBe(1);
    });

    it('rejects target ids outside the organization, an unknown course, and two kinds of due date', async () => {
      const base = { name: 'Invalid', courseId, target: {} };
      expect(await rejected({ ...base, target: { siteIds: [north] } })).toEqual(['target.siteIds']);
      expect(await rejected({ ...base, target: { departmentIds: [randomUUID()] } })).toEqual([
        'target.departmentIds',
      ]);
      expect(
        (await rejected({ ...base, target: { siteIds: [randomUUID()], departmentIds: [icu] } })).sort(),
      ).toEqual(['target.departmentIds', 'target.siteIds']);
      expect(await rejected({ ...base, courseId: randomUUID() })).toEqual(['courseId']);
      const both = await rejected({ ...base, dueDate: '2026-12-31', dueInDays: 30 });
      expect(both.length).toBeGreaterThan(0);
      for (const field of both) expect(['dueDate', 'dueInDays']).toContain(field);
      expect(await rejected({ ...base, dueDate: '2026-02-30' })).toEqual(['dueDate']);
      expect((await rejected({ ...base, target: { bogus: true } })).join()).toContain('bogus');

      const list = await world
        .http()
        .get('/api/v1/cohorts?includeArchived=true')
        .set(...bearer(org.admin))
        .expect(200);
      expect(list.body.items.filter((c: { name: string }) => c.name === 'Invalid')).toEqual([]);
    });
  });

  describe('due dates', () => {
    let siteId: string;

    beforeAll(async () => {
      siteId = await site(org, 'Due Campus');
    });

    it('treats a dueDate as the end of that day in the organization time zone, in winter (CST) and summer (CDT)', async () => {
      const dept = await department(org, siteId, 'Calendar');
      const memberId = await member(org, { departmentId: dept });
      const winter = await newCohort(org, {
        name: 'Winter',
        target: { departmentIds: [dept] },
        dueDate: '2026-12-31',
      });
      const summer = await newCohort(org, {
        name: 'Summer',
        target: { departmentIds: [dept] },
        dueDate: '2026-07-15',
      });
      expect(winter.dueDate).toBe('2026-12-31');
      expect(await enrollmentsOf(org, winter.id)).toEqual([
        expect.objectContaining({ memberId, dueAt: '2027-01-01T05:59:59.999Z', overdue: false }),
      ]);
      expect(await enrollmentsOf(org, summer.id)).toEqual([
        expect.objectContaining({ memberId, dueAt: '2026-07-16T04:59:59.999Z', overdue: false }),
      ]);

      clockAt('2026-07-16T04:59:59.999Z');
      expect((await enrollmentsOf(org, summer.id))[0].overdue).toBe(false);
      expect((await getCohort(world, org.admin, summer.id)).stats.overdue).toBe(0);
      clockAt('2026-07-16T05:00:00.000Z');
      expect((await enrollmentsOf(org, summer.id))[0].overdue).toBe(true);
      expect((await getCohort(world, org.admin, summer.id)).stats.overdue).toBe(1);
      expect((await getCohort(world, org.admin, winter.id)).stats.overdue).toBe(0);
    });

    it('makes the enrollments of a dueDate in the past overdue at once', async () => {
      const dept = await department(org, siteId, 'Late');
      await member(org, { departmentId: dept });
      await member(org, { departmentId: dept });
      const cohort = await newCohort(org, {
        name: 'Late',
        target: { departmentIds: [dept] },
        dueDate: '2026-01-15',
      });
      expect(cohort.stats).toEqual({
        enrolled: 2,
        notStarted: 2,
        inProgress: 0,
        completed: 0,
        overdue: 2,
        exempt: 0,
        completionRate: 0,
      });
      const items = await enrollmentsOf(org, cohort.id);
      expect(items).toHaveLength(2);
      for (const item of items) {
        expect(item).toMatchObject({
          status: 'not_started',
          dueAt: '2026-01-16T05:59:59.999Z',
          overdue: true,
        });
      }
    });

    it("counts dueInDays from each member's own enrollment, to the end of that local day", async () => {
      const dept = await department(org, siteId, 'Rolling');
      const early = await member(org, { departmentId: dept });
      // 03:00 UTC on 1 July is still 30 June in Chicago (CDT).
      clockAt('2026-07-01T03:00:00.000Z');
      const cohort = await newCohort(org, {
        name: 'Rolling',
        target: { departmentIds: [dept] },
        dueInDays: 10,
      });
      expect(cohort.dueInDays).toBe(10);
      expect(await enrollmentsOf(org, cohort.id)).toEqual([
        expect.objectContaining({ memberId: early, dueAt: '2026-07-11T04:59:59.999Z' }),
      ]);

      clockAt('2026-11-20T18:00:00.000Z');
      const late = await member(org, { departmentId: dept });
      const items = await enrollmentsOf(org, cohort.id);
      expect(items).toHaveLength(2);
      expect(items.find((e) => e.memberId === early)?.dueAt).toBe('2026-07-11T04:59:59.999Z');
      expect(items.find((e) => e.memberId === late)?.dueAt).toBe('2026-12-01T05:59:59.999Z');
    });

    it('counts an exempt enrollment neither as overdue nor in the completion rate, which is null when nobody is left', async () => {
      const dept = await department(org, siteId, 'Excused');
      await member(org, { departmentId: dept });
      await member(org, { departmentId: dept });
      const cohort = await newCohort(org, {
        name: 'Excused',
        target: { departmentIds: [dept] },
        dueDate: '2026-01-15',
      });
      for (const item of await enrollmentsOf(org, cohort.id)) {
        const res = await world
          .http()
          .post(`/api/v1/enrollments/${item.id}/exempt`)
          .set(...bearer(org.admin))
          .send({ reason: 'Left on long-term leave' })
          .expect(200);
        expect(res.body).toMatchObject({ id: item.id, status: 'exempt', overdue: false });
      }
      expect((await getCohort(world, org.admin, cohort.id)).stats).toEqual({
        enrolled: 2,
        notStarted: 0,
        inProgress: 0,
        completed: 0,
        overdue: 0,
        exempt: 2,
        completionRate: null,
      });
    });
  });

  describe('changing, exempting and archiving a cohort', () => {
    let dept: string;
    let cohortId: string;
    let learner: { memberId: string; email: string; session: Session };
    let open: string[];

    beforeAll(async () => {
      dept = await department(org, await site(org, 'Change Campus'), 'Change');
      learner = await world.addMember(org, ['learner'], { departmentId: dept });
      open = [await member(org, { departmentId: dept }), await member(org, { departmentId: dept })];
    });

    it('a learner passing completes their enrollment; the others stay open', async () => {
      const cohort = await newCohort(org, {
        name: 'Change me',
        target: { departmentIds: [dept] },
        dueDate: '2026-12-31',
      });
      cohortId = cohort.id;
      expect(cohort.enrolledCount).toBe(3);
      const mine = await myEnrollments(world, learner.session);
      const enrollment = mine.find((e) => e.cohortId === cohortId) as MyEnrollment;
      clockAt('2026-06-10T15:00:00.000Z');
      await pass(learner.session, enrollment.id);

      const stats = (await getCohort(world, org.admin, cohortId)).stats;
      expect(stats).toMatchObject({ enrolled: 3, notStarted: 2, inProgress: 0, completed: 1, exempt: 0 });
      expect(stats.completionRate).toBeCloseTo(1 / 3, 3);
      const items = await enrollmentsOf(org, cohortId);
      expect(items.find((e) => e.memberId === learner.memberId)).toMatchObject({
        status: 'completed',
        completedAt: '2026-06-10T15:00:00.000Z',
        overdue: false,
      });
    });

    it('a new dueDate moves the due instant of open enrollments, not of completed ones, and is audited', async () => {
      const res = await world
        .http()
        .patch(`/api/v1/cohorts/${cohortId}`)
        .set(...bearer(org.admin))
        .send({ dueDate: '2027-03-31' })
        .expect(200);
      expect(res.body.dueDate).toBe('2027-03-31');
      const items = await enrollmentsOf(org, cohortId);
      expect(items.find((e) => e.memberId === learner.memberId)?.dueAt).toBe('2027-01-01T05:59:59.999Z');
      for (const id of open) {
        expect(items.find((e) => e.memberId === id)?.dueAt).toBe('2027-04-01T04:59:59.999Z');
      }

      const audit = await world
        .http()
        .get(`/api/v1/audit-events?entityType=cohort&entityId=${cohortId}`)
        .set(...bearer(org.admin))
        .expect(200);
      const updated = audit.body.items.filter((e: { action: string }) => e.action === 'cohort.updated');
      expect(updated).toHaveLength(1);
      expect(updated[0].changes.dueDate).toEqual({ from: '2026-12-31', to: '2027-03-31' });

      const both = await world
        .http()
        .patch(`/api/v1/cohorts/${cohortId}`)
        .set(...bearer(org.admin))
        .send({ dueDate: '2027-04-30', dueInDays: 5 })
        .expect(400);
      expect(both.body.errors.length).toBeGreaterThan(0);
      expect((await getCohort(world, org.admin, cohortId)).dueDate).toBe('2027-03-31');
    });

    it('renames the cohort and replaces its reminder policy', async () => {
      const reminders = { beforeDueDays: [14, 3], overdueEveryDays: 2, escalateAfterDays: 5 };
      const res = await world
        .http()
        .patch(`/api/v1/cohorts/${cohortId}`)
        .set(...bearer(org.admin))
        .send({ name: 'Changed', reminders })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Changed', reminders, dueDate: '2027-03-31' });
      expect(await getCohort(world, org.admin, cohortId)).toMatchObject({ name: 'Changed', reminders });
    });

    it('exempts an enrollment with a reason, audited, and counts it out of the completion rate', async () => {
      const target = (await enrollmentsOf(org, cohortId)).find(
        (e) => e.memberId === open[0],
      ) as CohortEnrollment;
      const manager = await world.addMember(org, ['manager']);
      for (const session of [learner.session, manager.session]) {
        await world
          .http()
          .post(`/api/v1/enrollments/${target.id}/exempt`)
          .set(...bearer(session))
          .send({ reason: 'Not mine to exempt' })
          .expect(403);
      }
      for (const body of [{}, { reason: '' }]) {
        const res = await world
          .http()
          .post(`/api/v1/enrollments/${target.id}/exempt`)
          .set(...bearer(org.admin))
          .send(body)
          .expect(400);
        expect(res.body.errors.map((e: FieldProblem) => e.field)).toEqual(['reason']);
      }

      const reason = 'Completed equivalent training elsewhere (certificate on file)';
      const res = await world
        .http()
        .post(`/api/v1/enrollments/${target.id}/exempt`)
        .set(...bearer(org.admin))
        .send({ reason })
        .expect(200);
      expect(res.body).toMatchObject({ id: target.id, memberId: open[0], status: 'exempt', overdue: false });

      const audit = await world
        .http()
        .get(`/api/v1/audit-events?entityType=enrollment&entityId=${target.id}`)
        .set(...bearer(org.admin))
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'enrollment.exempted',
          entityType: 'enrollment',
          entityId: target.id,
        }),
      ]);
      expect(audit.body.items[0].changes.reason).toEqual({ from: null, to: reason });

      expect((await getCohort(world, org.admin, cohortId)).stats).toEqual({
        enrolled: 3,
        notStarted: 1,
        inProgress: 0,
        completed: 1,
        overdue: 0,
        exempt: 1,
        completionRate: 0.5,
      });
      expect((await enrollmentsOf(org, cohortId)).find((e) => e.id === target.id)?.status).toBe('exempt');
    });

    it('archives the cohort: members who match afterwards are not enrolled in it', async () => {
      const res = await world
        .http()
        .post(`/api/v1/cohorts/${cohortId}/archive`)
        .set(...bearer(org.admin))
        .expect(200);
      expect(res.body).toMatchObject({ id: cohortId, archived: true });
      const latecomer = await member(org, { departmentId: dept });
      const items = await enrollmentsOf(org, cohortId);
      expect(items).toHaveLength(3);
      expect(items.map((e) => e.memberId)).not.toContain(latecomer);

      const active = await world
        .http()
        .get('/api/v1/cohorts?limit=200')
        .set(...bearer(org.admin))
        .expect(200);
      expect(active.body.items.map((c: { id: string }) => c.id)).not.toContain(cohortId);
      const all = await world
        .http()
        .get('/api/v1/cohorts?limit=200&includeArchived=true')
        .set(...bearer(org.admin))
        .expect(200);
      expect(all.body.items.find((c: { id: string }) => c.id === cohortId)).toMatchObject({ archived: true });
    });
  });

  it('lists cohorts as { items, nextCursor }, newest first, each with the stats fields, and pages by cursor', async () => {
    const first = await world
      .http()
      .get('/api/v1/cohorts?limit=2')
      .set(...bearer(org.admin))
      .expect(200);
    expect(Object.keys(first.body).sort()).toEqual(['items', 'nextCursor']);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const seen: Array<{ id: string; name: string; createdAt: string; stats: Record<string, unknown> }> = [
      ...first.body.items,
    ];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await world
        .http()
        .get(`/api/v1/cohorts?limit=2&cursor=${encodeURIComponent(cursor)}`)
        .set(...bearer(org.admin))
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((c) => c.name)).toEqual(['Excused', 'Rolling', 'Late', 'Summer', 'Winter']);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    for (const cohort of seen) expect(Object.keys(cohort.stats).sort()).toEqual(STATS_KEYS);

    const manager = await world.addMember(org, ['manager']);
    const read = await world
      .http()
      .get('/api/v1/cohorts')
      .set(...bearer(manager.session))
      .expect(200);
    expect(read.body.items).toHaveLength(5);
  });
});
