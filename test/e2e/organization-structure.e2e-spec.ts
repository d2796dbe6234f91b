import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createCohort, findHt101 } from '../support/learning';
import { isInvitation, tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks and tests under Jest 30: set it here.
jest.setTimeout(30_000);

const PROBLEM = /^application\/problem\+json/;

function expectProblem(res: Response, status: number, fields?: string[]): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  if (fields) {
    const named = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(named.sort()).toEqual([...fields].sort());
  }
}

const slug = (label: string) => `${label}-${randomBytes(3).toString('hex')}`;

describe('platform and organization structure', () => {
  let world: TestApp;
  let platform: Session;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let manager: Session;
  let managerId: string;
  let learner: Session;

  beforeAll(async () => {
    world = await TestApp.start();
    platform = await world.platformAdmin();
    org = await world.createOrganization('Structure Health');
    other = await world.createOrganization('Other Health');
    educator = (await world.addMember(org, ['educator'])).session;
    const addedManager = await world.addMember(org, ['manager']);
    manager = addedManager.session;
    managerId = addedManager.memberId;
    learner = (await world.addMember(org, ['learner'])).session;
  });

  afterAll(async () => {
    await world.stop();
  });

  const post = (session: Session, path: string, body: object) =>
    world
      .http()
      .post(path)
      .set(...bearer(session))
      .send(body);
  const patch = (session: Session, path: string, body: object) =>
    world
      .http()
      .patch(path)
      .set(...bearer(session))
      .send(body);
  const get = (session: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(session));
  const del = (session: Session, path: string) =>
    world
      .http()
      .delete(path)
      .set(...bearer(session));

  async function createSite(session: Session, name: string, extra: object = {}): Promise<string> {
    const res = await post(session, '/api/v1/sites', { name, kind: 'hospital', ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function createDepartment(session: Session, siteId: string, name: string): Promise<string> {
    const res = await post(session, '/api/v1/departments', { siteId, name, kind: 'emergency' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function createMember(
    session: Session,
    body: Record<string, unknown>,
  ): Promise<{ id: string; email: string; body: Record<string, unknown> }> {
    const email = (body.email as string | undefined) ?? world.email('member');
    const res = await post(session, '/api/v1/members', {
      name: 'Some One',
      roles: ['learner'],
      ...body,
      email,
    });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    return { id: res.body.id as string, email, body: res.body as Record<string, unknown> };
  }

  describe('platform', () => {
    it('creates an organization, answers 201 with its id, name, slug and time zone, invites its admin and lists it', async () => {
      const adminEmail = world.email('first-admin');
      const orgSlug = slug('mercy');
      const res = await post(platform, '/api/v1/platform/organizations', {
        name: 'Mercy General',
        slug: orgSlug,
        timezone: 'America/New_York',
        admin: { email: adminEmail, name: 'Mercy Admin' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Mercy General',
        slug: orgSlug,
        timezone: 'America/New_York',
      });
      const mail = await world.mail.waitFor(adminEmail);
      expect(mail.text).toContain('http://beacon.test/invite?token=');
      const admin = await world.acceptInvitation(adminEmail);
      expect(admin.organizationId).toBe(res.body.id);
      expect(admin.roles).toEqual(['org_admin']);

      const list = await get(platform, '/api/v1/platform/organizations?limit=200').expect(200);
      expect(list.body.nextCursor).toBeNull();
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: res.body.id, name: 'Mercy General', slug: orgSlug }),
          expect.objectContaining({ id: org.id, name: 'Structure Health' }),
        ]),
      );
      expect(list.body.items[0].id).toBe(res.body.id);
    });

    it('refuses a second organization with the same slug (409) and writes nothing', async () => {
      const orgSlug = slug('twin');
      const body = (email: string) => ({
        name: 'Twin',
        slug: orgSlug,
        timezone: 'UTC',
        admin: { email, name: 'Twin Admin' },
      });
      await post(platform, '/api/v1/platform/organizations', body(world.email('twin-a'))).expect(201);
      const before = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM organizations');
      const loser = world.email('twin-b');
      const res = await post(platform, '/api/v1/platform/organizations', body(loser));
      expectProblem(res, 409);
      const after = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM organizations');
      expect(after[0].n).toBe(before[0].n);
      expect(await world.ownerQuery('SELECT 1 FROM users WHERE email = $1', [loser])).toHaveLength(0);
    });

    it('keeps the platform endpoints to platform admins (401 without a token, 403 for an org admin)', async () => {
      expectProblem(await world.http().get('/api/v1/platform/organizations'), 401);
      expectProblem(await get(org.admin, '/api/v1/platform/organizations'), 403);
      expectProblem(await get(org.admin, '/api/v1/platform/users'), 403);
      expectProblem(
        await post(org.admin, '/api/v1/platform/users', {
          email: world.email('sneaky'),
          name: 'Sneaky',
          platformRoles: ['platform_admin'],
        }),
        403,
      );
    });

    it('adds platform staff: 201 {id,email,name,platformRoles}, an invitation mail, listed, and 409 the second time', async () => {
      const email = world.email('Facilitator').toUpperCase();
      const res = await post(platform, '/api/v1/platform/users', {
        email,
        name: 'Fay Facilitator',
        platformRoles: ['facilitator'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        name: 'Fay Facilitator',
        platformRoles: ['facilitator'],
      });
      await world.mail.waitFor(email);

      const list = await get(platform, '/api/v1/platform/users').expect(200);
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          {
            id: res.body.id,
            email: email.toLowerCase(),
            name: 'Fay Facilitator',
            platformRoles: ['facilitator'],
          },
          expect.objectContaining({ platformRoles: ['platform_admin'] }),
        ]),
      );
      expect(list.body.nextCursor).toBeNull();

      const again = await post(platform, '/api/v1/platform/users', {
        email: email.toLowerCase(),
        name: 'Fay Again',
        platformRoles: ['platform_admin'],
      });
      expectProblem(again, 409);
      const staff = await world.ownerQuery<{ platform_roles: string[] }>(
        'SELECT platform_roles FROM users WHERE id = $1',
        [res.body.id],
      );
      expect(staff[0].platform_roles).toEqual(['facilitator']);

      const session = await world.acceptInvitation(email.toLowerCase());
      expect(session.platformRoles).toEqual(['facilitator']);
      expect(session.organizationId).toBeNull();
    });
  });

  describe('sites', () => {
    it('creates, reads, lists and changes a site', async () => {
      const res = await post(org.admin, '/api/v1/sites', {
        name: 'North Campus',
        kind: 'hospital',
        timezone: 'America/Denver',
        address: '1 North St, Springfield',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        name: 'North Campus',
        kind: 'hospital',
        timezone: 'America/Denver',
        address: '1 North St, Springfield',
        archived: false,
      });
      const id = res.body.id as string;
      expect((await get(manager, `/api/v1/sites/${id}`).expect(200)).body).toEqual(res.body);
      const list = await get(educator, '/api/v1/sites').expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);

      const changed = await patch(educator, `/api/v1/sites/${id}`, {
        name: 'North Campus Hospital',
        kind: 'satellite_clinic',
        address: null,
      }).expect(200);
      expect(changed.body).toMatchObject({
        id,
        name: 'North Campus Hospital',
        kind: 'satellite_clinic',
        timezone: 'America/Denver',
        address: null,
      });
      expect((await get(org.admin, `/api/v1/sites/${id}`).expect(200)).body.name).toBe(
        'North Campus Hospital',
      );
    });

    it('refuses a second live site with the same name, whatever its case (409), on create and on rename', async () => {
      await createSite(org.admin, 'Lakeside');
      const before = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM sites');
      expectProblem(await post(org.admin, '/api/v1/sites', { name: 'lakeside', kind: 'other' }), 409);
      expect(await world.ownerQuery('SELECT count(*) AS n FROM sites')).toEqual(before);
      const hillside = await createSite(org.admin, 'Hillside');
      expectProblem(await patch(org.admin, `/api/v1/sites/${hillside}`, { name: 'LAKESIDE' }), 409);
      expect((await get(org.admin, `/api/v1/sites/${hillside}`).expect(200)).body.name).toBe('Hillside');
    });

    it('archives on DELETE (204): still readable by id, left out of lists unless includeArchived=true, departments archived too', async () => {
      const id = await createSite(org.admin, 'Old Wing');
      const dept = await createDepartment(org.admin, id, 'Old ED');
      const res = await del(org.admin, `/api/v1/sites/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      const site = await get(org.admin, `/api/v1/sites/${id}`).expect(200);
      expect(site.body).toMatchObject({ id, archived: true, archivedAt: expect.any(String) });
      const live = await get(org.admin, '/api/v1/sites?limit=200').expect(200);
      expect(live.body.items.map((s: { id: string }) => s.id)).not.toContain(id);
      const all = await get(org.admin, '/api/v1/sites?limit=200&includeArchived=true').expect(200);
      expect(all.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id, archived: true })]),
      );

      const department = await get(org.admin, `/api/v1/departments/${dept}`).expect(200);
      expect(department.body).toMatchObject({ id: dept, archived: true });
      const depts = await get(org.admin, `/api/v1/departments?siteId=${id}`).expect(200);
      expect(depts.body.items).toEqual([]);
      const archivedDepts = await get(org.admin, `/api/v1/departments?siteId=${id}&includeArchived=true`);
      expect(archivedDepts.body.items.map((d: { id: string }) => d.id)).toEqual([dept]);

      // The records are kept, not deleted; the name is free again for a live site.
      expect(await world.ownerQuery('SELECT 1 FROM sites WHERE id = $1', [id])).toHaveLength(1);
      await createSite(org.admin, 'Old Wing');
      // Archiving again is harmless; an archived site takes no new departments and no changes.
      expect((await del(org.admin, `/api/v1/sites/${id}`)).status).toBe(204);
      expectProblem(
        await post(org.admin, '/api/v1/departments', { siteId: id, name: 'New', kind: 'other' }),
        400,
        ['siteId'],
      );
      expectProblem(await patch(org.admin, `/api/v1/sites/${id}`, { name: 'Revived' }), 409);
    });

    it('lets managers read but not write, and keeps learners out', async () => {
      const id = await createSite(educator, 'Educator Site');
      await get(manager, '/api/v1/sites').expect(200);
      expectProblem(await post(manager, '/api/v1/sites', { name: 'Manager Site', kind: 'other' }), 403);
      expectProblem(await patch(manager, `/api/v1/sites/${id}`, { name: 'Nope' }), 403);
      expectProblem(await del(manager, `/api/v1/sites/${id}`), 403);
      expectProblem(await get(learner, '/api/v1/sites'), 403);
      expectProblem(await get(learner, `/api/v1/sites/${id}`), 403);
    });

    it("answers 404 for an unknown id, a non-UUID id, and another organization's site", async () => {
      const mine = await createSite(org.admin, 'Private Site');
      expectProblem(await get(org.admin, `/api/v1/sites/${randomUUID()}`), 404);
      expectProblem(await get(org.admin, '/api/v1/sites/not-a-uuid'), 404);
      expectProblem(await get(other.admin, `/api/v1/sites/${mine}`), 404);
      expectProblem(await patch(other.admin, `/api/v1/sites/${mine}`, { name: 'Stolen' }), 404);
      expectProblem(await del(other.admin, `/api/v1/sites/${mine}`), 404);
      const still = await get(org.admin, `/api/v1/sites/${mine}`).expect(200);
      expect(still.body).toMatchObject({ name: 'Private Site', archived: false });
    });
  });

  describe('departments', () => {
    let east: string;
    let west: string;

    beforeAll(async () => {
      east = await createSite(org.admin, 'East Campus');
      west = await createSite(org.admin, 'West Campus');
    });

    it('creates, reads, changes and archives a department, and filters the list by site', async () => {
      const res = await post(educator, '/api/v1/departments', {
        siteId: east,
        name: 'Emergency Department',
        kind: 'emergency',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        siteId: east,
        name: 'Emergency Department',
        kind: 'emergency',
        archived: false,
      });
      const ed = res.body.id as string;
      const urgent = await createDepartment(org.admin, west, 'Urgent Care');
      const clinic = await createDepartment(org.admin, east, 'Clinic');

      const eastList = await get(manager, `/api/v1/departments?siteId=${east}`).expect(200);
      expect(eastList.body.items.map((d: { id: string }) => d.id)).toEqual([clinic, ed]);
      const westList = await get(manager, `/api/v1/departments?siteId=${west}`).expect(200);
      expect(westList.body.items.map((d: { id: string }) => d.id)).toEqual([urgent]);
      const all = await get(manager, '/api/v1/departments?limit=200').expect(200);
      expect(all.body.items.map((d: { id: string }) => d.id)).toEqual(
        expect.arrayContaining([ed, urgent, clinic]),
      );

      const moved = await patch(educator, `/api/v1/departments/${clinic}`, {
        siteId: west,
        name: 'Primary Care Clinic',
        kind: 'primary_care',
      }).expect(200);
      expect(moved.body).toMatchObject({
        id: clinic,
        siteId: west,
        name: 'Primary Care Clinic',
        kind: 'primary_care',
      });
      const eastAfter = await get(manager, `/api/v1/departments?siteId=${east}`).expect(200);
      expect(eastAfter.body.items.map((d: { id: string }) => d.id)).toEqual([ed]);

      expect((await del(educator, `/api/v1/departments/${urgent}`)).status).toBe(204);
      const archived = await get(manager, `/api/v1/departments/${urgent}`).expect(200);
      expect(archived.body).toMatchObject({ id: urgent, archived: true, archivedAt: expect.any(String) });
      const westLive = await get(manager, `/api/v1/departments?siteId=${west}`).expect(200);
      expect(westLive.body.items.map((d: { id: string }) => d.id)).toEqual([clinic]);
      const westAll = await get(manager, `/api/v1/departments?siteId=${west}&includeArchived=true`).expect(
        200,
      );
      expect(westAll.body.items.map((d: { id: string }) => d.id)).toEqual([clinic, urgent]);
    });

    it('moves the members of a department along when the department moves to another site', async () => {
      const dept = await createDepartment(org.admin, east, 'Moving Clinic');
      const staff = await createMember(org.admin, { departmentId: dept, invite: false });
      expect(staff.body).toMatchObject({ siteId: east, departmentId: dept });
      await patch(org.admin, `/api/v1/departments/${dept}`, { siteId: west }).expect(200);
      const after = await get(org.admin, `/api/v1/members/${staff.id}`).expect(200);
      expect(after.body).toMatchObject({ siteId: west, departmentId: dept });
      const atWest = await get(org.admin, `/api/v1/members?siteId=${west}&departmentId=${dept}`).expect(200);
      expect(atWest.body.items.map((m: { id: string }) => m.id)).toEqual([staff.id]);
    });

    it('refuses a duplicate name at the same site (409) but allows it at another site', async () => {
      await createDepartment(org.admin, east, 'Radiology');
      expectProblem(
        await post(org.admin, '/api/v1/departments', { siteId: east, name: 'RADIOLOGY', kind: 'other' }),
        409,
      );
      await createDepartment(org.admin, west, 'Radiology');
    });

    it("names siteId (400) for a site of another organization or one that does not exist, and 404s another organization's department", async () => {
      const foreignSite = await createSite(other.admin, 'Foreign Campus');
      const foreignDept = await createDepartment(other.admin, foreignSite, 'Foreign ED');
      expectProblem(
        await post(org.admin, '/api/v1/departments', { siteId: foreignSite, name: 'X', kind: 'other' }),
        400,
        ['siteId'],
      );
      expectProblem(
        await post(org.admin, '/api/v1/departments', { siteId: randomUUID(), name: 'X', kind: 'other' }),
        400,
        ['siteId'],
      );
      expectProblem(await get(org.admin, `/api/v1/departments/${foreignDept}`), 404);
      expectProblem(await del(org.admin, `/api/v1/departments/${foreignDept}`), 404);
      const dept = await createDepartment(org.admin, east, 'Cardiology');
      expectProblem(await patch(org.admin, `/api/v1/departments/${dept}`, { siteId: foreignSite }), 400, [
        'siteId',
      ]);
      await get(other.admin, `/api/v1/departments/${foreignDept}`).expect(200);
      expectProblem(
        await post(manager, '/api/v1/departments', { siteId: east, name: 'Y', kind: 'other' }),
        403,
      );
    });
  });

  describe('members', () => {
    let siteA: string;
    let siteB: string;
    let deptA: string;
    let deptB: string;

    beforeAll(async () => {
      siteA = await createSite(org.admin, 'Member Site A');
      siteB = await createSite(org.admin, 'Member Site B');
      deptA = await createDepartment(org.admin, siteA, 'ED A');
      deptB = await createDepartment(org.admin, siteB, 'ED B');
    });

    it('creates a member with invite:false as active and sends no mail', async () => {
      const email = world.email('quiet');
      const { body } = await createMember(org.admin, { email, name: 'Quiet Person', invite: false });
      expect(body).toMatchObject({
        id: expect.any(String),
        email,
        name: 'Quiet Person',
        roles: ['learner'],
        status: 'active',
      });
      await world.settled();
      expect(world.mail.to(email)).toHaveLength(0);
    });

    it('invites by default: status invited and one invitation mail, accepted into an active member', async () => {
      const email = world.email('invitee');
      const { id, body } = await createMember(educator, { email, name: 'Ivy Invitee' });
      expect(body).toMatchObject({ id, email, status: 'invited', roles: ['learner'] });
      const mail = await world.mail.waitFor(email);
      expect(mail.text).toContain('http://beacon.test/invite?token=');
      const session = await world.acceptInvitation(email);
      expect(session.organizationId).toBe(org.id);
      expect(session.roles).toEqual(['learner']);
      expect((await get(org.admin, `/api/v1/members/${id}`).expect(200)).body.status).toBe('active');
      await world.settled();
      expect(world.mail.to(email)).toHaveLength(1);
    });

    it('re-sends the invitation on POST /members/:id/invite (202); the newest link signs the person in', async () => {
      const email = world.email('resend');
      const { id } = await createMember(org.admin, { email, invite: false });
      const res = await post(org.admin, `/api/v1/members/${id}/invite`, {});
      expect(res.status).toBe(202);
      await world.mail.waitFor(email, 1);
      expect((await post(educator, `/api/v1/members/${id}/invite`, {})).status).toBe(202);
      const second = await world.mail.waitFor(email, 2);
      const accepted = await world
        .http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token: tokenFrom(second), password: PASSWORD })
        .expect(200);
      expect(accepted.body.organizationId).toBe(org.id);
      expectProblem(await post(org.admin, `/api/v1/members/${randomUUID()}/invite`, {}), 404);
      expectProblem(await post(manager, `/api/v1/members/${id}/invite`, {}), 403);
    });

    it('filters the list by site, department, role, status and a name or email search', async () => {
      const tag = randomBytes(3).toString('hex');
      const a = await createMember(org.admin, {
        name: `Alpha ${tag}`,
        siteId: siteA,
        departmentId: deptA,
        roles: ['manager', 'learner'],
        invite: false,
      });
      const b = await createMember(org.admin, {
        email: `bravo-${tag}@example.test`,
        name: 'Bravo Person',
        siteId: siteB,
        departmentId: deptB,
      });
      const c = await createMember(org.admin, { name: `Charlie ${tag}`, siteId: siteA, invite: false });
      const ids = async (query: string) => {
        const res = await get(educator, `/api/v1/members?limit=200&${query}`).expect(200);
        return (res.body.items as Array<{ id: string }>).map((m) => m.id);
      };
      expect(await ids(`siteId=${siteA}`)).toEqual([c.id, a.id]);
      expect(await ids(`siteId=${siteB}`)).toEqual([b.id]);
      expect(await ids(`departmentId=${deptA}`)).toEqual([a.id]);
      expect(await ids(`siteId=${siteA}&role=manager`)).toEqual([a.id]);
      expect(await ids(`siteId=${siteB}&status=invited`)).toEqual([b.id]);
      expect(await ids(`siteId=${siteB}&status=active`)).toEqual([]);
      expect(await ids(`q=${tag.toUpperCase()}`)).toEqual([c.id, b.id, a.id]);
      expect(await ids(`q=alpha%20${tag}`)).toEqual([a.id]);
      expect(await ids(`q=BRAVO-${tag}@EXAMPLE`)).toEqual([b.id]);
      const managers = await get(educator, '/api/v1/members?role=manager&limit=200').expect(200);
      for (const m of managers.body.items as Array<{ roles: string[] }>) expect(m.roles).toContain('manager');
      const invited = await get(educator, '/api/v1/members?status=invited&limit=200').expect(200);
      for (const m of invited.body.items as Array<{ status: string }>) expect(m.status).toBe('invited');
      expect(await ids('q=%25')).toEqual([]);
    });

    it('pages newest first with limit and nextCursor, without duplicates or gaps, and rejects bad paging', async () => {
      const tag = `page${randomBytes(3).toString('hex')}`;
      const created: string[] = [];
      for (let i = 0; i < 7; i += 1)
        created.push((await createMember(org.admin, { name: `${tag} ${i}`, invite: false })).id);
      const seen: Array<{ id: string; createdAt: string }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/api/v1/members?q=${tag}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await get(educator, query).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen.map((m) => m.id)).toEqual([...created].reverse());
      const times = seen.map((m) => Date.parse(m.createdAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);

      const full = await get(educator, `/api/v1/members?q=${tag}&limit=7`).expect(200);
      expect(full.body.nextCursor).toBeNull();
      expect(full.body.items).toHaveLength(7);

      expectProblem(await get(manager, '/api/v1/members?limit=201'), 400, ['limit']);
      expectProblem(await get(manager, '/api/v1/members?limit=0'), 400, ['limit']);
      expectProblem(await get(manager, '/api/v1/members?limit=ten'), 400, ['limit']);
      expectProblem(await get(manager, '/api/v1/members?cursor=not-a-cursor'), 400, ['cursor']);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      expectProblem(await get(manager, `/api/v1/members?cursor=${forged}`), 400, ['cursor']);
      expectProblem(await get(manager, '/api/v1/sites?limit=201'), 400, ['limit']);
      expectProblem(await get(manager, '/api/v1/departments?cursor=%7B%7D'), 400, ['cursor']);
    });

    it('changes membership fields with PATCH, keeping department and site consistent', async () => {
      const { id, email } = await createMember(org.admin, { name: 'Pat Patch', invite: false });
      const res = await patch(educator, `/api/v1/members/${id}`, {
        roles: ['learner', 'manager'],
        siteId: siteA,
        departmentId: deptA,
        jobTitle: 'Charge Nurse',
        employeeId: `E-${randomBytes(3).toString('hex')}`,
        license: { type: 'RN', state: 'TX', number: 'RN-12345', expiresOn: '2027-06-30' },
      }).expect(200);
      expect(res.body).toMatchObject({
        id,
        email,
        name: 'Pat Patch',
        roles: ['learner', 'manager'],
        siteId: siteA,
        departmentId: deptA,
        jobTitle: 'Charge Nurse',
        license: { type: 'RN', state: 'TX', number: 'RN-12345', expiresOn: '2027-06-30' },
      });

      // A department of another site is refused, naming departmentId; nothing changes.
      expectProblem(
        await patch(org.admin, `/api/v1/members/${id}`, { siteId: siteA, departmentId: deptB }),
        400,
        ['departmentId'],
      );
      expect((await get(org.admin, `/api/v1/members/${id}`)).body).toMatchObject({
        siteId: siteA,
        departmentId: deptA,
      });

      // Naming only the department moves the member to its site.
      const moved = await patch(org.admin, `/api/v1/members/${id}`, { departmentId: deptB }).expect(200);
      expect(moved.body).toMatchObject({ siteId: siteB, departmentId: deptB });

      // Naming only another site leaves the old site's department behind.
      const resited = await patch(org.admin, `/api/v1/members/${id}`, { siteId: siteA }).expect(200);
      expect(resited.body).toMatchObject({ siteId: siteA, departmentId: null });

      // Only the license's required parts; clearing it with null.
      const partial = await patch(org.admin, `/api/v1/members/${id}`, {
        license: { type: 'LPN', state: 'CA' },
      }).expect(200);
      expect(partial.body.license).toEqual({ type: 'LPN', state: 'CA', number: null, expiresOn: null });
      const cleared = await patch(org.admin, `/api/v1/members/${id}`, {
        license: null,
        jobTitle: null,
      }).expect(200);
      expect(cleared.body).toMatchObject({ license: null, jobTitle: null });

      // The person's global email and name are not the organization's to change.
      expectProblem(
        await patch(org.admin, `/api/v1/members/${id}`, { name: 'Renamed', email: 'x@y.test' }),
        400,
        ['name', 'email'],
      );
      expect((await get(org.admin, `/api/v1/members/${id}`)).body).toMatchObject({
        name: 'Pat Patch',
        email,
      });

      // Another organization's department or site is a 400 naming the field, like one that does not exist.
      const foreignSite = await createSite(other.admin, 'Foreign Member Site');
      const foreignDept = await createDepartment(other.admin, foreignSite, 'Foreign Member ED');
      expectProblem(await patch(org.admin, `/api/v1/members/${id}`, { departmentId: foreignDept }), 400, [
        'departmentId',
      ]);
      expectProblem(await patch(org.admin, `/api/v1/members/${id}`, { siteId: foreignSite }), 400, [
        'siteId',
      ]);
      expectProblem(await get(other.admin, `/api/v1/members/${id}`), 404);
      expectProblem(await patch(other.admin, `/api/v1/members/${id}`, { jobTitle: 'X' }), 404);
      expectProblem(await patch(manager, `/api/v1/members/${id}`, { jobTitle: 'X' }), 403);
    });

    it('adds a person who already has an account without changing their global name or email, showing the entered name', async () => {
      const res = await post(org.admin, '/api/v1/members', {
        email: other.admin.user.email.toUpperCase(),
        name: 'Someone Else Entirely',
        roles: ['learner'],
      }).expect(201);
      expect(res.body).toMatchObject({
        email: other.admin.user.email,
        name: 'Someone Else Entirely',
        status: 'invited',
      });
      expect(res.body).not.toHaveProperty('userId');
      const me = await get(other.admin, '/api/v1/me').expect(200);
      expect(me.body.user).toEqual(other.admin.user);
    });

    it('lets only an org_admin grant org_admin (educator: 403 on create and on PATCH)', async () => {
      const before = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM memberships');
      const email = world.email('would-be-admin');
      expectProblem(
        await post(educator, '/api/v1/members', {
          email,
          name: 'Would Be',
          roles: ['org_admin'],
          invite: false,
        }),
        403,
      );
      expect(await world.ownerQuery('SELECT count(*) AS n FROM memberships')).toEqual(before);

      const { id } = await createMember(educator, { name: 'Plain Learner', invite: false });
      expectProblem(await patch(educator, `/api/v1/members/${id}`, { roles: ['org_admin', 'learner'] }), 403);
      expect((await get(org.admin, `/api/v1/members/${id}`)).body.roles).toEqual(['learner']);

      const granted = await patch(org.admin, `/api/v1/members/${id}`, { roles: ['org_admin'] }).expect(200);
      expect(granted.body.roles).toEqual(['org_admin']);
      // Nor can an educator take it away again.
      expectProblem(await patch(educator, `/api/v1/members/${id}`, { roles: ['learner'] }), 403);
      const created = await createMember(org.admin, {
        name: 'Direct Admin',
        roles: ['org_admin'],
        invite: false,
      });
      expect(created.body.roles).toEqual(['org_admin']);
    });

    it('keeps the last org_admin (409 on demotion and deactivation) until a second admin exists', async () => {
      const solo = await world.createOrganization('Solo Clinic');
      const me = await get(solo.admin, '/api/v1/members?role=org_admin').expect(200);
      expect(me.body.items).toHaveLength(1);
      const adminId = me.body.items[0].id as string;

      expectProblem(await patch(solo.admin, `/api/v1/members/${adminId}`, { roles: ['learner'] }), 409);
      expectProblem(await post(solo.admin, `/api/v1/members/${adminId}/deactivate`, {}), 409);
      expect((await get(solo.admin, `/api/v1/members/${adminId}`)).body).toMatchObject({
        roles: ['org_admin'],
        status: 'active',
      });

      const second = await createMember(solo.admin, {
        name: 'Second Admin',
        roles: ['org_admin'],
        invite: false,
      });
      const demoted = await patch(solo.admin, `/api/v1/members/${adminId}`, { roles: ['educator'] }).expect(
        200,
      );
      expect(demoted.body.roles).toEqual(['educator']);
      await post(solo.admin, `/api/v1/members/${second.id}/invite`, {}).expect(202);
      const admin2 = await world.acceptInvitation(second.email);
      expect(admin2.roles).toEqual(['org_admin']);
      // Now the second admin is the last one.
      expectProblem(await post(admin2, `/api/v1/members/${second.id}/deactivate`, {}), 409);
      const restored = await patch(admin2, `/api/v1/members/${adminId}`, { roles: ['org_admin'] }).expect(
        200,
      );
      expect(restored.body.roles).toEqual(['org_admin']);
      const gone = await post(admin2, `/api/v1/members/${second.id}/deactivate`, {}).expect(200);
      expect(gone.body.status).toBe('deactivated');
    });

    it('lets two admins demoting each other at once end with one admin: one 200, one refusal, never a 500', async () => {
      const race = await world.createOrganization('Race Clinic');
      const firstId = (await get(race.admin, '/api/v1/members?role=org_admin').expect(200)).body.items[0]
        .id as string;
      const second = await world.addMember(race, ['org_admin']);
      const admins = [
        { id: firstId, session: race.admin },
        { id: second.memberId, session: second.session },
      ];
      for (let round = 0; round < 4; round += 1) {
        const [a, b] = admins;
        const answers = await Promise.all([
          patch(a.session, `/api/v1/members/${b.id}`, { roles: ['learner'] }),
          patch(b.session, `/api/v1/members/${a.id}`, { roles: ['learner'] }),
        ]);
        const statuses = answers.map((r) => r.status);
        expect(statuses.filter((status) => status === 200)).toHaveLength(1);
        for (const res of answers) if (res.status !== 200) expectProblem(res, res.status === 403 ? 403 : 409);
        const left = await world.ownerQuery<{ id: string }>(
          `SELECT id FROM memberships WHERE organization_id = $1 AND 'org_admin' = ANY (roles)`,
          [race.id],
        );
        expect(left).toHaveLength(1);
        // The survivor makes the other an admin again for the next round.
        const survivor = admins.find((admin) => admin.id === left[0].id) as (typeof admins)[number];
        const demoted = admins.find((admin) => admin.id !== left[0].id) as (typeof admins)[number];
        await patch(survivor.session, `/api/v1/members/${demoted.id}`, { roles: ['org_admin'] }).expect(200);
      }
    });

    it('requires managerId to name another member of this organization (400 otherwise)', async () => {
      const boss = await createMember(org.admin, { name: 'Boss', roles: ['manager'], invite: false });
      const worker = await createMember(org.admin, { name: 'Worker', managerId: boss.id, invite: false });
      expect(worker.body.managerId).toBe(boss.id);

      const foreign = await createMember(other.admin, { name: 'Foreign Boss', invite: false });
      const before = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM memberships');
      expectProblem(
        await post(org.admin, '/api/v1/members', {
          email: world.email('orphan'),
          name: 'Orphan',
          roles: ['learner'],
          managerId: randomUUID(),
        }),
        400,
        ['managerId'],
      );
      expectProblem(
        await post(org.admin, '/api/v1/members', {
          email: world.email('orphan'),
          name: 'Orphan',
          roles: ['learner'],
          managerId: foreign.id,
        }),
        400,
        ['managerId'],
      );
      expect(await world.ownerQuery('SELECT count(*) AS n FROM memberships')).toEqual(before);
      expectProblem(await patch(org.admin, `/api/v1/members/${worker.id}`, { managerId: worker.id }), 400, [
        'managerId',
      ]);
      expectProblem(await patch(org.admin, `/api/v1/members/${worker.id}`, { managerId: foreign.id }), 400, [
        'managerId',
      ]);
      const unset = await patch(org.admin, `/api/v1/members/${worker.id}`, { managerId: null }).expect(200);
      expect(unset.body.managerId).toBeNull();
    });

    it('refuses a managerId that would close a cycle (400 naming managerId), directly or through the chain', async () => {
      const top = await createMember(org.admin, { name: 'Cycle Top', invite: false });
      const mid = await createMember(org.admin, { name: 'Cycle Mid', managerId: top.id, invite: false });
      const low = await createMember(org.admin, { name: 'Cycle Low', managerId: mid.id, invite: false });
      expectProblem(await patch(org.admin, `/api/v1/members/${top.id}`, { managerId: mid.id }), 400, [
        'managerId',
      ]);
      expectProblem(await patch(org.admin, `/api/v1/members/${top.id}`, { managerId: low.id }), 400, [
        'managerId',
      ]);
      expect((await get(org.admin, `/api/v1/members/${top.id}`).expect(200)).body.managerId).toBeNull();
      // Moving the low member up is no cycle.
      await patch(org.admin, `/api/v1/members/${low.id}`, { managerId: top.id }).expect(200);
      // Two opposite changes at once: never both, never a 500.
      const a = await createMember(org.admin, { name: 'Race A', invite: false });
      const b = await createMember(org.admin, { name: 'Race B', invite: false });
      const [ab, ba] = await Promise.all([
        patch(org.admin, `/api/v1/members/${a.id}`, { managerId: b.id }),
        patch(org.admin, `/api/v1/members/${b.id}`, { managerId: a.id }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 400]);
    });

    it('lets a manager read only their reporting chain: members, details and cohort enrollments', async () => {
      const direct = await createMember(org.admin, { name: 'Direct Report', managerId, invite: false });
      const indirect = await createMember(org.admin, {
        name: 'Indirect Report',
        managerId: direct.id,
        license: { type: 'RN', state: 'TX', number: 'RN-SECRET' },
        invite: false,
      });
      const outsider = await createMember(org.admin, {
        name: 'Not In Chain',
        license: { type: 'RN', state: 'TX', number: 'RN-OTHER' },
        invite: false,
      });
      const listed = await get(manager, '/api/v1/members?limit=200').expect(200);
      expect((listed.body.items as Array<{ id: string }>).map((m) => m.id).sort()).toEqual(
        [direct.id, indirect.id].sort(),
      );
      expect(JSON.stringify(listed.body)).not.toContain('RN-OTHER');
      expect((await get(manager, `/api/v1/members/${indirect.id}`).expect(200)).body.license.number).toBe(
        'RN-SECRET',
      );
      expectProblem(await get(manager, `/api/v1/members/${outsider.id}`), 404);
      expectProblem(await get(manager, `/api/v1/members/${managerId}`), 404);
      expect((await get(manager, `/api/v1/members?q=Not%20In%20Chain`).expect(200)).body.items).toEqual([]);
      // Educators and admins still read everyone.
      await get(educator, `/api/v1/members/${outsider.id}`).expect(200);

      const course = await findHt101(world, org.admin);
      const cohort = await createCohort(world, org.admin, {
        name: `Chain cohort ${randomBytes(3).toString('hex')}`,
        courseId: course.id,
        target: { roles: ['learner'] },
        dueInDays: 30,
      });
      const all = await get(educator, `/api/v1/cohorts/${cohort.id}/enrollments?limit=200`).expect(200);
      const allMembers = (all.body.items as Array<{ memberId: string }>).map((e) => e.memberId);
      expect(allMembers).toEqual(expect.arrayContaining([direct.id, indirect.id, outsider.id]));
      const mine = await get(manager, `/api/v1/cohorts/${cohort.id}/enrollments?limit=200`).expect(200);
      expect((mine.body.items as Array<{ memberId: string }>).map((e) => e.memberId).sort()).toEqual(
        [direct.id, indirect.id].sort(),
      );

      // A cycle through a manager (written in the database: the API refuses it) ends the walk instead of hanging.
      const looped = await world.addMember(org, ['manager']);
      const under = await createMember(org.admin, {
        name: 'Under Loop',
        managerId: looped.memberId,
        invite: false,
      });
      await world.ownerQuery('UPDATE memberships SET manager_id = $1 WHERE id = $2', [
        under.id,
        looped.memberId,
      ]);
      const loopList = await get(looped.session, '/api/v1/members?limit=200').expect(200);
      expect((loopList.body.items as Array<{ id: string }>).map((m) => m.id).sort()).toEqual(
        [looped.memberId, under.id].sort(),
      );
      await world.ownerQuery('UPDATE memberships SET manager_id = NULL WHERE id = $1', [looped.memberId]);
    });

    it('reactivates a deactivated member: active when they had joined, invited when not; enrollments reopen', async () => {
      const joinedEmail = world.email('comeback');
      const joined = await createMember(org.admin, { email: joinedEmail, name: 'Come Back', siteId: siteA });
      const session = await world.acceptInvitation(joinedEmail);
      const never = await createMember(org.admin, { name: 'Never Joined', siteId: siteA });
      const course = await findHt101(world, org.admin);
      const cohort = await createCohort(world, org.admin, {
        name: `Reactivation ${randomBytes(3).toString('hex')}`,
        courseId: course.id,
        target: { siteIds: [siteA] },
        dueInDays: 30,
      });
      const statusOf = async (memberId: string) => {
        const res = await get(org.admin, `/api/v1/cohorts/${cohort.id}/enrollments?limit=200`).expect(200);
        return (res.body.items as Array<{ memberId: string; status: string }>).find(
          (e) => e.memberId === memberId,
        )?.status;
      };
      expect(await statusOf(joined.id)).toBe('not_started');

      await post(org.admin, `/api/v1/members/${joined.id}/deactivate`, {}).expect(200);
      await post(org.admin, `/api/v1/members/${never.id}/deactivate`, {}).expect(200);
      expect(await statusOf(joined.id)).toBe('withdrawn');
      expectProblem(await get(session, '/api/v1/me/enrollments'), 401);

      const back = await post(educator, `/api/v1/members/${joined.id}/reactivate`, {}).expect(200);
      expect(back.body).toMatchObject({ id: joined.id, status: 'active', name: session.user.name });
      expect(await statusOf(joined.id)).toBe('not_started');
      const again = await post(educator, `/api/v1/members/${joined.id}/reactivate`, {}).expect(200);
      expect(again.body.updatedAt).toBe(back.body.updatedAt);
      const relogged = await world.login(joinedEmail, PASSWORD, org.id);
      await get(relogged, '/api/v1/me/enrollments').expect(200);

      const invited = await post(org.admin, `/api/v1/members/${never.id}/reactivate`, {}).expect(200);
      expect(invited.body.status).toBe('invited');

      expectProblem(await post(org.admin, `/api/v1/members/${randomUUID()}/reactivate`, {}), 404);
      expectProblem(await post(other.admin, `/api/v1/members/${joined.id}/reactivate`, {}), 404);
      expectProblem(await post(manager, `/api/v1/members/${joined.id}/reactivate`, {}), 403);

      // Only an org_admin reactivates an org_admin.
      const admin2 = await createMember(org.admin, {
        name: 'Second Admin',
        roles: ['org_admin'],
        invite: false,
      });
      await post(org.admin, `/api/v1/members/${admin2.id}/deactivate`, {}).expect(200);
      expectProblem(await post(educator, `/api/v1/members/${admin2.id}/reactivate`, {}), 403);
      await post(org.admin, `/api/v1/members/${admin2.id}/reactivate`, {}).expect(200);
      await post(org.admin, `/api/v1/members/${admin2.id}/deactivate`, {}).expect(200);
    });

    it('sends at most 3 invitation mails per member per hour, the first included, under 20 parallel re-sends', async () => {
      const email = world.email('limited');
      const { id } = await createMember(org.admin, { email, name: 'Limited' });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post(org.admin, `/api/v1/members/${id}/invite`, {})),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((x) => x === 202)).toHaveLength(2);
      expect(statuses.filter((x) => x === 429)).toHaveLength(18);
      for (const refused of answers.filter((r) => r.status === 429)) {
        expect(refused.headers['content-type']).toMatch(PROBLEM);
        const retryAfter = Number(refused.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(3500);
        expect(retryAfter).toBeLessThanOrEqual(3600);
      }
      await world.mail.waitForMatching(email, isInvitation, 3);
      const rows = await world.ownerQuery('SELECT 1 FROM invitations WHERE membership_id = $1', [id]);
      expect(rows).toHaveLength(3);
      // An hour later (the invitations aged in the database), sending works again.
      await world.ownerQuery(
        `UPDATE invitations SET created_at = created_at - interval '61 minutes' WHERE membership_id = $1`,
        [id],
      );
      await post(org.admin, `/api/v1/members/${id}/invite`, {}).expect(202);
    });

    it('keeps locale and checks every member field by the shared rules (400 naming each)', async () => {
      const created = await createMember(org.admin, { name: 'Hablante', locale: 'es', invite: false });
      expect(created.body.locale).toBe('es');
      const plain = await createMember(org.admin, { name: 'Default Locale', invite: false });
      expect(plain.body.locale).toBeNull();
      expect(
        (await patch(org.admin, `/api/v1/members/${created.id}`, { locale: 'en' }).expect(200)).body.locale,
      ).toBe('en');
      expectProblem(
        await patch(org.admin, `/api/v1/members/${created.id}`, {
          locale: 'fr',
          jobTitle: 'x'.repeat(201),
          employeeId: 'e'.repeat(101),
          license: { type: 'RN', state: 'Texas', number: 'n'.repeat(101), expiresOn: '2027-02-30' },
        }),
        400,
        ['locale', 'jobTitle', 'employeeId', 'license.state', 'license.number', 'license.expiresOn'],
      );
      expectProblem(
        await post(org.admin, '/api/v1/members', {
          email: 'not-an-email@',
          name: 'x'.repeat(201),
          roles: ['learner'],
        }),
        400,
        ['email', 'name'],
      );
    });

    it('maps unique violations by constraint: employeeId names the field, the same person added twice at once is a 409', async () => {
      const employeeId = `UQ-${randomBytes(3).toString('hex')}`;
      await createMember(org.admin, { name: 'Holder', employeeId, invite: false });
      const taken = await post(org.admin, '/api/v1/members', {
        email: world.email('taken'),
        name: 'Taker',
        roles: ['learner'],
        employeeId,
      });
      expectProblem(taken, 409, ['employeeId']);
      const email = world.email('twice');
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          post(org.admin, '/api/v1/members', { email, name: 'Twice', roles: ['learner'], invite: false }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const refused of answers.filter((r) => r.status === 409))
        expect(refused.body.detail).toMatch(/already a member/);
    });

    it('refuses a duplicate employeeId (409) on create and on PATCH, and a person who is already a member', async () => {
      const employeeId = `EMP-${randomBytes(3).toString('hex')}`;
      const first = await createMember(org.admin, { name: 'First Emp', employeeId, invite: false });
      const before = await world.ownerQuery<{ n: string }>('SELECT count(*) AS n FROM memberships');
      const email = world.email('dup-emp');
      expectProblem(
        await post(org.admin, '/api/v1/members', { email, name: 'Dup', roles: ['learner'], employeeId }),
        409,
      );
      expect(await world.ownerQuery('SELECT count(*) AS n FROM memberships')).toEqual(before);
      expect(await world.ownerQuery('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
      await world.settled();
      expect(world.mail.to(email)).toHaveLength(0);

      const second = await createMember(org.admin, { name: 'Second Emp', invite: false });
      expectProblem(await patch(org.admin, `/api/v1/members/${second.id}`, { employeeId }), 409);
      expectProblem(
        await post(org.admin, '/api/v1/members', {
          email: first.email.toUpperCase(),
          name: 'Again',
          roles: ['learner'],
        }),
        409,
      );
      // The same employee id in another organization is fine.
      await createMember(other.admin, { name: 'Other Emp', employeeId, invite: false });
    });

    it('deactivates idempotently and ends the member’s access at once', async () => {
      const { memberId, session } = await world.addMember(org, ['learner']);
      await get(session, '/api/v1/me').expect(200);
      const first = await post(educator, `/api/v1/members/${memberId}/deactivate`, {}).expect(200);
      expect(first.body).toMatchObject({ id: memberId, status: 'deactivated' });
      const again = await post(educator, `/api/v1/members/${memberId}/deactivate`, {}).expect(200);
      expect(again.body).toMatchObject({ id: memberId, status: 'deactivated' });
      const events = await world.ownerQuery(
        `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'member.deactivated'`,
        [memberId],
      );
      expect(events).toHaveLength(1);
      expectProblem(await get(session, '/api/v1/me'), 401);
      await world
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(401);
      expectProblem(await post(org.admin, `/api/v1/members/${memberId}/invite`, {}), 409);
      const listed = await get(org.admin, '/api/v1/members?status=deactivated&limit=200').expect(200);
      expect(listed.body.items.map((m: { id: string }) => m.id)).toContain(memberId);
    });
  });
});
