import type { Response } from 'supertest';
import {
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  myEnrollments,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

interface TeamItem {
  id: string;
  cohortId: string;
  memberId: string;
  memberName: string;
  jobTitle: string | null;
  site: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  course: { id: string; code: string; title: string };
  status: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  progress: { modulesCompleted: number; modulesTotal: number };
}

const ITEM_KEYS = [
  'cohortId',
  'completedAt',
  'course',
  'department',
  'dueAt',
  'id',
  'jobTitle',
  'memberId',
  'memberName',
  'overdue',
  'progress',
  'site',
  'status',
];

/** An item as `<member name>/<cohort label>`, to compare whole lists in order. */
type Label = string;

describe('the team view: a manager sees their reporting chain, overdue first', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  /** Morgan manages Dana (a manager too) and Blake; Dana manages Avery; Casey reports to nobody. */
  const people: Record<
    'morgan' | 'dana' | 'avery' | 'blake' | 'casey',
    { memberId: string; session: Session }
  > = {} as never;
  const cohortLabels = new Map<string, string>();
  let educator: Session;
  let siteId: string;
  let departmentId: string;

  const team = (session: Session, query = '') =>
    world
      .http()
      .get(`/api/v1/team/enrollments${query}`)
      .set(...bearer(session));

  function labels(res: Response): Label[] {
    expect(res.status).toBe(200);
    return (res.body.items as TeamItem[]).map(
      (item) => `${item.memberName}/${cohortLabels.get(item.cohortId)}`,
    );
  }

  /** Every item, following nextCursor with the given page size. */
  async function all(session: Session, query = '', limit = 200): Promise<TeamItem[]> {
    const items: TeamItem[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      params.set('limit', String(limit));
      if (cursor) params.set('cursor', cursor);
      const res = await team(session, `?${params.toString()}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...(res.body.items as TeamItem[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
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

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Team Health');
    other = await world.createOrganization('Other Health');
    courseId = (await findHt101(world, org.admin)).id;
    siteId = await createSite(world, org.admin, 'North Campus');
    departmentId = await createDepartment(world, org.admin, siteId, 'Emergency');
    educator = (await world.addMember(org, ['educator'], { name: 'Eli Educator', jobTitle: 'Educator' }))
      .session;

    await person('morgan', 'Morgan Manager', ['manager'], { jobTitle: 'Director' });
    await person('dana', 'Dana Middle', ['manager', 'learner'], {
      jobTitle: 'Nurse',
      managerId: people.morgan.memberId,
    });
    await person('avery', 'Avery Leaf', ['learner'], {
      jobTitle: 'Nurse',
      managerId: people.dana.memberId,
      siteId,
      departmentId,
    });
    await person('blake', 'Blake Direct', ['learner'], {
      jobTitle: 'Tech',
      managerId: people.morgan.memberId,
    });
    await person('casey', 'Casey Outside', ['learner'], { jobTitle: 'Nurse' });

    const cohorts = [
      { label: 'past', body: { name: 'Past due', target: { jobTitles: ['Nurse'] }, dueDate: '2020-01-15' } },
      { label: 'soon', body: { name: 'Techs soon', target: { jobTitles: ['Tech'] }, dueInDays: 10 } },
      { label: 'later', body: { name: 'Everyone later', target: {}, dueInDays: 30 } },
      // No due date: never overdue, listed last.
      { label: 'undated', body: { name: 'Leads', target: { jobTitles: ['Director', 'Educator'] } } },
    ];
    for (const { label, body } of cohorts) {
      const cohort = await createCohort(world, org.admin, { courseId, ...body });
      cohortLabels.set(cohort.id, label);
    }
    const elsewhere = await createCohort(world, other.admin, {
      courseId,
      name: 'Elsewhere',
      target: {},
      dueDate: '2020-01-15',
    });
    cohortLabels.set(elsewhere.id, 'elsewhere');
    await world.addMember(other, ['learner'], { name: 'Avery Leaf' });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lists the direct and indirect reports of a manager, overdue first, then by due date, then by name', async () => {
    const res = await team(people.morgan.session);
    expect(res.body.nextCursor).toBeNull();
    expect(labels(res)).toEqual([
      'Avery Leaf/past',
      'Dana Middle/past',
      'Blake Direct/soon',
      'Avery Leaf/later',
      'Blake Direct/later',
      'Dana Middle/later',
    ]);
    // One level down: Dana sees Avery only, never herself or her manager.
    expect(labels(await team(people.dana.session))).toEqual(['Avery Leaf/past', 'Avery Leaf/later']);
  });

  it('answers each item with the documented fields: member, place, course, status, due date and progress', async () => {
    const moduleId = (await courseModuleIds(world, people.avery.session, courseId))[0];
    const later = (await myEnrollments(world, people.avery.session)).find(
      (e) => cohortLabels.get(e.cohortId) === 'later',
    );
    await world
      .http()
      .post(`/api/v1/enrollments/${later?.id}/modules/${moduleId}/complete`)
      .set(...bearer(people.avery.session))
      .expect(200);

    const items = (await team(people.dana.session).expect(200)).body.items as TeamItem[];
    for (const item of items) expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
    const [past, inProgress] = items;
    expect(past).toEqual({
      id: expect.any(String),
      cohortId: expect.any(String),
      memberId: people.avery.memberId,
      memberName: 'Avery Leaf',
      jobTitle: 'Nurse',
      site: { id: siteId, name: 'North Campus' },
      department: { id: departmentId, name: 'Emergency' },
      course: { id: courseId, code: 'HT-101', title: expect.any(String) },
      status: 'not_started',
      dueAt: expect.stringMatching(/^2020-01-1[56]T/),
      overdue: true,
      completedAt: null,
      progress: { modulesCompleted: 0, modulesTotal: expect.any(Number) },
    });
    expect(past.progress.modulesTotal).toBeGreaterThan(1);
    expect(inProgress).toMatchObject({
      id: later?.id,
      status: 'in_progress',
      overdue: false,
      progress: { modulesCompleted: 1, modulesTotal: past.progress.modulesTotal },
    });
    const blake = ((await team(people.morgan.session).expect(200)).body.items as TeamItem[]).find(
      (item) => item.memberName === 'Blake Direct',
    );
    expect(blake).toMatchObject({ site: null, department: null, jobTitle: 'Tech' });
  });

  it('shows org_admin and educators the whole organization and nothing of another one', async () => {
    const everyone = await all(org.admin);
    const names = new Set(everyone.map((item) => item.memberName));
    expect(names).toEqual(
      new Set([
        'Avery Leaf',
        'Blake Direct',
        'Casey Outside',
        'Dana Middle',
        'Eli Educator',
        'Morgan Manager',
        'Team Health Admin',
      ]),
    );
    expect(everyone.map((item) => cohortLabels.get(item.cohortId))).not.toContain('elsewhere');
    expect(everyone.slice(-2).map((item) => [item.memberName, item.dueAt, item.overdue])).toEqual([
      ['Eli Educator', null, false],
      ['Morgan Manager', null, false],
    ]);
    const notOverdue = (await all(org.admin, 'overdue=false')).map((item) => item.id);
    expect(notOverdue.slice(-2)).toEqual(everyone.slice(-2).map((item) => item.id));
    expect((await all(educator)).map((item) => item.id)).toEqual(everyone.map((item) => item.id));

    // The other organization sees its own, none of these.
    const theirs = await all(other.admin);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((item) => cohortLabels.get(item.cohortId) === 'elsewhere')).toBe(true);
    const ours = new Set(everyone.map((item) => item.id));
    expect(theirs.some((item) => ours.has(item.id))).toBe(false);
    expect((await all(other.admin, 'q=Avery')).map((item) => item.memberName)).toEqual(['Avery Leaf']);
  });

  it('pages through the same order with nextCursor', async () => {
    const whole = await all(org.admin);
    for (const size of [1, 2, 5])
      expect((await all(org.admin, '', size)).map((i) => i.id)).toEqual(whole.map((i) => i.id));
    const first = await team(org.admin, '?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('filters by status, overdue and name', async () => {
    const blakeSoon = (await all(people.morgan.session)).find(
      (item) => item.memberName === 'Blake Direct' && cohortLabels.get(item.cohortId) === 'soon',
    );
    await world.ownerQuery(
      `UPDATE enrollments SET status = 'completed', started_at = now(), completed_at = now() WHERE id = $1`,
      [blakeSoon?.id],
    );
    const morgan = people.morgan.session;
    expect(labels(await team(morgan, '?status=completed'))).toEqual(['Blake Direct/soon']);
    expect(labels(await team(morgan, '?overdue=true'))).toEqual(['Avery Leaf/past', 'Dana Middle/past']);
    expect(labels(await team(morgan, '?overdue=false'))).toEqual([
      'Blake Direct/soon',
      'Avery Leaf/later',
      'Blake Direct/later',
      'Dana Middle/later',
    ]);
    expect(labels(await team(morgan, '?status=not_started&overdue=false'))).toEqual([
      'Blake Direct/later',
      'Dana Middle/later',
    ]);
    expect(labels(await team(morgan, '?q=avery'))).toEqual(['Avery Leaf/past', 'Avery Leaf/later']);
    expect(labels(await team(morgan, '?q=%20MIDDLE%20'))).toEqual(['Dana Middle/past', 'Dana Middle/later']);
    expect(labels(await team(morgan, '?q=%25'))).toEqual([]);
    expect(labels(await team(morgan, '?q=Casey'))).toEqual([]);
    const completed = ((await team(morgan, '?status=completed').expect(200)).body.items as TeamItem[])[0];
    expect(completed).toMatchObject({ overdue: false, completedAt: expect.any(String) });
  });

  it('leaves out withdrawn enrollments and deactivated members', async () => {
    // Dana is no longer a nurse: her enrollment of the nurses' cohort is withdrawn.
    await world
      .http()
      .patch(`/api/v1/members/${people.dana.memberId}`)
      .set(...bearer(org.admin))
      .send({ jobTitle: 'Administrator' })
      .expect(200);
    expect(labels(await team(people.morgan.session))).toEqual([
      'Avery Leaf/past',
      'Blake Direct/soon',
      'Avery Leaf/later',
      'Blake Direct/later',
      'Dana Middle/later',
    ]);
    await world
      .http()
      .post(`/api/v1/members/${people.blake.memberId}/deactivate`)
      .set(...bearer(org.admin))
      .expect(200);
    expect(labels(await team(people.morgan.session))).toEqual([
      'Avery Leaf/past',
      'Avery Leaf/later',
      'Dana Middle/later',
    ]);
  });

  it('refuses a learner with 403 and an anonymous caller with 401', async () => {
    const learner = await team(people.casey.session);
    expect(learner.status).toBe(403);
    expect(learner.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await world.http().get('/api/v1/team/enrollments')).status).toBe(401);
  });

  it('names each bad query value in a 400', async () => {
    const cases: Array<[string, string[]]> = [
      ['?status=withdrawn', ['status']],
      ['?status=late', ['status']],
      ['?overdue=yes', ['overdue']],
      ['?overdue=', ['overdue']],
      ['?limit=500', ['limit']],
      ['?limit=0', ['limit']],
      ['?cursor=not-a-cursor', ['cursor']],
      [`?cursor=${Buffer.from('[0,"2026-13-45 25:00:00+00","x","y"]').toString('base64url')}`, ['cursor']],
      [`?q=${'x'.repeat(201)}`, ['q']],
      ['?status=late&overdue=maybe&sort=name', ['overdue', 'sort', 'status']],
    ];
    for (const [query, fields] of cases) {
      const res = await team(org.admin, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const named = (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect({ query, named }).toEqual({ query, named: fields });
    }
  });
});
