import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

describe('the learner path from assignment to a verified certificate', () => {
  let world: TestApp;
  let org: TestOrganization;
  let platform: Session;
  let courseId: string;
  let key: Map<string, string>;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Path Health');
    platform = await world.platformAdmin();
    const courses = await world
      .http()
      .get('/api/v1/courses')
      .set(...bearer(org.admin))
      .expect(200);
    courseId = courses.body.items.find((c: { code: string }) => c.code === 'HT-101').id;
    const bank = await world
      .http()
      .get(`/api/v1/platform/courses/${courseId}/questions`)
      .set(...bearer(platform))
      .expect(200);
    key = new Map(
      bank.body.items.map((q: { id: string; choices: Array<{ id: string; correct: boolean }> }) => [
        q.id,
        q.choices.find((c) => c.correct)?.id,
      ]),
    );
  });

  afterAll(async () => {
    await world.stop();
  });

  it('enrolls a matching learner, takes them through modules and assessment, and issues a verifiable certificate', async () => {
    const site = await world
      .http()
      .post('/api/v1/sites')
      .set(...bearer(org.admin))
      .send({ name: 'Main', kind: 'hospital' })
      .expect(201);
    const ed = await world
      .http()
      .post('/api/v1/departments')
      .set(...bearer(org.admin))
      .send({ siteId: site.body.id, name: 'ED', kind: 'emergency' })
      .expect(201);
    const cohort = await world
      .http()
      .post('/api/v1/cohorts')
      .set(...bearer(org.admin))
      .send({ name: 'ED 2026', courseId, target: { departmentIds: [ed.body.id] }, dueInDays: 30 })
      .expect(201);
    expect(cohort.body.enrolledCount).toBe(0);

    const learner = await world.addMember(org, ['learner'], { departmentId: ed.body.id });
    const mine = await world
      .http()
      .get('/api/v1/me/enrollments')
      .set(...bearer(learner.session))
      .expect(200);
    expect(mine.body.items).toHaveLength(1);
    const enrollment = mine.body.items[0];
    expect(enrollment).toMatchObject({ cohortId: cohort.body.id, status: 'not_started', overdue: false });
    await world.mail.waitFor(learner.email, 2);

    await world
      .http()
      .post(`/api/v1/enrollments/${enrollment.id}/assessment/attempts`)
      .set(...bearer(learner.session))
      .expect(409);
    const course = await world
      .http()
      .get(`/api/v1/courses/${courseId}`)
      .set(...bearer(learner.session))
      .expect(200);
    for (const module of course.body.modules) {
      await world
        .http()
        .post(`/api/v1/enrollments/${enrollment.id}/modules/${module.id}/complete`)
        .set(...bearer(learner.session))
        .expect(200);
    }
    const attempt = await world
      .http()
      .post(`/api/v1/enrollments/${enrollment.id}/assessment/attempts`)
      .set(...bearer(learner.session))
      .expect(201);
    for (const question of attempt.body.questions) {
      expect(Object.keys(question).sort()).toEqual(['choices', 'id', 'prompt']);
      for (const choice of question.choices) expect(Object.keys(choice).sort()).toEqual(['id', 'text']);
    }
    const again = await world
      .http()
      .post(`/api/v1/enrollments/${enrollment.id}/assessment/attempts`)
      .set(...bearer(learner.session))
      .expect(200);
    expect(again.body).toEqual(attempt.body);

    const answers = attempt.body.questions.map((q: { id: string }) => ({
      questionId: q.id,
      choiceId: key.get(q.id),
    }));
    const result = await world
      .http()
      .post(`/api/v1/enrollments/${enrollment.id}/assessment/attempts/${attempt.body.attemptId}/submit`)
      .set(...bearer(learner.session))
      .send({ answers })
      .expect(200);
    expect(result.body).toMatchObject({ score: 100, passed: true });
    await world
      .http()
      .post(`/api/v1/enrollments/${enrollment.id}/assessment/attempts/${attempt.body.attemptId}/submit`)
      .set(...bearer(learner.session))
      .send({ answers })
      .expect(409);

    const certificate = await world
      .http()
      .get(`/api/v1/certificates/${result.body.certificateId}`)
      .set(...bearer(learner.session))
      .expect(200);
    expect(certificate.body).toMatchObject({
      learnerName: 'learner person',
      courseTitle: course.body.title,
      creditHours: 1,
    });
    const pdf = await world
      .http()
      .get(`/api/v1/certificates/${result.body.certificateId}/pdf`)
      .set(...bearer(learner.session))
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const verified = await world
      .http()
      .get(`/api/v1/public/certificates/${certificate.body.verificationCode}`)
      .expect(200);
    expect(verified.body).toMatchObject({
      valid: true,
      number: certificate.body.number,
      learnerName: 'learner person',
    });

    const stats = await world
      .http()
      .get(`/api/v1/cohorts/${cohort.body.id}`)
      .set(...bearer(org.admin))
      .expect(200);
    expect(stats.body.stats).toMatchObject({ enrolled: 1, completed: 1, completionRate: 1 });
  });
});
