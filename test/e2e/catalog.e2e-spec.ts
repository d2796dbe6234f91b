import { randomUUID } from 'node:crypto';
import { CatalogSeedService, SEEDED_COURSES } from '../../libs/catalog/src/catalog-seed.service';
import { HT_101 } from '../../libs/catalog/src/seed/ht-101.course';
import {
  addEnrolledLearner,
  answerKeyOf,
  BankQuestion,
  certificateOf,
  completeModules,
  courseModuleIds,
  createDepartmentCohort,
  createDepartment,
  createSite,
  keysDeep,
  ListedCourse,
  questionBank,
  rightAnswers,
  startAttempt,
  submitAttempt,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

interface ModuleSummary {
  id: string;
  position: number;
  title: string;
  estimatedMinutes: number;
  body?: string;
}

const COURSE_FIELDS = [
  'id',
  'code',
  'title',
  'version',
  'creditHours',
  'creditTypes',
  'passingScore',
  'maxAttempts',
  'objectives',
  'modules',
];
const MODULE_FIELDS = ['id', 'position', 'title', 'estimatedMinutes'];

describe('the course catalog and its question bank', () => {
  let world: TestApp;
  let org: TestOrganization;
  let platform: Session;
  let learner: Session;
  let educator: Session;
  let manager: Session;
  let facilitator: Session;
  let departmentId: string;
  let v1: ListedCourse;

  const get = (path: string, session?: Session) => {
    const req = world.http().get(path);
    return session ? req.set(...bearer(session)) : req;
  };

  async function listed(session: Session = org.admin): Promise<ListedCourse[]> {
    const res = await get('/api/v1/courses', session).expect(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items as ListedCourse[];
  }

  const bank = (courseId: string): Promise<BankQuestion[]> => questionBank(world, platform, courseId);

  /** Enrolls a new learner on the course through a cohort of their own department and completes every module. */
  async function learnerThroughModules(
    courseId: string,
    name: string,
  ): Promise<{ session: Session; enrollmentId: string }> {
    const departmentId = await createDepartment(world, org.admin, await site(), `Dept ${name}`);
    await createDepartmentCohort(world, org.admin, courseId, departmentId, `Cohort ${name}`);
    const { session, enrollmentId } = await addEnrolledLearner(world, org, { name, departmentId });
    await completeModules(world, session, enrollmentId, await courseModuleIds(world, session, courseId));
    return { session, enrollmentId };
  }

  async function passAssessment(session: Session, enrollmentId: string, courseId: string): Promise<string> {
    const key = answerKeyOf(await bank(courseId));
    const attempt = await startAttempt(world, session, enrollmentId);
    for (const q of attempt.questions) expect(key.has(q.id)).toBe(true);
    const result = await submitAttempt(
      world,
      session,
      enrollmentId,
      attempt.attemptId,
      rightAnswers(attempt, key),
    );
    expect(result).toMatchObject({ score: 100, passed: true });
    return (await certificateOf(world, session, enrollmentId, result)).certificateId as string;
  }

  let siteId: string | undefined;
  async function site(): Promise<string> {
    siteId ??= await createSite(world, org.admin, 'Catalog General');
    return siteId;
  }

  beforeAll(async () => {
    world = await TestApp.start();
    platform = await world.platformAdmin();
    org = await world.createOrganization('Catalog Health');
    departmentId = await createDepartment(world, org.admin, await site(), 'ED');
    [learner, educator, manager] = await Promise.all([
      world.addMember(org, ['learner'], { departmentId }).then((m) => m.session),
      world.addMember(org, ['educator']).then((m) => m.session),
      world.addMember(org, ['manager']).then((m) => m.session),
    ]);
    facilitator = await world.addPlatformStaff(['facilitator']);
    const items = await listed();
    v1 = items.find((c) => c.code === 'HT-101') as ListedCourse;
  });

  afterAll(async () => {
    await world.stop();
  });

  it('lists courses with every documented field, the seeded HT-101 carrying its CE metadata', async () => {
    const items = await listed(learner);
    expect(items.length).toBeGreaterThanOrEqual(1);
    for (const course of items) {
      for (const field of COURSE_FIELDS) expect(course).toHaveProperty(field);
      expect(typeof course.id).toBe('string');
      expect(typeof course.title).toBe('string');
      expect(Number.isInteger(course.version)).toBe(true);
      expect(Array.isArray(course.creditTypes)).toBe(true);
      for (const objective of course.objectives) expect(typeof objective).toBe('string');
      for (const module of course.modules) {
        for (const field of MODULE_FIELDS) expect(module).toHaveProperty(field);
        expect(typeof module.estimatedMinutes).toBe('number');
      }
    }
    const seeded = items.filter((c) => c.code === 'HT-101');
    expect(seeded).toHaveLength(1);
    const course = seeded[0];
    expect(course).toMatchObject({ passingScore: 70, creditHours: 1, maxAttempts: 3, version: 1 });
    expect(course.creditTypes.length).toBeGreaterThanOrEqual(1);
    expect(course.objectives).toHaveLength(4);
    expect(course.modules.length).toBeGreaterThanOrEqual(6);
    expect(course.modules.map((m) => m.position)).toEqual(course.modules.map((_, index) => index + 1));
    expect(new Set(course.modules.map((m) => m.id)).size).toBe(course.modules.length);
  });

  it("returns a course by id with each module's Markdown body, and 404 for unknown or malformed ids", async () => {
    const res = await get(`/api/v1/courses/${v1.id}`, learner).expect(200);
    for (const field of COURSE_FIELDS) expect(res.body).toHaveProperty(field);
    const modules = res.body.modules as ModuleSummary[];
    expect(modules.map((m) => m.id)).toEqual(v1.modules.map((m) => m.id));
    for (const module of modules) {
      for (const field of MODULE_FIELDS) expect(module).toHaveProperty(field);
      expect(typeof module.body).toBe('string');
      expect((module.body as string).length).toBeGreaterThan(200);
    }
    // Markdown, not HTML: headings and lists are written with Markdown syntax.
    expect(modules.some((m) => /^#{1,3} /m.test(m.body as string))).toBe(true);
    expect(modules.every((m) => !/<\/?(p|h\d|ul|li)>/.test(m.body as string))).toBe(true);

    const unknown = await get(`/api/v1/courses/${randomUUID()}`, learner).expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    await get('/api/v1/courses/not-a-uuid', learner).expect(404);
    await get('/api/v1/courses?limit=201', learner).expect(400);
    await get('/api/v1/courses').expect(401);
    await get(`/api/v1/courses/${v1.id}`).expect(401);
  });

  it('never reveals the answer key or explanations in catalog responses, whoever asks', async () => {
    const questions = await bank(v1.id);
    const explanations = new Set(questions.map((q) => q.explanation));
    for (const session of [learner, educator, manager, org.admin, platform]) {
      for (const path of ['/api/v1/courses', `/api/v1/courses/${v1.id}`]) {
        const res = await get(path, session).expect(200);
        const keys = keysDeep(res.body);
        expect(keys.has('correct')).toBe(false);
        expect(keys.has('explanation')).toBe(false);
        expect(keys.has('choices')).toBe(false);
        const text = JSON.stringify(res.body);
        for (const explanation of explanations) expect(text).not.toContain(JSON.stringify(explanation));
      }
    }
  });

  it('gives platform admins the question bank: one correct choice each, at least 20 over the 4 objectives', async () => {
    const questions = await bank(v1.id);
    expect(questions.length).toBeGreaterThanOrEqual(20);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const question of questions) {
      expect(Object.keys(question).sort()).toEqual(['choices', 'explanation', 'id', 'objective', 'prompt']);
      expect(question.prompt.length).toBeGreaterThan(0);
      expect(question.explanation.length).toBeGreaterThan(0);
      expect(v1.objectives).toContain(question.objective);
      expect(question.choices.length).toBeGreaterThanOrEqual(2);
      for (const choice of question.choices) {
        expect(Object.keys(choice).sort()).toEqual(['correct', 'id', 'text']);
        expect(typeof choice.correct).toBe('boolean');
      }
      expect(question.choices.filter((c) => c.correct)).toHaveLength(1);
    }
    const perObjective = new Map<string, number>();
    for (const q of questions) perObjective.set(q.objective, (perObjective.get(q.objective) ?? 0) + 1);
    expect([...perObjective.keys()].sort()).toEqual([...v1.objectives].sort());

    await get(`/api/v1/platform/courses/${randomUUID()}/questions`, platform).expect(404);
  });

  it('refuses the question bank to organization roles and facilitators (403) and to anonymous callers (401)', async () => {
    expect(facilitator.platformRoles).toEqual(['facilitator']);
    for (const session of [org.admin, educator, manager, learner, facilitator]) {
      const res = await get(`/api/v1/platform/courses/${v1.id}/questions`, session).expect(403);
      expect(keysDeep(res.body).has('correct')).toBe(false);
    }
    await get(`/api/v1/platform/courses/${v1.id}/questions`).expect(401);
  });

  it('seeds idempotently: seeding again leaves one HT-101 with the same course, module and question ids', async () => {
    const before = await bank(v1.id);
    const seeder = world.app.get(CatalogSeedService);
    await seeder.seed(SEEDED_COURSES);
    await seeder.seed(SEEDED_COURSES);
    const rows = await world.ownerQuery<{ id: string; version: number }>(
      `SELECT id, version FROM courses WHERE code = 'HT-101'`,
    );
    expect(rows).toEqual([{ id: v1.id, version: 1 }]);
    const counts = await world.ownerQuery<{ modules: number; questions: number }>(
      `SELECT (SELECT count(*)::int FROM course_modules WHERE course_id = $1) AS modules,
              (SELECT count(*)::int FROM questions WHERE course_id = $1) AS questions`,
      [v1.id],
    );
    expect(counts).toEqual([{ modules: v1.modules.length, questions: before.length }]);
    const after = await bank(v1.id);
    expect(after.map((q) => q.id)).toEqual(before.map((q) => q.id));
    expect(after.map((q) => q.choices.map((c) => c.id))).toEqual(
      before.map((q) => q.choices.map((c) => c.id)),
    );
    const items = await listed();
    expect(items.filter((c) => c.code === 'HT-101')).toEqual([v1]);
  });

  it('publishing version 2 lists v2 while v1 stays readable by id and v1 certificates keep the v1 title', async () => {
    // One learner finishes v1 before v2 exists; another is half-way through v1 when v2 is published.
    const early = await learnerThroughModules(v1.id, 'Early Finisher');
    const earlyCertificateId = await passAssessment(early.session, early.enrollmentId, v1.id);
    const late = await learnerThroughModules(v1.id, 'Late Finisher');

    const v2Title = `${HT_101.title} (2027 update)`;
    await world.app
      .get(CatalogSeedService)
      .seed([...SEEDED_COURSES, { ...HT_101, version: 2, title: v2Title }]);

    const items = await listed(learner);
    const seeded = items.filter((c) => c.code === 'HT-101');
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ version: 2, title: v2Title });
    expect(seeded[0].id).not.toBe(v1.id);
    expect(seeded[0].modules).toHaveLength(v1.modules.length);
    const v2Bank = await bank(seeded[0].id);
    const v1Bank = await bank(v1.id);
    expect(v2Bank).toHaveLength(v1Bank.length);
    expect(v2Bank.filter((q) => v1Bank.some((old) => old.id === q.id))).toEqual([]);

    const old = await get(`/api/v1/courses/${v1.id}`, learner).expect(200);
    expect(old.body).toMatchObject({ id: v1.id, version: 1, title: HT_101.title });
    expect(old.body.modules.map((m: ModuleSummary) => m.id)).toEqual(v1.modules.map((m) => m.id));

    // Seeding the same list again does not publish anything new.
    await world.app
      .get(CatalogSeedService)
      .seed([...SEEDED_COURSES, { ...HT_101, version: 2, title: v2Title }]);
    const rows = await world.ownerQuery<{ version: number; status: string }>(
      `SELECT version, status FROM courses WHERE code = 'HT-101' ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2]);

    const early1 = await get(`/api/v1/certificates/${earlyCertificateId}`, early.session).expect(200);
    expect(early1.body.courseTitle).toBe(HT_101.title);
    const verified = await get(`/api/v1/public/certificates/${early1.body.verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({ valid: true, courseTitle: HT_101.title });

    // The half-way learner stays on the version they were enrolled in and is certified for it.
    const lateCertificateId = await passAssessment(late.session, late.enrollmentId, v1.id);
    const late1 = await get(`/api/v1/certificates/${lateCertificateId}`, late.session).expect(200);
    expect(late1.body).toMatchObject({ courseTitle: HT_101.title, learnerName: 'Late Finisher' });
  });
});
