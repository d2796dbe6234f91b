import { bearer, TestApp, TestOrganization } from '../support/test-app';

describe('roster import', () => {
  let world: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Import Health');
    const site = await world.http().post('/api/v1/sites').set(...bearer(org.admin)).send({ name: 'Main Campus', kind: 'hospital' });
    await world.http().post('/api/v1/departments').set(...bearer(org.admin)).send({ siteId: site.body.id, name: 'Emergency', kind: 'emergency' });
  });

  afterAll(async () => {
    await world.stop();
  });

  const csv = [
    '\ufeffemail,name,employee_id,site,department,job_title,roles,manager_email,license_type,license_state',
    'lead@import.test,Lee Lead,E1,Main Campus,Emergency,Charge Nurse,learner;manager,,RN,TX',
    'nurse@import.test,Nia Nurse,E2,main campus,emergency,RN,,lead@import.test,RN,tx',
  ].join('\r\n');

  it('creates members with their site, department, manager and invitation, and a second run changes nothing', async () => {
    const dry = await world
      .http()
      .post('/api/v1/members/import?dryRun=true')
      .set(...bearer(org.admin))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(dry.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, invited: 2, dryRun: true });
    const first = await world.http().post('/api/v1/members/import').set(...bearer(org.admin)).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, invited: 2 });
    const second = await world.http().post('/api/v1/members/import').set(...bearer(org.admin)).attach('file', Buffer.from(csv), 'roster.csv').expect(200);
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, invited: 0 });
    const members = await world.http().get('/api/v1/members?q=import.test').set(...bearer(org.admin)).expect(200);
    const nurse = members.body.items.find((m: { email: string }) => m.email === 'nurse@import.test');
    const lead = members.body.items.find((m: { email: string }) => m.email === 'lead@import.test');
    expect(nurse).toMatchObject({ managerId: lead.id, jobTitle: 'RN', roles: ['learner'], license: { type: 'RN', state: 'TX' } });
    await world.mail.waitFor('nurse@import.test');
  });

  it('reports every bad row with its line and field and writes nothing', async () => {
    const bad = ['email,name,site,roles', 'not-an-email,X,,', 'ok@import.test,,Nowhere,', 'x@import.test,X,,wizard'].join('\n');
    const res = await world.http().post('/api/v1/members/import').set(...bearer(org.admin)).set('Content-Type', 'text/csv').send(bad).expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'email' }),
      expect.objectContaining({ row: 3, field: 'name' }),
      expect.objectContaining({ row: 3, field: 'site' }),
      expect.objectContaining({ row: 4, field: 'roles' }),
    ]);
  });
});
