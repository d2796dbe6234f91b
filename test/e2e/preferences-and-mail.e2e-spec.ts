import type { Response } from 'supertest';
import {
  courseModuleIds,
  createCohort,
  createSite,
  findHt101,
  ListedCourse,
  loadAnswerKey,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { CapturedMail, isInvitation } from '../support/mail-sink';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks and tests under Jest 30: set it here.
jest.setTimeout(30_000);

function expectFields(res: Response, fields: string[]): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 400 });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(
    [...fields].sort(),
  );
}

const isAssignment = (mail: CapturedMail) => mail.text.includes('/learn/enrollments/');

describe('preferences and the language of mail', () => {
  let world: TestApp;
  let org: TestOrganization;
  let course: ListedCourse;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Clínica San José');
    course = await findHt101(world, org.admin);
  });

  afterAll(async () => {
    await world?.stop();
  });

  const me = (session: Session) =>
    world
      .http()
      .get('/api/v1/me')
      .set(...bearer(session));
  const patchMe = (session: Session, body: unknown) =>
    world
      .http()
      .patch('/api/v1/me')
      .set(...bearer(session))
      .send(body as object);

  describe('GET|PATCH /me preferences', () => {
    it('answers English and a daily digest for a person who never chose', async () => {
      const { session } = await world.addMember(org, ['manager']);
      expect((await me(session).expect(200)).body.preferences).toEqual({
        locale: 'en',
        escalationDigest: 'daily',
      });
    });

    it("answers the organization's entry for the member until the person chooses", async () => {
      const { session } = await world.addMember(org, ['learner'], { locale: 'es' });
      expect((await me(session).expect(200)).body.preferences).toEqual({
        locale: 'es',
        escalationDigest: 'daily',
      });
      const res = await patchMe(session, { preferences: { locale: 'en' } }).expect(200);
      expect(res.body.preferences).toEqual({ locale: 'en', escalationDigest: 'daily' });
      expect((await me(session).expect(200)).body).toEqual(res.body);
    });

    it('changes the digest alone, the name alone, and both preferences at once, keeping what is left out', async () => {
      const { session } = await world.addMember(org, ['manager']);
      expect(
        (await patchMe(session, { preferences: { escalationDigest: 'weekly' } }).expect(200)).body
          .preferences,
      ).toEqual({ locale: 'en', escalationDigest: 'weekly' });
      const renamed = await patchMe(session, { name: '  Marta Gómez ' }).expect(200);
      expect(renamed.body.user.name).toBe('Marta Gómez');
      expect(renamed.body.preferences).toEqual({ locale: 'en', escalationDigest: 'weekly' });
      const both = await patchMe(session, {
        preferences: { locale: 'es', escalationDigest: 'immediate' },
      }).expect(200);
      expect(both.body).toMatchObject({
        user: { name: 'Marta Gómez' },
        organizationId: org.id,
        roles: ['manager'],
        preferences: { locale: 'es', escalationDigest: 'immediate' },
      });
      const [row] = await world.ownerQuery<{ locale: string; escalation_digest: string }>(
        'SELECT locale, escalation_digest FROM users WHERE id = $1',
        [session.user.id],
      );
      expect(row).toEqual({ locale: 'es', escalation_digest: 'immediate' });
    });

    it('keeps a choice over what the organization entered later', async () => {
      const { memberId, session } = await world.addMember(org, ['learner']);
      await patchMe(session, { preferences: { locale: 'en' } }).expect(200);
      await world
        .http()
        .patch(`/api/v1/members/${memberId}`)
        .set(...bearer(org.admin))
        .send({ locale: 'es' })
        .expect(200);
      expect((await me(session).expect(200)).body.preferences.locale).toBe('en');
    });

    it('answers an empty PATCH with the person unchanged', async () => {
      const { session } = await world.addMember(org, ['learner']);
      const before = (await me(session).expect(200)).body;
      expect((await patchMe(session, {}).expect(200)).body).toEqual(before);
      expect((await patchMe(session, { preferences: {} }).expect(200)).body).toEqual(before);
    });

    it('records user.updated with the changed preferences', async () => {
      const { session } = await world.addMember(org, ['learner']);
      await patchMe(session, { preferences: { locale: 'es' } }).expect(200);
      const events = await world.ownerQuery<{ changes: unknown }>(
        `SELECT changes FROM audit_events WHERE action = 'user.updated' AND entity_id = $1`,
        [session.user.id],
      );
      expect(events).toEqual([{ changes: { locale: { from: null, to: 'es' } } }]);
    });

    it.each([
      ['a locale Beacon does not write', { preferences: { locale: 'fr' } }, ['preferences.locale']],
      ['a null locale', { preferences: { locale: null } }, ['preferences.locale']],
      [
        'an unknown digest',
        { preferences: { escalationDigest: 'hourly' } },
        ['preferences.escalationDigest'],
      ],
      [
        'a digest that is not a string',
        { preferences: { escalationDigest: 1 } },
        ['preferences.escalationDigest'],
      ],
      ['preferences that are not an object', { preferences: 'es' }, ['preferences']],
      ['null preferences', { preferences: null }, ['preferences']],
      ['an unknown preference', { preferences: { theme: 'dark' } }, ['preferences.theme']],
      ['a null name', { name: null }, ['name']],
      ['an empty name', { name: '  ' }, ['name']],
      ['an unknown field', { email: 'x@example.test' }, ['email']],
      [
        'every field bad at once',
        { name: '', preferences: { locale: 'de', escalationDigest: 'never' } },
        ['name', 'preferences.locale', 'preferences.escalationDigest'],
      ],
    ])('refuses %s with a 400 naming the field, changing nothing', async (_case, body, fields) => {
      const { session } = await world.addMember(org, ['learner']);
      const before = (await me(session).expect(200)).body;
      expectFields(await patchMe(session, body), fields);
      expect((await me(session).expect(200)).body).toEqual(before);
    });
  });

  describe('mail in the member’s language', () => {
    it('sends a member entered as Spanish the invitation and the assignment in Spanish, then English after PATCH /me', async () => {
      const siteId = await createSite(world, org.admin, 'Hospital Norte');
      await world
        .http()
        .patch(`/api/v1/sites/${siteId}`)
        .set(...bearer(org.admin))
        .send({ timezone: 'America/Mexico_City' })
        .expect(200);
      const email = world.email('ana');
      await world
        .http()
        .post('/api/v1/members')
        .set(...bearer(org.admin))
        .send({ email, name: 'Ana Ruiz', roles: ['learner'], locale: 'es', siteId, jobTitle: 'Enfermera' })
        .expect(201);

      const invitation = await world.mail.waitForMatching(email, isInvitation);
      expect(invitation.subject).toBe('Invitación para unirse a Clínica San José en Beacon');
      expect(invitation.text).toContain('Hola, Ana Ruiz:');
      expect(invitation.text).toMatch(/caduca el [a-zé]+, \d{1,2} de [a-z]+ de \d{4}, \d{1,2}:\d{2} UTC\./);
      expect(invitation.html).toContain('O copie este enlace en su navegador');
      const session = await world.acceptInvitation(email);

      await createCohort(world, org.admin, {
        name: 'Enfermería 2026',
        courseId: course.id,
        target: { jobTitles: ['Enfermera'] },
        dueDate: '2030-03-15',
      });
      const spanish = await world.mail.waitForMatching(email, isAssignment);
      expect(spanish.subject).toBe(`Nueva formación asignada: ${course.title}`);
      expect(spanish.text).toContain(`Se le ha asignado «${course.title}» (Enfermería 2026).`);
      // Due at the end of 15 March in Chicago (the organization's zone, on daylight time by then), shown in the site's
      // zone: Mexico City keeps standard time, an hour behind.
      expect(spanish.text).toContain('Debe completarla antes del viernes, 15 de marzo de 2030, 22:59 GMT-6.');
      const [{ id: enrollmentId }] = await world.ownerQuery<{ id: string }>(
        `SELECT e.id FROM enrollments e JOIN memberships m ON m.id = e.membership_id JOIN users u ON u.id = m.user_id
          WHERE u.email = $1`,
        [email],
      );
      expect(spanish.text).toContain(
        `Empezar el curso: http://beacon.test/learn/enrollments/${enrollmentId}`,
      );

      await patchMe(session, { preferences: { locale: 'en' } }).expect(200);
      await createCohort(world, org.admin, {
        name: 'Nursing refresher',
        courseId: course.id,
        target: { jobTitles: ['Enfermera'] },
        dueDate: '2030-03-15',
      });
      const english = await world.mail.waitForMatching(email, isAssignment, 2);
      expect(english.subject).toBe(`New training assigned: ${course.title}`);
      expect(english.text).toContain('It is due by Friday, March 15, 2030 at 10:59 PM CST.');
      expect(english.text).toContain('This message was sent automatically; replies are not read.');
      expect(english.text).not.toContain('Hola');
    });

    it('sends the certificate mail in Spanish to a member whose organization entered Spanish', async () => {
      const { email, session } = await world.addMember(org, ['learner'], {
        locale: 'es',
        jobTitle: 'Partera',
      });
      await createCohort(world, org.admin, {
        name: 'Parteras',
        courseId: course.id,
        target: { jobTitles: ['Partera'] },
        dueInDays: 30,
      });
      const [enrollment] = await myEnrollments(world, session);
      const key = await loadAnswerKey(world, await world.platformAdmin(), course.id);
      const moduleIds = await courseModuleIds(world, session, course.id);
      const result = await passCourse(world, session, enrollment.id, moduleIds, key);
      expect(result.certificateId).toEqual(expect.any(String));
      const mail = await world.mail.waitForMatching(email, (m) => m.text.includes('/verify'));
      expect(mail.subject).toBe(`Su certificado: ${course.title}`);
      expect(mail.text).toContain(`Ha completado «${course.title}»`);
      expect(mail.text).toContain('Verificar el certificado: ');
    });

    it('sends the password reset in the language the person chose', async () => {
      const { email, session } = await world.addMember(org, ['learner']);
      await patchMe(session, { preferences: { locale: 'es' } }).expect(200);
      await world.http().post('/api/v1/auth/password-reset').send({ email }).expect(202);
      const reset = await world.mail.waitForMatching(email, (mail) =>
        mail.text.includes('/reset-password?token='),
      );
      expect(reset.subject).toBe('Restablezca su contraseña de Beacon');
      expect(reset.text).toContain('El enlace solo funciona una vez y caduca el');
    });
  });

  describe('mail headers', () => {
    it("marks organization mail Auto-Submitted and gives it the organization's List-Id", async () => {
      const email = world.email('headers');
      await world
        .http()
        .post('/api/v1/members')
        .set(...bearer(org.admin))
        .send({ email, name: 'Head Er', roles: ['learner'] })
        .expect(201);
      const mail = await world.mail.waitForMatching(email, isInvitation);
      const [{ slug }] = await world.ownerQuery<{ slug: string }>(
        'SELECT slug FROM organizations WHERE id = $1',
        [org.id],
      );
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.headers['list-id']).toBe(`Beacon – Clínica San José <${slug}.lists.beacon.test>`);
    });

    it("marks the provider's own mail Auto-Submitted, without an organization's List-Id", async () => {
      const platform = await world.platformAdmin();
      const email = world.email('staff');
      await world
        .http()
        .post('/api/v1/platform/users')
        .set(...bearer(platform))
        .send({ email, name: 'Fran Facilitator', platformRoles: ['facilitator'] })
        .expect(201);
      const mail = await world.mail.waitForMatching(email, isInvitation);
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.headers['list-id']).toBeUndefined();
    });
  });
});
