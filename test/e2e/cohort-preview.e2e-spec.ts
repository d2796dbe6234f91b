import {
  cohortEnrollments,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
} from '../support/learning';
import { bearer, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

interface Preview {
  matching: number;
  sample: Array<{ id: string; name: string }>;
}

describe('cohort preview: who a target matches before the cohort exists', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let mainSite: string;
  let clinicSite: string;
  let emergency: string;
  let intensiveCare: string;
  let otherSite: string;

  async function member(fields: Record<string, unknown>, roles = ['learner']): Promise<string> {
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({
        email: world.email('member'),
        roles,
        invite: false,
        ...fields,
      })
      .expect(201);
    return res.body.id;
  }

  const preview = (target: Record<string, unknown>, owner = org) =>
    world
      .http()
      .post('/api/v1/cohorts/preview')
      .set(...bearer(owner.admin))
      .send({ target });

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Preview Health');
    other = await world.createOrganization('Other Health');
    courseId = (await findHt101(world, org.admin)).id;
    mainSite = await createSite(world, org.admin, 'Main');
    clinicSite = await createSite(world, org.admin, 'Clinic', 'satellite_clinic');
    emergency = await createDepartment(world, org.admin, mainSite, 'ED');
    intensiveCare = await createDepartment(world, org.admin, mainSite, 'ICU', 'inpatient');
    const clinicDepartment = await createDepartment(world, org.admin, clinicSite, 'Walk-in', 'urgent_care');
    otherSite = await createSite(world, other.admin, 'Elsewhere');

    await member({ name: 'Ada', siteId: mainSite, departmentId: emergency, jobTitle: 'RN' });
    await member({ name: 'Ben', siteId: mainSite, departmentId: emergency, jobTitle: 'Paramedic' });
    await member({ name: 'Cy', siteId: mainSite, departmentId: intensiveCare, jobTitle: 'rn' }, [
      'learner',
      'manager',
    ]);
    await member({ name: 'Di', siteId: clinicSite, departmentId: clinicDepartment, jobTitle: 'RN' });
    await member({ name: 'Ed', siteId: clinicSite, jobTitle: 'Physician' }, ['educator']);
    for (const name of ['Fay', 'Gus', 'Hal'])
      await member({ name, siteId: mainSite, departmentId: emergency });
    const gone = await member({ name: 'Ivy', siteId: mainSite, departmentId: emergency, jobTitle: 'RN' });
    await world
      .http()
      .post(`/api/v1/members/${gone}/deactivate`)
      .set(...bearer(org.admin))
      .expect(200);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('counts exactly the members a cohort created with the same target then enrolls', async () => {
    const targets: Array<Record<string, unknown>> = [
      {},
      { siteIds: [mainSite] },
      { departmentIds: [emergency] },
      { siteIds: [clinicSite], departmentIds: [intensiveCare] },
      { jobTitles: [' Rn '] },
      { siteIds: [mainSite], jobTitles: ['RN', 'paramedic'] },
      { roles: ['manager', 'educator'] },
      { departmentIds: [emergency], roles: ['manager'] },
    ];
    const counts: number[] = [];
    for (const [index, target] of targets.entries()) {
      const res = await preview(target).expect(200);
      const body = res.body as Preview;
      expect(Object.keys(body).sort()).toEqual(['matching', 'sample']);
      expect(body.sample).toHaveLength(Math.min(5, body.matching));

      const cohort = await createCohort(world, org.admin, { name: `Preview ${index}`, courseId, target });
      expect({ target, matching: body.matching }).toEqual({ target, matching: cohort.enrolledCount });
      const enrolled = await cohortEnrollments(world, org.admin, cohort.id);
      const enrolledNames = new Map(enrolled.items.map((e) => [e.memberId, e.memberName]));
      for (const sampled of body.sample) expect(enrolledNames.get(sampled.id)).toBe(sampled.name);
      counts.push(body.matching);
    }
    // Everyone active (8 members and the org_admin), then the narrower targets.
    expect(counts).toEqual([9, 6, 5, 3, 3, 3, 2, 0]);
  });

  it('lists at most five names, in name order', async () => {
    const body = (await preview({ departmentIds: [emergency] }).expect(200)).body as Preview;
    expect(body.matching).toBe(5);
    expect(body.sample.map((s) => s.name)).toEqual(['Ada', 'Ben', 'Fay', 'Gus', 'Hal']);
  });

  it("refuses another organization's site, an unknown department and an archived site as POST /cohorts does", async () => {
    const archived = await createSite(world, org.admin, 'Closed');
    await world
      .http()
      .delete(`/api/v1/sites/${archived}`)
      .set(...bearer(org.admin))
      .expect(204);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ siteIds: [otherSite] }, 'target.siteIds'],
      [{ siteIds: [archived] }, 'target.siteIds'],
      [{ departmentIds: ['00000000-0000-4000-8000-000000000000'] }, 'target.departmentIds'],
    ];
    for (const [target, field] of cases) {
      const previewed = await preview(target).expect(400);
      const created = await world
        .http()
        .post('/api/v1/cohorts')
        .set(...bearer(org.admin))
        .send({ name: 'Refused', courseId, target })
        .expect(400);
      for (const res of [previewed, created]) {
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toEqual([{ field, message: expect.stringContaining(field) }]);
      }
    }
    const malformed = await preview({ roles: ['surgeon'], siteIds: ['nope'] }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'target.roles',
      'target.siteIds',
    ]);
    expect((await preview({}, other).expect(200)).body).toEqual({
      matching: 1,
      sample: [{ id: expect.any(String), name: expect.any(String) }],
    });
  });
});
