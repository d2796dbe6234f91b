import {
  courseModuleIds,
  createCohort,
  findHt101,
  loadAnswerKey,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { binary, pdfText } from '../support/pdf-text';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

/**
 * Someone deactivated in every organization keeps what they earned: they can still sign in, see who they are,
 * change their password and fetch their certificates (for license renewal), and nothing else.
 */
describe('a person with no active membership left', () => {
  let world: TestApp;
  let org: TestOrganization;
  let former: Session;
  let certificateId: string;
  let otherCertificateId: string;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Former Health');
    const platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    const key = await loadAnswerKey(world, platform, course.id);
    const moduleIds = await courseModuleIds(world, org.admin, course.id);
    await createCohort(world, org.admin, {
      name: 'Everyone',
      courseId: course.id,
      target: { roles: ['learner'] },
      dueInDays: 30,
    });

    const leaver = await world.addMember(org, ['learner']);
    const stayer = await world.addMember(org, ['learner']);
    for (const [person, into] of [
      [leaver, 'leaver'],
      [stayer, 'stayer'],
    ] as const) {
      const [enrollment] = await myEnrollments(world, person.session);
      const result = await passCourse(world, person.session, enrollment.id, moduleIds, key);
      if (into === 'leaver') certificateId = result.certificateId as string;
      else otherCertificateId = result.certificateId as string;
    }
    await world
      .http()
      .post(`/api/v1/members/${leaver.memberId}/deactivate`)
      .set(...bearer(org.admin))
      .expect(200);
    former = await world.login(leaver.email);
  });

  afterAll(async () => {
    await world.stop();
  });

  it('signs in to a session bound to no organization, listing no membership', () => {
    expect(former.organizationId).toBeNull();
    expect(former.memberships).toEqual([]);
    expect(former.roles).toEqual([]);
  });

  it('is refused with 403 everywhere else: courses, enrollments, organization data', async () => {
    for (const path of ['/api/v1/courses', '/api/v1/me/enrollments', '/api/v1/sites', '/api/v1/members']) {
      const res = await world
        .http()
        .get(path)
        .set(...bearer(former));
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('still reads who they are and their own certificates, across the organizations they left', async () => {
    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(former))
      .expect(200);
    expect(me.body.user.email).toBe(former.user.email);
    const mine = await world
      .http()
      .get('/api/v1/me/certificates')
      .set(...bearer(former))
      .expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([certificateId]);
    const one = await world
      .http()
      .get(`/api/v1/certificates/${certificateId}`)
      .set(...bearer(former))
      .expect(200);
    expect(one.body.learnerName).toBe(former.user.name);
  });

  it('downloads the certificate PDF, with their name on it', async () => {
    const res = await world
      .http()
      .get(`/api/v1/certificates/${certificateId}/pdf`)
      .set(...bearer(former))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(await pdfText(res.body as Buffer)).toContain(former.user.name);
  });

  it("gets the 404 of an unknown id for a colleague's certificate", async () => {
    await world
      .http()
      .get(`/api/v1/certificates/${otherCertificateId}`)
      .set(...bearer(former))
      .expect(404);
    await world
      .http()
      .get(`/api/v1/certificates/${otherCertificateId}/pdf`)
      .set(...bearer(former))
      .expect(404);
  });

  it('may change their password and sign out', async () => {
    await world
      .http()
      .post('/api/v1/auth/password')
      .set(...bearer(former))
      .send({ currentPassword: 'correct horse battery staple', newPassword: 'a brand new passphrase' })
      .expect(204);
    const again = await world.login(former.user.email, 'a brand new passphrase');
    await world.http().post('/api/v1/auth/logout').send({ refreshToken: again.refreshToken }).expect(204);
  });
});
