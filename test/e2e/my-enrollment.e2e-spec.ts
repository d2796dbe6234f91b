import { Clock } from '@beacon/core/time';
import {
  AnswerKey,
  completeModules,
  createDepartment,
  createDepartmentCohort,
  createSite,
  findHt101,
  giveEvaluation,
  ListedCourse,
  loadAnswerKey,
  myEnrollments,
  rightAnswers,
  startAttempt,
  submitAttempt,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface PlayerModule {
  moduleId: string;
  openedAt: string | null;
  completableAt: string | null;
  completedAt: string | null;
}

describe('GET /api/v1/me/enrollments/:id: the course player of one of my enrollments', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let course: ListedCourse;
  let key: AnswerKey;
  let departmentId: string;
  let now: Date;

  beforeAll(async () => {
    world = await TestApp.start({ env: { MODULE_MIN_TIME_SHARE: '0.5' } });
    org = await world.createOrganization('Player Health');
    other = await world.createOrganization('Other Health');
    course = await findHt101(world, org.admin);
    key = await loadAnswerKey(world, await world.platformAdmin(), course.id);
    const siteId = await createSite(world, org.admin, 'Player Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'Player ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'Player ED cohort');
    now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    jest.spyOn(world.app.get(Clock), 'now').mockImplementation(() => now);
  });

  afterAll(async () => {
    await world.stop();
  });

  const detail = (session: Session, id: string) =>
    world
      .http()
      .get(`/api/v1/me/enrollments/${id}`)
      .set(...bearer(session));

  async function learner(): Promise<{ session: Session; enrollmentId: string }> {
    const { session } = await world.addMember(org, ['learner'], { departmentId });
    const [enrollment] = await myEnrollments(world, session);
    return { session, enrollmentId: enrollment.id };
  }

  it('lists every module in course order, and the list item’s fields, before anything is opened', async () => {
    const { session, enrollmentId } = await learner();
    const res = await detail(session, enrollmentId).expect(200);
    const [listed] = await myEnrollments(world, session);
    expect(res.body).toMatchObject({
      ...listed,
      evaluationRequired: true,
      evaluationGiven: false,
      assessmentPassed: false,
      certificateId: null,
      openAttemptId: null,
      attemptsRemaining: course.maxAttempts,
    });
    expect(res.body.modules.map((m: PlayerModule) => m.moduleId)).toEqual(
      [...course.modules].sort((a, b) => a.position - b.position).map((m) => m.id),
    );
    for (const module of res.body.modules)
      expect(module).toEqual({
        moduleId: module.moduleId,
        openedAt: null,
        completableAt: null,
        completedAt: null,
      });
  });

  it('shows when an opened module can be completed (half its estimated minutes later) and when it was', async () => {
    const { session, enrollmentId } = await learner();
    const [first] = course.modules;
    const opened = await world
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/modules/${first.id}/open`)
      .set(...bearer(session))
      .expect(200);
    const shown = (await detail(session, enrollmentId).expect(200)).body.modules[0] as PlayerModule;
    expect(shown).toEqual({
      moduleId: first.id,
      openedAt: now.toISOString(),
      completableAt: new Date(now.getTime() + first.estimatedMinutes * 30_000).toISOString(),
      completedAt: null,
    });
    expect(shown.completableAt).toBe(opened.body.completableAt);

    now = new Date(now.getTime() + first.estimatedMinutes * 60_000);
    await world
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/modules/${first.id}/complete`)
      .set(...bearer(session))
      .expect(200);
    const after = (await detail(session, enrollmentId).expect(200)).body;
    expect(after.modules[0].completedAt).toBe(now.toISOString());
    expect(after.modules.slice(1).every((m: PlayerModule) => m.completedAt === null)).toBe(true);
    expect(after).toMatchObject({ status: 'in_progress', progress: { modulesCompleted: 1 } });
  });

  it('follows the assessment: the open attempt, a failed one, the pass, the evaluation and the certificate', async () => {
    const { session, enrollmentId } = await learner();
    const moduleIds = course.modules.map((m) => m.id);
    // Every module opened now and completed once its time has passed.
    for (const moduleId of moduleIds)
      await world
        .http()
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/open`)
        .set(...bearer(session))
        .expect(200);
    now = new Date(now.getTime() + 24 * 60 * 60_000);
    await completeModules(world, session, enrollmentId, moduleIds);

    const failing = await startAttempt(world, session, enrollmentId);
    expect((await detail(session, enrollmentId).expect(200)).body).toMatchObject({
      openAttemptId: failing.attemptId,
      progress: { modulesCompleted: moduleIds.length },
    });
    await submitAttempt(world, session, enrollmentId, failing.attemptId, []);
    expect((await detail(session, enrollmentId).expect(200)).body).toMatchObject({
      openAttemptId: null,
      assessmentPassed: false,
      attemptsRemaining: course.maxAttempts - 1,
    });

    const passing = await startAttempt(world, session, enrollmentId);
    await submitAttempt(world, session, enrollmentId, passing.attemptId, rightAnswers(passing, key));
    expect((await detail(session, enrollmentId).expect(200)).body).toMatchObject({
      status: 'completed',
      assessmentPassed: true,
      evaluationRequired: true,
      evaluationGiven: false,
      certificateId: null,
      openAttemptId: null,
      attemptsRemaining: course.maxAttempts - 2,
    });

    const certificateId = await giveEvaluation(world, session, enrollmentId);
    expect((await detail(session, enrollmentId).expect(200)).body).toMatchObject({
      evaluationGiven: true,
      certificateId,
    });
  });

  it('answers 404 for another learner’s enrollment, another organization’s, an unknown id and a non-UUID', async () => {
    const mine = await learner();
    const colleague = await learner();
    const unknown = await detail(mine.session, '00000000-0000-4000-8000-000000000000').expect(404);
    const theirs = await detail(mine.session, colleague.enrollmentId).expect(404);
    expect(theirs.body).toEqual(unknown.body);
    await detail(mine.session, 'not-a-uuid').expect(404);

    // The organization's admin reads it as a stranger too: this is the learner's own view.
    await detail(org.admin, mine.enrollmentId).expect(404);

    const outsider = await world.addMember(other, ['learner', 'org_admin']);
    const crossTenant = await detail(outsider.session, mine.enrollmentId).expect(404);
    expect(crossTenant.body).toEqual(unknown.body);
    await detail(await world.platformAdmin(), mine.enrollmentId).expect(404);
    await world.http().get(`/api/v1/me/enrollments/${mine.enrollmentId}`).expect(401);
  });
});
