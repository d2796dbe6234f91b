import { randomUUID } from 'node:crypto';
import { Clock } from '@beacon/core/time';
import { CatalogSeedService, SEEDED_COURSES } from '../../libs/catalog/src/catalog-seed.service';
import { evenSplit } from '../../libs/catalog/src/question-split';
import { HT_101 } from '../../libs/catalog/src/seed/ht-101.course';
import { HT_101_V1 } from '../../libs/catalog/src/seed/ht-101-v1.course';
import {
  addEnrolledLearner,
  answerKeyOf,
  BankQuestion,
  certificateOf,
  completeModules,
  courseModuleIds,
  createCohort,
  createDepartmentCohort,
  createDepartment,
  createSite,
  keysDeep,
  ListedCourse,
  myEnrollments,
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
  'questionsPerObjective',
  'modules',
  'sources',
  'disclosures',
  'faculty',
  'releaseDate',
  'expiresOn',
  'contactHourMethod',
  'targetAudience',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
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
  /** HT-101 as the list shows it after boot: the current version. */
  let ht101: ListedCourse;

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
    ht101 = items.find((c) => c.code === 'HT-101') as ListedCourse;
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
    expect(course).toMatchObject({
      passingScore: 70,
      creditHours: 1,
      maxAttempts: 3,
      version: HT_101.version,
    });
    expect(course.creditTypes.length).toBeGreaterThanOrEqual(1);
    expect(course.objectives).toHaveLength(4);
    expect(course.modules.length).toBeGreaterThanOrEqual(6);
    expect(course.modules.map((m) => m.position)).toEqual(course.modules.map((_, index) => index + 1));
    expect(new Set(course.modules.map((m) => m.id)).size).toBe(course.modules.length);
  });

  it("shows the current HT-101's activity file: sources, faculty, disclosures, dates, contact hours, audience, draw", async () => {
    const [course] = (await listed(learner)).filter((c) => c.code === 'HT-101');
    const detail = (await get(`/api/v1/courses/${course.id}`, learner).expect(200)).body as ListedCourse;
    const activity = HT_101.activity;
    expect(activity).toBeDefined();
    for (const shown of [course, detail]) {
      expect(shown.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of shown.sources) {
        expect(Object.keys(source).sort()).toEqual(['title', 'url']);
        expect(source.title.length).toBeGreaterThan(0);
        expect(source.url).toMatch(/^https:\/\//);
      }
      expect(shown.faculty.length).toBeGreaterThanOrEqual(1);
      for (const person of shown.faculty)
        expect(Object.keys(person).sort()).toEqual(['affiliation', 'credentials', 'name', 'roles']);
      expect(Object.keys(shown.disclosures ?? {}).sort()).toEqual([
        'commercialSupport',
        'relationships',
        'statement',
      ]);
      expect(Object.keys(shown.contactHourMethod ?? {}).sort()).toEqual(['description', 'method', 'minutes']);
      // Plain dates, exactly as the seed states them (no time-zone shift on the way out of PostgreSQL).
      expect(shown.releaseDate).toMatch(DATE);
      expect(shown.expiresOn).toMatch(DATE);
      expect(shown).toMatchObject({
        sources: activity?.sources,
        faculty: activity?.faculty,
        disclosures: activity?.disclosures,
        releaseDate: activity?.releaseDate,
        expiresOn: activity?.expiresOn,
        contactHourMethod: activity?.contactHourMethod,
        targetAudience: activity?.targetAudience,
        questionsPerObjective:
          HT_101.questionsPerObjective ?? evenSplit(HT_101.questionsPerAttempt, HT_101.objectives.length),
      });
      expect(shown.questionsPerObjective.reduce((a, b) => a + b, 0)).toBe(shown.questionsPerAttempt);
    }
  });

  it("returns a course by id with each module's Markdown body, and 404 for unknown or malformed ids", async () => {
    const res = await get(`/api/v1/courses/${ht101.id}`, learner).expect(200);
    for (const field of COURSE_FIELDS) expect(res.body).toHaveProperty(field);
    const modules = res.body.modules as ModuleSummary[];
    expect(modules.map((m) => m.id)).toEqual(ht101.modules.map((m) => m.id));
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
    await get(`/api/v1/courses/${ht101.id}`).expect(401);
  });

  it('never reveals the answer key or explanations in catalog responses, whoever asks', async () => {
    const questions = await bank(ht101.id);
    const explanations = new Set(questions.map((q) => q.explanation));
    for (const session of [learner, educator, manager, org.admin, platform]) {
      for (const path of ['/api/v1/courses', `/api/v1/courses/${ht101.id}`]) {
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
    const questions = await bank(ht101.id);
    expect(questions.length).toBeGreaterThanOrEqual(20);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const question of questions) {
      expect(Object.keys(question).sort()).toEqual(['choices', 'explanation', 'id', 'objective', 'prompt']);
      expect(question.prompt.length).toBeGreaterThan(0);
      expect(question.explanation.length).toBeGreaterThan(0);
      expect(ht101.objectives).toContain(question.objective);
      expect(question.choices.length).toBeGreaterThanOrEqual(2);
      for (const choice of question.choices) {
        expect(Object.keys(choice).sort()).toEqual(['correct', 'id', 'text']);
        expect(typeof choice.correct).toBe('boolean');
      }
      expect(question.choices.filter((c) => c.correct)).toHaveLength(1);
    }
    const perObjective = new Map<string, number>();
    for (const q of questions) perObjective.set(q.objective, (perObjective.get(q.objective) ?? 0) + 1);
    expect([...perObjective.keys()].sort()).toEqual([...ht101.objectives].sort());

    await get(`/api/v1/platform/courses/${randomUUID()}/questions`, platform).expect(404);
  });

  it('refuses the question bank to organization roles and facilitators (403) and to anonymous callers (401)', async () => {
    expect(facilitator.platformRoles).toEqual(['facilitator']);
    for (const session of [org.admin, educator, manager, learner, facilitator]) {
      const res = await get(`/api/v1/platform/courses/${ht101.id}/questions`, session).expect(403);
      expect(keysDeep(res.body).has('correct')).toBe(false);
    }
    await get(`/api/v1/platform/courses/${ht101.id}/questions`).expect(401);
  });

  it('seeds idempotently: seeding again keeps HT-101 versions 1 and 2 with the same course, module and question ids', async () => {
    const before = await bank(ht101.id);
    const seeder = world.app.get(CatalogSeedService);
    await seeder.seed(SEEDED_COURSES);
    await seeder.seed(SEEDED_COURSES);
    const rows = await world.ownerQuery<{ id: string; version: number; status: string }>(
      `SELECT id, version, status FROM courses WHERE code = 'HT-101' ORDER BY version`,
    );
    // A fresh install holds the same history as an upgraded one: version 1 retired, version 2 current.
    expect(rows).toEqual([
      { id: expect.any(String), version: 1, status: 'retired' },
      { id: ht101.id, version: 2, status: 'published' },
    ]);
    const counts = await world.ownerQuery<{ modules: number; questions: number }>(
      `SELECT (SELECT count(*)::int FROM course_modules WHERE course_id = $1) AS modules,
              (SELECT count(*)::int FROM questions WHERE course_id = $1) AS questions`,
      [ht101.id],
    );
    expect(counts).toEqual([{ modules: ht101.modules.length, questions: before.length }]);
    const after = await bank(ht101.id);
    expect(after.map((q) => q.id)).toEqual(before.map((q) => q.id));
    expect(after.map((q) => q.choices.map((c) => c.id))).toEqual(
      before.map((q) => q.choices.map((c) => c.id)),
    );
    const items = await listed();
    expect(items.filter((c) => c.code === 'HT-101')).toEqual([ht101]);

    // The retired version 1 stays readable by id, without the activity file it was published without.
    const v1 = await get(`/api/v1/courses/${rows[0].id}`, learner).expect(200);
    expect(v1.body).toMatchObject({
      version: 1,
      title: HT_101_V1.title,
      sources: [],
      faculty: [],
      disclosures: null,
      releaseDate: null,
      expiresOn: null,
      contactHourMethod: null,
      targetAudience: null,
      questionsPerObjective: evenSplit(HT_101_V1.questionsPerAttempt, HT_101_V1.objectives.length),
    });
  });

  it('refuses to publish a version whose per-objective draw the bank cannot fill (a seed error, at start-up)', async () => {
    const seeder = world.app.get(CatalogSeedService);
    const code = 'TEST-BAD-SPLIT';
    await expect(
      seeder.seed([{ ...HT_101, code, version: 1, questionsPerObjective: [4, 4, 4, 4] }]),
    ).rejects.toThrow(/questionsPerObjective adds up to 16, not questionsPerAttempt \(10\)/);
    expect(await world.ownerQuery(`SELECT id FROM courses WHERE code = $1`, [code])).toEqual([]);
  });

  describe('an expired course', () => {
    const code = 'TEST-EXPIRY';
    let courseId: string;
    let expiryDepartment: string;

    const clockAt = (instant: string) =>
      jest.spyOn(world.app.get(Clock), 'now').mockReturnValue(new Date(instant));
    const newCohort = () =>
      world
        .http()
        .post('/api/v1/cohorts')
        .set(...bearer(org.admin))
        .send({ name: `Expiry ${randomUUID()}`, courseId, target: { departmentIds: [expiryDepartment] } });

    beforeAll(async () => {
      await world.app
        .get(CatalogSeedService)
        .seed([{ ...HT_101, code, version: 1, title: 'Expiry test course' }]);
      courseId = (await listed()).find((c) => c.code === code)?.id as string;
      expiryDepartment = await createDepartment(world, org.admin, await site(), 'Expiry ward');
      await world.ownerQuery(
        `UPDATE courses SET release_date = '2026-01-01', expires_on = '2026-12-31' WHERE id = $1`,
        [courseId],
      );
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('is listed and takes cohorts up to and including its expiry day (UTC)', async () => {
      clockAt('2026-12-31T23:59:00Z');
      const course = (await listed()).find((c) => c.code === code);
      expect(course).toMatchObject({ id: courseId, releaseDate: '2026-01-01', expiresOn: '2026-12-31' });
      await newCohort().expect(201);
    });

    it('is absent from GET /courses after its expiry day, and POST /cohorts with it answers 409', async () => {
      clockAt('2027-01-01T00:01:00Z');
      expect((await listed()).some((c) => c.code === code)).toBe(false);
      // Learners enrolled before keep reading it.
      const byId = await get(`/api/v1/courses/${courseId}`, learner).expect(200);
      expect(byId.body).toMatchObject({ id: courseId, expiresOn: '2026-12-31' });

      const refused = await newCohort().expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 409 });
      expect(refused.body.detail).toContain('expired on 2026-12-31');
    });
  });

  it("upgrading an install of HT-101 version 1 to version 2 keeps learners' records and moves new enrollments to v2", async () => {
    // The database as it was before version 2 shipped: only version 1, published.
    await world.ownerQuery(`
      BEGIN;
      CREATE TEMPORARY TABLE v2 ON COMMIT DROP AS SELECT id FROM courses WHERE code = 'HT-101' AND version = 2;
      DELETE FROM question_choices WHERE question_id IN (SELECT id FROM questions WHERE course_id IN (SELECT id FROM v2));
      DELETE FROM questions WHERE course_id IN (SELECT id FROM v2);
      DELETE FROM course_modules WHERE course_id IN (SELECT id FROM v2);
      DELETE FROM courses WHERE id IN (SELECT id FROM v2);
      UPDATE courses SET status = 'published' WHERE code = 'HT-101' AND version = 1;
      COMMIT;
    `);
    const [v1] = (await listed()).filter((c) => c.code === 'HT-101');
    expect(v1).toMatchObject({ version: 1, title: HT_101_V1.title });

    // On version 1: one learner finished, one is half-way, and a recurring cohort has a member about to pass.
    const early = await learnerThroughModules(v1.id, 'Early Finisher');
    const earlyCertificateId = await passAssessment(early.session, early.enrollmentId, v1.id);
    const late = await learnerThroughModules(v1.id, 'Late Finisher');
    const annualDepartment = await createDepartment(world, org.admin, await site(), 'Annual ward');
    const annual = await createCohort(world, org.admin, {
      name: 'Annual HT-101',
      courseId: v1.id,
      target: { departmentIds: [annualDepartment] },
      dueInDays: 30,
      recurrence: { intervalMonths: 12 },
    });
    const recertifying = await addEnrolledLearner(world, org, {
      name: 'Annual Learner',
      departmentId: annualDepartment,
    });
    await completeModules(
      world,
      recertifying.session,
      recertifying.enrollmentId,
      await courseModuleIds(world, recertifying.session, v1.id),
    );

    // The upgrade: start-up seeds the shipped list, which publishes version 2.
    await world.app.get(CatalogSeedService).seed(SEEDED_COURSES);

    const listedNow = (await listed(learner)).filter((c) => c.code === 'HT-101');
    expect(listedNow).toHaveLength(1);
    const v2 = listedNow[0];
    expect(v2).toMatchObject({ version: 2, title: HT_101.title, releaseDate: HT_101.activity?.releaseDate });
    expect(v2.id).not.toBe(v1.id);
    expect(v2.sources.length).toBeGreaterThan(0);
    expect(v2.disclosures).not.toBeNull();
    expect(
      await world.ownerQuery(`SELECT version, status FROM courses WHERE code = 'HT-101' ORDER BY version`),
    ).toEqual([
      { version: 1, status: 'retired' },
      { version: 2, status: 'published' },
    ]);
    const old = await get(`/api/v1/courses/${v1.id}`, learner).expect(200);
    expect(old.body).toMatchObject({ id: v1.id, version: 1, title: HT_101_V1.title, disclosures: null });
    expect(old.body.modules.map((m: ModuleSummary) => m.id)).toEqual(v1.modules.map((m) => m.id));

    // The finished learner's enrollment and certificate are untouched.
    const [earlyEnrollment] = await myEnrollments(world, early.session);
    expect(earlyEnrollment).toMatchObject({
      status: 'completed',
      course: { id: v1.id, title: HT_101_V1.title },
    });
    const early1 = await get(`/api/v1/certificates/${earlyCertificateId}`, early.session).expect(200);
    expect(early1.body.courseTitle).toBe(HT_101_V1.title);
    const verified = await get(`/api/v1/public/certificates/${early1.body.verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({ valid: true, courseTitle: HT_101_V1.title });

    // The half-way learner stays on version 1 and is certified for it.
    expect((await myEnrollments(world, late.session))[0]).toMatchObject({
      status: 'in_progress',
      course: { id: v1.id },
    });
    const lateCertificateId = await passAssessment(late.session, late.enrollmentId, v1.id);
    const late1 = await get(`/api/v1/certificates/${lateCertificateId}`, late.session).expect(200);
    expect(late1.body).toMatchObject({ courseTitle: HT_101_V1.title, learnerName: 'Late Finisher' });

    // New cohorts take only the current version.
    const newDepartment = await createDepartment(world, org.admin, await site(), 'New ward');
    const newcomer = await world.addMember(org, ['learner'], { departmentId: newDepartment });
    const superseded = await world
      .http()
      .post('/api/v1/cohorts')
      .set(...bearer(org.admin))
      .send({ name: 'On v1', courseId: v1.id, target: { departmentIds: [newDepartment] } })
      .expect(409);
    expect(superseded.headers['content-type']).toContain('application/problem+json');
    expect(superseded.body.detail).toContain('a newer version exists');
    expect(superseded.body.detail).toContain(v2.id);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        world
          .http()
          .post('/api/v1/cohorts')
          .set(...bearer(org.admin))
          .send({ name: `Burst ${i}`, courseId: v1.id, target: {} }),
      ),
    );
    expect(burst.map((res) => res.status)).toEqual(Array(20).fill(409));
    expect(
      await world.ownerQuery(`SELECT count(*)::int AS n FROM cohorts WHERE name LIKE 'Burst %'`),
    ).toEqual([{ n: 0 }]);
    await createDepartmentCohort(world, org.admin, v2.id, newDepartment, 'On v2');
    expect((await myEnrollments(world, newcomer.session)).map((e) => e.course.id)).toEqual([v2.id]);

    // A member who joins the old cohort's target later is enrolled on the current version.
    const lateDepartment = (
      await world.ownerQuery<{ department_id: string }>(
        `SELECT m.department_id FROM enrollments e JOIN memberships m ON m.id = e.membership_id WHERE e.id = $1`,
        [late.enrollmentId],
      )
    )[0].department_id;
    const joiner = await world.addMember(org, ['learner'], { departmentId: lateDepartment });
    expect((await myEnrollments(world, joiner.session)).map((e) => e.course.id)).toEqual([v2.id]);

    // The recurring cohort's next cycle, opened by a pass on version 1, is on version 2.
    await passAssessment(recertifying.session, recertifying.enrollmentId, v1.id);
    expect(
      await world.ownerQuery(`SELECT cycle, course_id FROM enrollments WHERE cohort_id = $1 ORDER BY cycle`, [
        annual.id,
      ]),
    ).toEqual([
      { cycle: 1, course_id: v1.id },
      { cycle: 2, course_id: v2.id },
    ]);
  });
});
