import { bearer, TestApp } from '../support/test-app';

describe('health and the organization lifecycle', () => {
  let world: TestApp;

  beforeAll(async () => {
    world = await TestApp.start();
  });

  afterAll(async () => {
    await world.stop();
  });

  it('answers ready when PostgreSQL and Redis answer', async () => {
    await world.http().get('/health/live').expect(200);
    const res = await world.http().get('/health/ready').expect(200);
    expect(res.body.checks).toEqual({ postgres: 'up', redis: 'up' });
  });

  it('creates an organization whose first admin is invited by mail and can sign in', async () => {
    const org = await world.createOrganization('Smoke Health', { viaInvitation: true });
    expect(org.admin.organizationId).toBe(org.id);
    expect(org.admin.roles).toEqual(['org_admin']);
    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(org.admin))
      .expect(200);
    expect(me.body.memberships).toEqual([
      { organizationId: org.id, organizationName: 'Smoke Health', roles: ['org_admin'] },
    ]);
  });
});
