import {
  addEnrolledLearner,
  Answer,
  AnswerKey,
  answerKeyOf,
  Attempt,
  AttemptResult,
  BankQuestion,
  completeModules,
  createDepartment,
  createDepartmentCohort,
  createSite,
  EnrolledLearner,
  findHt101,
  keysDeep,
  ListedCourse,
  questionBank,
  startAttempt,
  submitAttempt,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The assessment blueprint of the current HT-101: every attempt draws the configured number of questions from each
 * objective, a retake prefers questions not shown yet, and the result names what was missed without giving the key
 * away. Nothing here depends on the wording of the questions: objectives come from the platform question bank.
 */
describe('the assessment blueprint: a fixed share per objective, fresh questions on retakes', () => {
  let world: TestApp;
  let org: TestOrganization;
  let educator: Session;
  let course: ListedCourse;
  let bank: BankQuestion[];
  let key: AnswerKey;
  /** Question id -> the index of its objective. */
  let objectiveOf: Map<string, number>;
  let departmentId: string;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Blueprint Health');
    const platform = await world.platformAdmin();
    course = await findHt101(world, org.admin);
    bank = await questionBank(world, platform, course.id);
    key = answerKeyOf(bank);
    objectiveOf = new Map(bank.map((q) => [q.id, course.objectives.indexOf(q.objective)]));
    const siteId = await createSite(world, org.admin, 'Blueprint Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'ED blueprint');
    educator = (await world.addMember(org, ['educator'])).session;
  });

  afterAll(async () => {
    await world.stop();
  });

  /** A learner of the ED department with every module complete. */
  async function readyLearner(): Promise<EnrolledLearner> {
    const learner = await addEnrolledLearner(world, org, { departmentId });
    await completeModules(
      world,
      learner.session,
      learner.enrollmentId,
      course.modules.map((m) => m.id),
    );
    return learner;
  }

  async function grantAttempts(enrollmentId: string, count: number): Promise<void> {
    for (let left = count; left > 0; left -= 10) {
      await world
        .http()
        .post(`/api/v1/enrollments/${enrollmentId}/assessment/grant-attempts`)
        .set(...bearer(educator))
        .send({ count: Math.min(10, left) })
        .expect(200);
    }
  }

  const objectiveIndex = (questionId: string) => objectiveOf.get(questionId) as number;

  function countPerObjective(attempt: Attempt): number[] {
    const counts = course.objectives.map(() => 0);
    for (const q of attempt.questions) counts[objectiveIndex(q.id)] += 1;
    return counts;
  }

  /** Each question answered: right when `right(objective)`, else with a wrong choice; `skip` left out. */
  function answers(
    attempt: Attempt,
    right: (objective: number) => boolean,
    skip: (objective: number) => boolean = () => false,
  ): Answer[] {
    return attempt.questions
      .filter((q) => !skip(objectiveIndex(q.id)))
      .map((q) => ({
        questionId: q.id,
        choiceId: right(objectiveIndex(q.id))
          ? (key.get(q.id) as string)
          : (q.choices.find((c) => c.id !== key.get(q.id)) as { id: string }).id,
      }));
  }

  it('configures a share per objective that adds up to an attempt, every objective taking part', () => {
    expect(course.questionsPerObjective).toHaveLength(course.objectives.length);
    expect(course.questionsPerObjective.reduce((a, b) => a + b, 0)).toBe(course.questionsPerAttempt);
    for (const share of course.questionsPerObjective) expect(share).toBeGreaterThan(0);
    for (const index of objectiveOf.values()) expect(index).toBeGreaterThanOrEqual(0);
  });

  it('draws the configured share of every objective in each of 200 attempts, spreading repeats evenly', async () => {
    const learner = await readyLearner();
    await grantAttempts(learner.enrollmentId, 200 - course.maxAttempts);
    const shown = new Map<string, number>();
    for (let i = 0; i < 200; i += 1) {
      const attempt = await startAttempt(world, learner.session, learner.enrollmentId);
      expect(countPerObjective(attempt)).toEqual(course.questionsPerObjective);
      expect(new Set(attempt.questions.map((q) => q.id)).size).toBe(course.questionsPerAttempt);
      for (const q of attempt.questions) shown.set(q.id, (shown.get(q.id) ?? 0) + 1);

      // One objective answered right, the rest wrong: a fail (at most one objective's share) that misses the others.
      const keep = i % course.objectives.length;
      const result = await submitAttempt(
        world,
        learner.session,
        learner.enrollmentId,
        attempt.attemptId,
        answers(attempt, (objective) => objective === keep),
      );
      expect(result).toMatchObject({ passed: false, missedQuestions: [] });
      expect(result.missedObjectives).toEqual(course.objectives.filter((_, index) => index !== keep));
    }
    // Least shown first: after 200 attempts no question of an objective was shown twice more than another.
    course.objectives.forEach((_, objective) => {
      const times = bank.filter((q) => objectiveIndex(q.id) === objective).map((q) => shown.get(q.id) ?? 0);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(1);
    });
  });

  it('shows new questions on each of 3 attempts of one enrollment while the bank has them (30 distinct)', async () => {
    const learner = await readyLearner();
    const drawn: string[][] = [];
    for (let i = 0; i < 3; i += 1) {
      const attempt = await startAttempt(world, learner.session, learner.enrollmentId);
      drawn.push(attempt.questions.map((q) => q.id));
      await submitAttempt(world, learner.session, learner.enrollmentId, attempt.attemptId, []);
    }
    // The bank holds 3 × each objective's share (the seed's unit test pins that), so nothing repeats.
    expect(drawn.flat()).toHaveLength(3 * course.questionsPerAttempt);
    expect(new Set(drawn.flat()).size).toBe(30);
  });

  it('names exactly the objectives of wrong and unanswered answers, and explains nothing after a fail', async () => {
    const learner = await readyLearner();
    const attempt = await startAttempt(world, learner.session, learner.enrollmentId);
    // Objective 0 answered wrong, objective 1 left out, the others right.
    const result: AttemptResult = await submitAttempt(
      world,
      learner.session,
      learner.enrollmentId,
      attempt.attemptId,
      answers(
        attempt,
        (objective) => objective > 1,
        (objective) => objective === 1,
      ),
    );
    const missed = course.questionsPerObjective[0] + course.questionsPerObjective[1];
    expect(result).toMatchObject({
      score: Math.round(((course.questionsPerAttempt - missed) / course.questionsPerAttempt) * 100),
      passed: false,
      missedObjectives: course.objectives.slice(0, 2),
      missedQuestions: [],
    });
    const keys = keysDeep(result);
    expect(keys.has('explanation')).toBe(false);
    expect(keys.has('correct')).toBe(false);
    const text = JSON.stringify(result);
    for (const q of bank) expect(text).not.toContain(JSON.stringify(q.explanation));
  });

  it('after a pass explains only the questions missed, never naming a choice or the key', async () => {
    const learner = await readyLearner();
    const attempt = await startAttempt(world, learner.session, learner.enrollmentId);
    const last = course.objectives.length - 1;
    // One question of objective 1 wrong, one of the last objective left out: 8 of 10, a pass.
    const wrong = attempt.questions.find((q) => objectiveIndex(q.id) === 1) as Attempt['questions'][number];
    const skipped = attempt.questions.find(
      (q) => objectiveIndex(q.id) === last,
    ) as Attempt['questions'][number];
    const given = attempt.questions
      .filter((q) => q.id !== skipped.id)
      .map((q) => ({
        questionId: q.id,
        choiceId:
          q.id === wrong.id
            ? (q.choices.find((c) => c.id !== key.get(q.id)) as { id: string }).id
            : (key.get(q.id) as string),
      }));
    const result = await submitAttempt(
      world,
      learner.session,
      learner.enrollmentId,
      attempt.attemptId,
      given,
    );
    const n = course.questionsPerAttempt;
    expect(Math.round(((n - 2) / n) * 100)).toBeGreaterThanOrEqual(course.passingScore);
    expect(result).toMatchObject({
      score: Math.round(((n - 2) / n) * 100),
      passed: true,
      evaluationRequired: true,
    });
    expect(result.missedObjectives).toEqual([course.objectives[1], course.objectives[last]]);

    const byId = new Map(bank.map((q) => [q.id, q]));
    const order = attempt.questions.map((q) => q.id);
    const expected = [wrong.id, skipped.id]
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .map((id) => {
        const q = byId.get(id) as BankQuestion;
        return { questionId: q.id, prompt: q.prompt, objective: q.objective, explanation: q.explanation };
      });
    expect(result.missedQuestions).toEqual(expected);

    const keys = keysDeep(result);
    for (const leak of ['correct', 'choices', 'choiceId']) expect(keys.has(leak)).toBe(false);
    const text = JSON.stringify(result);
    for (const choice of attempt.questions.flatMap((q) => q.choices)) expect(text).not.toContain(choice.id);
    // Questions answered right are not explained.
    for (const q of attempt.questions.filter((q) => q.id !== wrong.id && q.id !== skipped.id))
      expect(text).not.toContain(JSON.stringify((byId.get(q.id) as BankQuestion).explanation));
  });
});
