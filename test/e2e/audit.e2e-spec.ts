import type { Client } from 'pg';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks and tests under Jest 30: set it here.
jest.setTimeout(30_000);

interface AuditEvent {
  id: string;
  actorType: 'member' | 'platform' | 'system';
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  at: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

describe('audit trail of organization structure writes', () => {
  let world: TestApp;
  let platform: Session;
  let org: TestOrganization;
  let educator: Session;
  /** Membership ids: audit events name the member who acted, never a person's global user id. */
  let educatorId: string;
  let adminId: string;

  beforeAll(async () => {
    world = await TestApp.start();
    platform = await world.platformAdmin();
    // Through the invitations: the trail of an accepted invitation (member.activated) is asserted below.
    org = await world.createOrganization('Audit Health', { viaInvitation: true });
    const added = await world.addMember(org, ['educator'], {}, { viaInvitation: true });
    educator = added.session;
    educatorId = added.memberId;
    const admins = await world
      .http()
      .get('/api/v1/members?role=org_admin')
      .set(...bearer(org.admin))
      .expect(200);
    adminId = admins.body.items[0].id as string;
  });

  const actor = (e: AuditEvent) => [e.action, e.actorType, e.actorId];

  afterAll(async () => {
    await world.stop();
  });

  const send = (session: Session, method: 'post' | 'patch' | 'delete', path: string, body: object = {}) =>
    world
      .http()
      [method](path)
      .set(...bearer(session))
      .send(body);

  async function events(entityType: string, entityId: string, session = org.admin): Promise<AuditEvent[]> {
    const res = await world
      .http()
      .get(`/api/v1/audit-events?entityType=${entityType}&entityId=${entityId}&limit=200`)
      .set(...bearer(session))
      .expect(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items as AuditEvent[];
  }

  const auditCount = async (organizationId = org.id): Promise<number> =>
    Number(
      (
        await world.ownerQuery<{ n: string }>(
          'SELECT count(*) AS n FROM audit_events WHERE organization_id = $1',
          [organizationId],
        )
      )[0].n,
    );

  it('records organization.created by the platform admin, and the first admin created and activated', async () => {
    const created = await events('organization', org.id);
    expect(created).toEqual([
      {
        id: expect.any(String),
        actorType: 'platform',
        actorId: null,
        action: 'organization.created',
        entityType: 'organization',
        entityId: org.id,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        changes: {
          name: { from: null, to: 'Audit Health' },
          slug: { from: null, to: expect.stringMatching(/^audit-health-/) },
          timezone: { from: null, to: 'America/Chicago' },
        },
      },
    ]);
    const admin = await events('member', adminId);
    expect(admin.map(actor)).toEqual([
      ['member.activated', 'member', adminId],
      ['member.created', 'platform', null],
    ]);
    expect(admin[0].changes).toEqual({ status: { from: 'invited', to: 'active' } });
    expect(admin[1].changes).toMatchObject({
      email: { from: null, to: org.admin.user.email },
      roles: { from: null, to: ['org_admin'] },
      status: { from: null, to: 'invited' },
    });
  });

  it('records platform staff created in the platform trail (no organization), with the platform admin as actor', async () => {
    const res = await world
      .http()
      .post('/api/v1/platform/users')
      .set(...bearer(platform))
      .send({ email: world.email('staff'), name: 'Staff Person', platformRoles: ['facilitator'] })
      .expect(201);
    const rows = await world.ownerQuery(
      'SELECT organization_id, actor_type, actor_id, action, entity_type, changes FROM audit_events WHERE entity_id = $1',
      [res.body.id],
    );
    expect(rows).toEqual([
      {
        organization_id: null,
        actor_type: 'platform',
        actor_id: platform.user.id,
        action: 'platform_user.created',
        entity_type: 'platform_user',
        changes: { platformRoles: { from: [], to: ['facilitator'] } },
      },
    ]);
    // A refused duplicate records nothing more.
    await world
      .http()
      .post('/api/v1/platform/users')
      .set(...bearer(platform))
      .send({ email: res.body.email, name: 'Again', platformRoles: ['platform_admin'] })
      .expect(409);
    expect(
      await world.ownerQuery('SELECT 1 FROM audit_events WHERE entity_id = $1', [res.body.id]),
    ).toHaveLength(1);
  });

  it('records a site created, updated (only the changed fields) and archived, with the acting user', async () => {
    const created = await send(educator, 'post', '/api/v1/sites', {
      name: 'Audit Campus',
      kind: 'hospital',
      timezone: 'America/Denver',
    }).expect(201);
    const id = created.body.id as string;
    await send(org.admin, 'post', '/api/v1/departments', {
      siteId: id,
      name: 'Audit ED',
      kind: 'emergency',
    }).expect(201);
    await send(org.admin, 'patch', `/api/v1/sites/${id}`, {
      name: 'Audit Campus North',
      kind: 'hospital',
      address: '9 Elm St',
    }).expect(200);
    // A PATCH that changes nothing records nothing.
    await send(org.admin, 'patch', `/api/v1/sites/${id}`, {
      name: 'Audit Campus North',
      kind: 'hospital',
    }).expect(200);
    await send(educator, 'delete', `/api/v1/sites/${id}`).expect(204);
    // Archiving an archived site is no change either.
    await send(educator, 'delete', `/api/v1/sites/${id}`).expect(204);

    const trail = await events('site', id);
    expect(trail.map((e) => e.action)).toEqual(['site.archived', 'site.updated', 'site.created']);
    for (const event of trail) expect(event).toMatchObject({ entityType: 'site', entityId: id });
    const [archived, updated, create] = trail;
    expect(actor(create)).toEqual(['site.created', 'member', educatorId]);
    expect(create.changes).toEqual({
      name: { from: null, to: 'Audit Campus' },
      kind: { from: null, to: 'hospital' },
      timezone: { from: null, to: 'America/Denver' },
    });
    expect(actor(updated)).toEqual(['site.updated', 'member', adminId]);
    expect(updated.changes).toEqual({
      name: { from: 'Audit Campus', to: 'Audit Campus North' },
      address: { from: null, to: '9 Elm St' },
    });
    expect(actor(archived)).toEqual(['site.archived', 'member', educatorId]);
    expect(archived.changes).toMatchObject({ archived: { from: false, to: true } });
    const times = trail.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('records a department created, updated and archived', async () => {
    const site = await send(org.admin, 'post', '/api/v1/sites', {
      name: 'Dept Audit Site',
      kind: 'other',
    }).expect(201);
    const other = await send(org.admin, 'post', '/api/v1/sites', {
      name: 'Dept Audit Site 2',
      kind: 'other',
    }).expect(201);
    const dept = await send(educator, 'post', '/api/v1/departments', {
      siteId: site.body.id,
      name: 'Urgent',
      kind: 'urgent_care',
    }).expect(201);
    const id = dept.body.id as string;
    await send(educator, 'patch', `/api/v1/departments/${id}`, {
      kind: 'emergency',
      siteId: other.body.id,
    }).expect(200);
    await send(org.admin, 'delete', `/api/v1/departments/${id}`).expect(204);

    const trail = await events('department', id);
    expect(trail.map(actor)).toEqual([
      ['department.archived', 'member', adminId],
      ['department.updated', 'member', educatorId],
      ['department.created', 'member', educatorId],
    ]);
    expect(trail[2].changes).toEqual({
      siteId: { from: null, to: site.body.id },
      name: { from: null, to: 'Urgent' },
      kind: { from: null, to: 'urgent_care' },
    });
    expect(trail[1].changes).toEqual({
      siteId: { from: site.body.id, to: other.body.id },
      kind: { from: 'urgent_care', to: 'emergency' },
    });
    expect(trail[0].changes).toEqual({ archived: { from: false, to: true } });
  });

  it('records a member created, invited, activated, updated, deactivated and reactivated (once), each by the acting member', async () => {
    const email = world.email('audited');
    const created = await send(educator, 'post', '/api/v1/members', {
      email,
      name: 'Audited Person',
      roles: ['learner'],
      jobTitle: 'RN',
    }).expect(201);
    const id = created.body.id as string;
    await send(org.admin, 'post', `/api/v1/members/${id}/invite`).expect(202);
    await world.acceptInvitation(email, 2);
    await send(org.admin, 'patch', `/api/v1/members/${id}`, {
      roles: ['learner', 'manager'],
      jobTitle: 'RN',
      license: { type: 'RN', state: 'TX' },
    }).expect(200);
    await send(educator, 'post', `/api/v1/members/${id}/deactivate`).expect(200);
    await send(educator, 'post', `/api/v1/members/${id}/deactivate`).expect(200);
    await send(org.admin, 'post', `/api/v1/members/${id}/reactivate`).expect(200);
    await send(org.admin, 'post', `/api/v1/members/${id}/reactivate`).expect(200);

    const trail = await events('member', id);
    expect(trail.map(actor)).toEqual([
      ['member.reactivated', 'member', adminId],
      ['member.deactivated', 'member', educatorId],
      ['member.updated', 'member', adminId],
      ['member.activated', 'member', id],
      ['member.invited', 'member', adminId],
      ['member.created', 'member', educatorId],
    ]);
    const [reactivated, deactivated, updated, activated, , create] = trail;
    expect(reactivated.changes).toEqual({ status: { from: 'deactivated', to: 'active' } });
    expect(create.changes).toMatchObject({
      email: { from: null, to: email },
      roles: { from: null, to: ['learner'] },
      status: { from: null, to: 'invited' },
      jobTitle: { from: null, to: 'RN' },
    });
    for (const change of Object.values(create.changes)) expect(change.to).not.toBeNull();
    expect(activated.changes).toEqual({ status: { from: 'invited', to: 'active' } });
    expect(updated.changes).toEqual({
      roles: { from: ['learner'], to: ['learner', 'manager'] },
      licenseType: { from: null, to: 'RN' },
      licenseState: { from: null, to: 'TX' },
    });
    expect(deactivated.changes).toEqual({ status: { from: 'active', to: 'deactivated' } });
  });

  it('records nothing for a rejected write', async () => {
    await send(org.admin, 'post', '/api/v1/sites', { name: 'Unique Site', kind: 'hospital' }).expect(201);
    const employee = await send(org.admin, 'post', '/api/v1/members', {
      email: world.email('employee'),
      name: 'Employee',
      employeeId: 'AUD-1',
      invite: false,
    }).expect(201);
    const before = await auditCount();

    await send(educator, 'post', '/api/v1/sites', { name: 'unique site', kind: 'other' }).expect(409);
    await send(org.admin, 'post', '/api/v1/members', {
      email: world.email('dup'),
      name: 'Dup',
      employeeId: 'AUD-1',
    }).expect(409);
    await send(educator, 'post', '/api/v1/members', {
      email: world.email('admin-wannabe'),
      name: 'Wannabe',
      roles: ['org_admin'],
    }).expect(403);
    await send(educator, 'patch', `/api/v1/members/${employee.body.id}`, { roles: ['org_admin'] }).expect(
      403,
    );
    await send(org.admin, 'patch', `/api/v1/members/${employee.body.id}`, {
      managerId: employee.body.id,
    }).expect(400);
    await send(org.admin, 'post', '/api/v1/sites', { name: 'Bad Kind', kind: 'castle' }).expect(400);
    const admin = await world
      .http()
      .get('/api/v1/members?role=org_admin')
      .set(...bearer(org.admin))
      .expect(200);
    await send(org.admin, 'post', `/api/v1/members/${admin.body.items[0].id}/deactivate`).expect(409);

    expect(await auditCount()).toBe(before);
    expect(await events('member', employee.body.id)).toHaveLength(1);
  });

  it('keeps audit rows append-only for the app role (UPDATE and DELETE refused with 42501) and per organization', async () => {
    const other = await world.createOrganization('Other Audit');
    const settings = { 'app.organization_id': org.id };
    const failure = (work: (client: Client) => Promise<unknown>) =>
      world.appTransaction(settings, async (client) => {
        try {
          await work(client);
          return null;
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
    expect(await failure((c) => c.query(`UPDATE audit_events SET action = 'site.forged'`))).toBe('42501');
    expect(await failure((c) => c.query('DELETE FROM audit_events'))).toBe('42501');
    expect(await failure((c) => c.query('TRUNCATE audit_events'))).toBe('42501');

    const visible = await world.appTransaction(settings, async (client) => {
      const rows = await client.query<{ organization_id: string }>(
        'SELECT DISTINCT organization_id FROM audit_events',
      );
      return rows.rows.map((r) => r.organization_id);
    });
    expect(visible).toEqual([org.id]);
    expect(await auditCount(other.id)).toBeGreaterThan(0);

    // Through the API, another organization's events are invisible, and only org_admins read the trail.
    const foreign = await events('organization', org.id, other.admin);
    expect(foreign).toEqual([]);
    const res = await world
      .http()
      .get('/api/v1/audit-events')
      .set(...bearer(educator));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await world.http().get('/api/v1/audit-events').expect(401);
  });

  it('pages the trail newest first without duplicates or gaps', async () => {
    for (let i = 0; i < 5; i += 1)
      await send(org.admin, 'post', '/api/v1/sites', { name: `Paged Site ${i}`, kind: 'other' }).expect(201);
    const all = await world
      .http()
      .get('/api/v1/audit-events?entityType=site&limit=200')
      .set(...bearer(org.admin))
      .expect(200);
    const expected = (all.body.items as AuditEvent[]).map((e) => e.id);
    expect(expected.length).toBeGreaterThanOrEqual(7);

    const seen: AuditEvent[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const path: string = `/api/v1/audit-events?entityType=site&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await world
        .http()
        .get(path)
        .set(...bearer(org.admin))
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor === null) break;
    }
    expect(cursor).toBeNull();
    expect(seen.map((e) => e.id)).toEqual(expected);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const times = seen.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.filter((e) => e.action === 'site.created').map((e) => e.changes.name.to)).toEqual(
      expect.arrayContaining(['Paged Site 0', 'Paged Site 4']),
    );

    const everything = await world
      .http()
      .get('/api/v1/audit-events?limit=3')
      .set(...bearer(org.admin))
      .expect(200);
    expect(everything.body.items).toHaveLength(3);
    expect(everything.body.nextCursor).toEqual(expect.any(String));
    const bad = await world
      .http()
      .get('/api/v1/audit-events?limit=201')
      .set(...bearer(org.admin));
    expect(bad.status).toBe(400);
  });
});
