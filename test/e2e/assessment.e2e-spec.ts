import { randomUUID } from 'node:crypto';
import {
  addEnrolledLearner,
  answerKeyOf,
  Attempt,
  attemptRequest,
  BankQuestion,
  completeModules,
  evaluationRequest,
  giveEvaluation,
  createDepartmentCohort,
  createDepartment,
  createSite,
  EnrolledLearner as Learner,
  findHt101,
  keysDeep,
  ListedCourse,
  MyEnrollment,
  myEnrollments,
  questionBank,
  rightAnswers,
  submitRequest,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

describe('the course assessment: draws, scoring and attempts', () => {
  let world: TestApp;
  let org: TestOrganization;
  let educator: Session;
  let manager: Session;
  let course: ListedCourse;
  let courseId: string;
  let modules: Array<{ id: string }>;
  let questionsPerAttempt: number;
  let objectives: string[];
  let bank: BankQuestion[];
  let key: Map<string, string>;
  let departmentId: string;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Assess Health');
    const platform = await world.platformAdmin();
    course = await findHt101(world, org.admin);
    courseId = course.id;
    modules = course.modules;
    questionsPerAttempt = course.questionsPerAttempt;
    objectives = course.objectives;
    bank = await questionBank(world, platform, courseId);
    key = answerKeyOf(bank);
    const siteId = await createSite(world, org.admin, 'Assess Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, courseId, departmentId, 'ED assessment');
    [educator, manager] = await Promise.all([
      world.addMember(org, ['educator']).then((m) => m.session),
      world.addMember(org, ['manager']).then((m) => m.session),
    ]);
  });

  afterAll(async () => {
    await world.stop();
  });

  const post = (session: Session, path: string, body?: object) => {
    const req = world
      .http()
      .post(path)
      .set(...bearer(session));
    return body ? req.send(body) : req;
  };

  /** A learner of the ED department, enrolled at once by the ED cohort. */
  const newLearner = () => addEnrolledLearner(world, org, { departmentId });

  const completeModulesOf = (learner: Learner, which = modules) =>
    completeModules(
      world,
      learner.session,
      learner.enrollmentId,
      which.map((m) => m.id),
    );

  async function readyLearner(): Promise<Learner> {
    const learner = await newLearner();
    await completeModulesOf(learner);
    return learner;
  }

  const start = (learner: Learner) => attemptRequest(world, learner.session, learner.enrollmentId);

  const submit = (learner: Learner, attemptId: string, answers: object[]) =>
    submitRequest(world, learner.session, learner.enrollmentId, attemptId, answers);

  /** The first `right` questions answered correctly, the rest left out. */
  const answering = (attempt: Attempt, right: number) => rightAnswers(attempt, key, right);

  /** The first `wrong` questions answered with a wrong choice. */
  const answeringWrong = (attempt: Attempt, wrong: number) =>
    attempt.questions.slice(0, wrong).map((q) => ({
      questionId: q.id,
      choiceId: q.choices.find((c) => c.id !== key.get(q.id))?.id,
    }));

  /** The objectives of the questions, in the course's objective order, each once (as the result names missed ones). */
  function objectivesOf(questions: Attempt['questions']): string[] {
    const ids = new Set(questions.map((q) => q.id));
    const named = new Set(bank.filter((q) => ids.has(q.id)).map((q) => q.objective));
    return objectives.filter((objective) => named.has(objective));
  }

  async function myEnrollment(learner: Learner): Promise<MyEnrollment> {
    const items = await myEnrollments(world, learner.session);
    return items.find((e) => e.id === learner.enrollmentId) as MyEnrollment;
  }

  it('draws questionsPerAttempt distinct bank questions at random, the configured share of each objective, and shuffles the choices', async () => {
    expect(questionsPerAttempt).toBe(10);
    expect(bank.length).toBeGreaterThan(questionsPerAttempt);
    const learners = await Promise.all(Array.from({ length: 5 }, () => readyLearner()));
    const attempts: Attempt[] = [];
    for (const learner of learners) attempts.push((await start(learner).expect(201)).body);

    const byId = new Map(bank.map((q) => [q.id, q]));
    for (const attempt of attempts) {
      expect(attempt.questions).toHaveLength(questionsPerAttempt);
      expect(
        objectives.map(
          (objective) => attempt.questions.filter((q) => byId.get(q.id)?.objective === objective).length,
        ),
      ).toEqual(course.questionsPerObjective);
      expect(new Set(attempt.questions.map((q) => q.id)).size).toBe(questionsPerAttempt);
      for (const question of attempt.questions) {
        expect(Object.keys(question).sort()).toEqual(['choices', 'id', 'prompt']);
        const source = byId.get(question.id) as BankQuestion;
        expect(source).toBeDefined();
        expect(question.prompt).toBe(source.prompt);
        // The same choices, texts intact, in some order.
        expect([...question.choices].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          source.choices.map((c) => ({ id: c.id, text: c.text })).sort((a, b) => a.id.localeCompare(b.id)),
        );
        for (const choice of question.choices) expect(Object.keys(choice).sort()).toEqual(['id', 'text']);
      }
    }
    // Five draws of 10 from the bank are not all the same set (chance of that is astronomically small).
    const draws = new Set(
      attempts.map((a) =>
        a.questions
          .map((q) => q.id)
          .sort()
          .join(','),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
    // Questions do not come in bank order, and choices are not all in bank order.
    const bankOrder = bank.map((q) => q.id);
    const inBankOrder = (a: Attempt) => {
      const positions = a.questions.map((q) => bankOrder.indexOf(q.id));
      return positions.every((p, i) => i === 0 || positions[i - 1] < p);
    };
    expect(attempts.every(inBankOrder)).toBe(false);
    const shuffled = attempts
      .flatMap((a) => a.questions)
      .filter(
        (q) =>
          q.choices.map((c) => c.id).join() !==
          byId
            .get(q.id)
            ?.choices.map((c) => c.id)
            .join(),
      );
    expect(shuffled.length).toBeGreaterThan(0);
  });

  it('refuses an attempt (409) until every module is complete', async () => {
    const learner = await newLearner();
    const first = await start(learner).expect(409);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.body).toMatchObject({ status: 409 });
    await completeModulesOf(learner, modules.slice(0, -1));
    await start(learner).expect(409);
    const progress = await myEnrollment(learner);
    expect(progress).toMatchObject({
      status: 'in_progress',
      progress: { modulesCompleted: modules.length - 1, modulesTotal: modules.length },
    });
    // Completing a module twice changes nothing.
    await completeModulesOf(learner, modules.slice(0, 1));
    await start(learner).expect(409);
    await completeModulesOf(learner, modules.slice(-1));
    await start(learner).expect(201);
  });

  it('answers 404 for an unknown module and for another learner’s enrollment', async () => {
    const owner = await newLearner();
    const other = await readyLearner();
    await post(
      owner.session,
      `/api/v1/enrollments/${owner.enrollmentId}/modules/${randomUUID()}/complete`,
    ).expect(404);
    await post(owner.session, `/api/v1/enrollments/${owner.enrollmentId}/modules/not-a-uuid/complete`).expect(
      404,
    );
    await post(owner.session, `/api/v1/enrollments/${randomUUID()}/assessment/attempts`).expect(404);

    const attempt: Attempt = (await start(other).expect(201)).body;
    const foreign = `/api/v1/enrollments/${other.enrollmentId}`;
    await post(owner.session, `${foreign}/modules/${modules[0].id}/complete`).expect(404);
    await post(owner.session, `${foreign}/assessment/attempts`).expect(404);
    await post(owner.session, `${foreign}/assessment/attempts/${attempt.attemptId}/submit`, {
      answers: answering(attempt, questionsPerAttempt),
    }).expect(404);
    // Nor is an org_admin the learner of it.
    await post(org.admin, `${foreign}/assessment/attempts`).expect(404);
    // Another enrollment's attempt id under one's own enrollment is unknown too.
    await completeModulesOf(owner);
    await post(
      owner.session,
      `/api/v1/enrollments/${owner.enrollmentId}/assessment/attempts/${attempt.attemptId}/submit`,
      {
        answers: [],
      },
    ).expect(404);
    // The other learner's attempt is untouched.
    const again = await start(other).expect(200);
    expect(again.body).toEqual(attempt);
  });

  it('returns the open attempt unchanged (200) while it is open, then draws a new one after submitting', async () => {
    const learner = await readyLearner();
    const first = await start(learner).expect(201);
    const second = await start(learner).expect(200);
    expect(second.body).toEqual(first.body);
    expect((await start(learner).expect(200)).body.attemptId).toBe(first.body.attemptId);
    await submit(learner, first.body.attemptId, []).expect(200);
    const next = await start(learner).expect(201);
    expect(next.body.attemptId).not.toBe(first.body.attemptId);
  });

  it('rejects answers naming a question outside the attempt or a choice of another question (400), keeping the attempt open', async () => {
    const learner = await readyLearner();
    const attempt: Attempt = (await start(learner).expect(201)).body;
    const drawn = new Set(attempt.questions.map((q) => q.id));
    const outsider = bank.find((q) => !drawn.has(q.id)) as BankQuestion;

    const foreignQuestion = await submit(learner, attempt.attemptId, [
      ...answering(attempt, 2),
      { questionId: outsider.id, choiceId: outsider.choices[0].id },
    ]).expect(400);
    expect(foreignQuestion.headers['content-type']).toContain('application/problem+json');
    expect(foreignQuestion.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.2.questionId',
    ]);

    const [q0, q1] = attempt.questions;
    const foreignChoice = await submit(learner, attempt.attemptId, [
      { questionId: q0.id, choiceId: key.get(q0.id) },
      { questionId: q1.id, choiceId: key.get(q0.id) },
    ]).expect(400);
    expect(foreignChoice.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.1.choiceId']);

    const twice = await submit(learner, attempt.attemptId, [
      { questionId: q0.id, choiceId: key.get(q0.id) },
      { questionId: q0.id, choiceId: key.get(q0.id) },
    ]).expect(400);
    expect(twice.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.1.questionId']);

    const notIds = await submit(learner, attempt.attemptId, [{ questionId: 'x', choiceId: 'y' }]).expect(400);
    expect(notIds.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answers.0.choiceId',
      'answers.0.questionId',
    ]);

    // Nothing was recorded: the same attempt is still open and can be submitted.
    expect((await start(learner).expect(200)).body.attemptId).toBe(attempt.attemptId);
    expect((await myEnrollment(learner)).attemptsRemaining).toBe(3);
    const result = await submit(learner, attempt.attemptId, answering(attempt, questionsPerAttempt)).expect(
      200,
    );
    expect(result.body).toMatchObject({ score: 100, passed: true });
  });

  it('counts unanswered questions as wrong: 7 of 10 right passes with 70, 6 of 10 fails with 60', async () => {
    const failing = await readyLearner();
    const failed: Attempt = (await start(failing).expect(201)).body;
    const sixRight = [
      ...answering(failed, 6),
      ...answeringWrong({ ...failed, questions: failed.questions.slice(6, 8) }, 2),
    ];
    const sixty = await submit(failing, failed.attemptId, sixRight).expect(200);
    expect(sixty.body).toEqual({
      score: 60,
      passed: false,
      attemptsRemaining: 2,
      certificateId: null,
      evaluationRequired: false,
      missedObjectives: objectivesOf(failed.questions.slice(6)),
      missedQuestions: [],
    });
    expect(await myEnrollment(failing)).toMatchObject({ status: 'in_progress', attemptsRemaining: 2 });

    const passing = await readyLearner();
    const attempt: Attempt = (await start(passing).expect(201)).body;
    const seventy = await submit(passing, attempt.attemptId, answering(attempt, 7)).expect(200);
    // HT-101 issues the certificate after the learner's evaluation; the pass completes the enrollment at once.
    expect(seventy.body).toMatchObject({
      score: 70,
      passed: true,
      attemptsRemaining: 2,
      certificateId: null,
      evaluationRequired: true,
    });
    const completed = await myEnrollment(passing);
    expect(completed).toMatchObject({ status: 'completed' });
    expect(completed.completedAt).not.toBeNull();

    // A submitted attempt cannot be submitted again, and a completed enrollment takes no new attempt.
    const again = await submit(passing, attempt.attemptId, answering(attempt, 10)).expect(409);
    expect(again.body).toMatchObject({ status: 409 });
    await submit(failing, failed.attemptId, answering(failed, 10)).expect(409);
    await start(passing).expect(409);
  });

  it('limits attempts to maxAttempts until org_admin or educator grants more (audited); learners and managers may not', async () => {
    const learner = await readyLearner();
    expect((await myEnrollment(learner)).attemptsRemaining).toBe(3);
    for (const remaining of [2, 1, 0]) {
      const attempt: Attempt = (await start(learner).expect(201)).body;
      const result = await submit(learner, attempt.attemptId, answering(attempt, 3)).expect(200);
      expect(result.body).toEqual({
        score: 30,
        passed: false,
        attemptsRemaining: remaining,
        certificateId: null,
        evaluationRequired: false,
        missedObjectives: objectivesOf(attempt.questions.slice(3)),
        missedQuestions: [],
      });
      expect((await myEnrollment(learner)).attemptsRemaining).toBe(remaining);
    }
    const exhausted = await start(learner).expect(409);
    expect(exhausted.body).toMatchObject({ status: 409 });

    const grant = `/api/v1/enrollments/${learner.enrollmentId}/assessment/grant-attempts`;
    await post(learner.session, grant, { count: 1 }).expect(403);
    await post(manager, grant, { count: 1 }).expect(403);
    const invalid = await post(educator, grant, { count: 0 }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['count']);
    await post(educator, `/api/v1/enrollments/${randomUUID()}/assessment/grant-attempts`, {
      count: 1,
    }).expect(404);
    await start(learner).expect(409);

    const granted = await post(educator, grant, { count: 1 }).expect(200);
    expect(granted.body).toMatchObject({ attemptsRemaining: 1 });
    expect((await myEnrollment(learner)).attemptsRemaining).toBe(1);

    const audit = await world
      .http()
      .get(`/api/v1/audit-events?entityType=enrollment&entityId=${learner.enrollmentId}`)
      .set(...bearer(org.admin))
      .expect(200);
    const events = audit.body.items.filter(
      (e: { action: string }) => e.action === 'enrollment.attempts_granted',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'enrollment', entityId: learner.enrollmentId });
    expect(events[0].actorId).toEqual(expect.any(String));

    const fourth: Attempt = (await start(learner).expect(201)).body;
    const failedAgain = await submit(learner, fourth.attemptId, []).expect(200);
    expect(failedAgain.body).toMatchObject({ score: 0, passed: false, attemptsRemaining: 0 });
    await start(learner).expect(409);

    await post(org.admin, grant, { count: 2 }).expect(200);
    expect((await myEnrollment(learner)).attemptsRemaining).toBe(2);
    const fifth: Attempt = (await start(learner).expect(201)).body;
    const passed = await submit(learner, fifth.attemptId, answering(fifth, questionsPerAttempt)).expect(200);
    expect(passed.body).toMatchObject({ score: 100, passed: true, attemptsRemaining: 1 });
  });

  it('passing through one cohort closes the course: an attempt left open in another cohort cannot certify again', async () => {
    const siteId = await createSite(world, org.admin, 'Assess North');
    const icu = await createDepartment(world, org.admin, siteId, 'ICU', 'inpatient');
    for (const name of ['ICU onboarding', 'ICU annual'])
      await createDepartmentCohort(world, org.admin, courseId, icu, name);
    const { session, email, memberId } = await world.addMember(org, ['learner'], {
      departmentId: icu,
    });
    const mine = await myEnrollments(world, session);
    expect(mine).toHaveLength(2);
    const [first, second]: Learner[] = mine.map((e) => ({
      session,
      email,
      memberId,
      enrollmentId: e.id,
    }));
    await completeModulesOf(first);
    await completeModulesOf(second);
    const stale: Attempt = (await start(first).expect(201)).body;
    const current: Attempt = (await start(second).expect(201)).body;
    const passed = await submit(second, current.attemptId, answering(current, questionsPerAttempt)).expect(
      200,
    );
    expect(passed.body).toMatchObject({ passed: true, evaluationRequired: true });
    expect((await myEnrollment(first)).status).toBe('completed');
    // The evaluation belongs to the enrollment that was passed, not to the one completed alongside it.
    await evaluationRequest(world, session, first.enrollmentId).expect(409);
    const certificateId = await giveEvaluation(world, session, second.enrollmentId);

    await start(first).expect(409);
    await submit(first, stale.attemptId, answering(stale, questionsPerAttempt)).expect(409);
    const certificates = await world
      .http()
      .get('/api/v1/me/certificates')
      .set(...bearer(session))
      .expect(200);
    expect(certificates.body.items.map((c: { id: string }) => c.id)).toEqual([certificateId]);
  });

  it('never shows a learner which choice is correct or any explanation', async () => {
    const learner = await readyLearner();
    const explanations = bank.map((q) => q.explanation);
    const responses: unknown[] = [];
    const record = async (req: PromiseLike<{ body: unknown }>) => {
      const res = await req;
      responses.push(res.body);
      return res;
    };
    await record(
      world
        .http()
        .get('/api/v1/courses')
        .set(...bearer(learner.session))
        .expect(200),
    );
    await record(
      world
        .http()
        .get(`/api/v1/courses/${courseId}`)
        .set(...bearer(learner.session))
        .expect(200),
    );
    const first: Attempt = (await record(start(learner).expect(201))).body as Attempt;
    await record(start(learner).expect(200));
    await record(submit(learner, first.attemptId, answering(first, 5)).expect(200));
    const second: Attempt = (await record(start(learner).expect(201))).body as Attempt;
    await record(submit(learner, second.attemptId, answering(second, questionsPerAttempt)).expect(200));
    await record(
      world
        .http()
        .get('/api/v1/me/enrollments')
        .set(...bearer(learner.session))
        .expect(200),
    );
    await record(
      post(
        learner.session,
        `/api/v1/enrollments/${learner.enrollmentId}/modules/${modules[0].id}/complete`,
      ).expect(200),
    );

    for (const body of responses) {
      const keys = keysDeep(body);
      expect(keys.has('correct')).toBe(false);
      expect(keys.has('explanation')).toBe(false);
      const text = JSON.stringify(body);
      for (const explanation of explanations) expect(text).not.toContain(JSON.stringify(explanation));
    }
    // The answer key is not leaked through choice order either: the correct choice is not always first or last.
    const correctPositions = [first, second].flatMap((a) =>
      a.questions.map((q) => q.choices.findIndex((c) => c.id === key.get(q.id))),
    );
    expect(new Set(correctPositions).size).toBeGreaterThan(1);
  });
});
