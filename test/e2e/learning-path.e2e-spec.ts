import {
  attemptRequest,
  certificateOf,
  completeModules,
  createDepartmentCohort,
  createDepartment,
  createSite,
  findHt101,
  getCohort,
  loadAnswerKey,
  myEnrollments,
  rightAnswers,
  startAttempt,
  submitAttempt,
  submitRequest,
} from '../support/learning';
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
    courseId = (await findHt101(world, org.admin)).id;
    key = await loadAnswerKey(world, platform, courseId);
  });

  afterAll(async () => {
    await world.stop();
  });

  it('enrolls a matching learner, takes them through modules and assessment, and issues a verifiable certificate', async () => {
    const siteId = await createSite(world, org.admin, 'Main');
    const ed = await createDepartment(world, org.admin, siteId, 'ED');
    const cohort = await createDepartmentCohort(world, org.admin, courseId, ed, 'ED 2026');
    expect(cohort.enrolledCount).toBe(0);

    const learner = await world.addMember(org, ['learner'], { departmentId: ed });
    const mine = await myEnrollments(world, learner.session);
    expect(mine).toHaveLength(1);
    const enrollment = mine[0];
    expect(enrollment).toMatchObject({ cohortId: cohort.id, status: 'not_started', overdue: false });
    await world.mail.waitFor(learner.email);

    await attemptRequest(world, learner.session, enrollment.id).expect(409);
    const course = await world
      .http()
      .get(`/api/v1/courses/${courseId}`)
      .set(...bearer(learner.session))
      .expect(200);
    await completeModules(
      world,
      learner.session,
      enrollment.id,
      course.body.modules.map((m: { id: string }) => m.id),
    );
    const attempt = await startAttempt(world, learner.session, enrollment.id);
    for (const question of attempt.questions) {
      expect(Object.keys(question).sort()).toEqual(['choices', 'id', 'prompt']);
      for (const choice of question.choices) expect(Object.keys(choice).sort()).toEqual(['id', 'text']);
    }
    const again = await attemptRequest(world, learner.session, enrollment.id).expect(200);
    expect(again.body).toEqual(attempt);

    const answers = rightAnswers(attempt, key);
    const submitted = await submitAttempt(world, learner.session, enrollment.id, attempt.attemptId, answers);
    // HT-101 asks for the learner's evaluation before the certificate.
    expect(submitted).toMatchObject({
      score: 100,
      passed: true,
      certificateId: null,
      evaluationRequired: true,
    });
    await submitRequest(world, learner.session, enrollment.id, attempt.attemptId, answers).expect(409);
    const result = await certificateOf(world, learner.session, enrollment.id, submitted);

    const certificate = await world
      .http()
      .get(`/api/v1/certificates/${result.certificateId}`)
      .set(...bearer(learner.session))
      .expect(200);
    expect(certificate.body).toMatchObject({
      learnerName: 'learner person',
      courseTitle: course.body.title,
      creditHours: 1,
    });
    const pdf = await world
      .http()
      .get(`/api/v1/certificates/${result.certificateId}/pdf`)
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

    const stats = (await getCohort(world, org.admin, cohort.id)).stats;
    expect(stats).toMatchObject({ enrolled: 1, completed: 1, completionRate: 1 });
  });
});
