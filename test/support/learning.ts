import type { Test } from 'supertest';
import { bearer, Session, TestApp, TestOrganization } from './test-app';

/**
 * The learner path's fixture steps, one small function each: the seeded course and its answer key, the places and
 * cohorts a learner is enrolled through, and a learner's way through modules and assessment to a certificate.
 * Each takes the suite's world and the session that acts; each checks the status its step must answer.
 */

/** A course as `GET /api/v1/courses` lists it (the fields these suites read). */
export interface ListedCourse {
  id: string;
  code: string;
  title: string;
  version: number;
  creditHours: number;
  creditTypes: string[];
  passingScore: number;
  maxAttempts: number;
  questionsPerAttempt: number;
  questionsPerObjective: number[];
  objectives: string[];
  modules: Array<{ id: string; position: number; title: string; estimatedMinutes: number }>;
  sources: Array<{ title: string; url: string }>;
  faculty: Array<{ name: string; credentials: string; affiliation: string; roles: string[] }>;
  disclosures: {
    statement: string;
    relationships: Array<{ name: string; relationship: string }>;
    commercialSupport: string;
  } | null;
  releaseDate: string | null;
  expiresOn: string | null;
  contactHourMethod: { method: string; description: string; minutes: number } | null;
  targetAudience: string | null;
}

/** A question of the platform question bank, answer key included. */
export interface BankQuestion {
  id: string;
  prompt: string;
  objective: string;
  choices: Array<{ id: string; text: string; correct: boolean }>;
  explanation: string;
}

/** Question id -> the id of its correct choice. */
export type AnswerKey = Map<string, string>;

export interface CohortStats {
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  exempt: number;
  completionRate: number | null;
}

export interface Cohort {
  id: string;
  name: string;
  courseId: string;
  dueDate: string | null;
  dueInDays: number | null;
  archived: boolean;
  enrolledCount: number;
  stats: CohortStats;
}

/** An item of `GET /api/v1/cohorts/:id/enrollments`. */
export interface CohortEnrollment {
  id: string;
  memberId: string;
  memberName: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  cycle: number;
}

/** An item of `GET /api/v1/me/enrollments`. */
export interface MyEnrollment {
  id: string;
  cohortId: string;
  course: { id: string; code: string; title: string };
  status: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  progress: { modulesCompleted: number; modulesTotal: number };
  attemptsRemaining: number;
}

export interface Attempt {
  attemptId: string;
  questions: Array<{ id: string; prompt: string; choices: Array<{ id: string; text: string }> }>;
}

export interface Answer {
  questionId: string;
  choiceId: string;
}

export interface AttemptResult {
  score: number;
  passed: boolean;
  attemptsRemaining: number;
  certificateId: string | null;
  evaluationRequired: boolean;
  missedObjectives: string[];
  missedQuestions: Array<{ questionId: string; prompt: string; objective: string; explanation: string }>;
}

/** A valid evaluation of the activity. */
export const EVALUATION = { objectivesMet: 5, relevantToPractice: 4, commercialBias: false };

/** A learner signed in, with their one enrollment. */
export interface EnrolledLearner {
  session: Session;
  email: string;
  memberId: string;
  enrollmentId: string;
}

// The catalog

/** The seeded HT-101 course, as the session's course list shows it. */
export async function findHt101(world: TestApp, session: Session): Promise<ListedCourse> {
  const res = await world
    .http()
    .get('/api/v1/courses')
    .set(...bearer(session))
    .expect(200);
  const course = (res.body.items as ListedCourse[]).find((c) => c.code === 'HT-101');
  if (!course) throw new Error('HT-101 is not in the course list');
  return course;
}

/** The module ids of a course, in order, from `GET /api/v1/courses/:id`. */
export async function courseModuleIds(world: TestApp, session: Session, courseId: string): Promise<string[]> {
  const res = await world
    .http()
    .get(`/api/v1/courses/${courseId}`)
    .set(...bearer(session))
    .expect(200);
  return (res.body.modules as Array<{ id: string }>).map((m) => m.id);
}

/** The course's question bank (`platform` must be a platform admin). */
export async function questionBank(
  world: TestApp,
  platform: Session,
  courseId: string,
): Promise<BankQuestion[]> {
  const res = await world
    .http()
    .get(`/api/v1/platform/courses/${courseId}/questions`)
    .set(...bearer(platform))
    .expect(200);
  return res.body.items;
}

export function answerKeyOf(bank: BankQuestion[]): AnswerKey {
  return new Map(bank.map((q) => [q.id, q.choices.find((c) => c.correct)?.id ?? '']));
}

/** The course's answer key, read from the question bank as a platform admin. */
export async function loadAnswerKey(world: TestApp, platform: Session, courseId: string): Promise<AnswerKey> {
  return answerKeyOf(await questionBank(world, platform, courseId));
}

/** Every property name anywhere in a JSON value (to check that no answer key leaks). */
export function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysDeep(item, into));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysDeep(child, into);
    }
  return into;
}

// Places and cohorts (as an org_admin or educator)

export async function createSite(
  world: TestApp,
  admin: Session,
  name: string,
  kind = 'hospital',
): Promise<string> {
  const res = await world
    .http()
    .post('/api/v1/sites')
    .set(...bearer(admin))
    .send({ name, kind })
    .expect(201);
  return res.body.id;
}

export async function createDepartment(
  world: TestApp,
  admin: Session,
  siteId: string,
  name: string,
  kind = 'emergency',
): Promise<string> {
  const res = await world
    .http()
    .post('/api/v1/departments')
    .set(...bearer(admin))
    .send({ siteId, name, kind })
    .expect(201);
  return res.body.id;
}

/** `POST /api/v1/cohorts` with the body as given (name, courseId, target, due date...). */
export async function createCohort(
  world: TestApp,
  admin: Session,
  body: Record<string, unknown>,
): Promise<Cohort> {
  const res = await world
    .http()
    .post('/api/v1/cohorts')
    .set(...bearer(admin))
    .send(body)
    .expect(201);
  return res.body;
}

/** A cohort of the course for everyone in one department, each due 30 days after their own enrollment. */
export function createDepartmentCohort(
  world: TestApp,
  admin: Session,
  courseId: string,
  departmentId: string,
  name: string,
): Promise<Cohort> {
  return createCohort(world, admin, {
    name,
    courseId,
    target: { departmentIds: [departmentId] },
    dueInDays: 30,
  });
}

/** The cohort with its stats. */
export async function getCohort(world: TestApp, session: Session, cohortId: string): Promise<Cohort> {
  const res = await world
    .http()
    .get(`/api/v1/cohorts/${cohortId}`)
    .set(...bearer(session))
    .expect(200);
  return res.body;
}

/** One page of up to 200 of the cohort's enrollments. */
export async function cohortEnrollments(
  world: TestApp,
  session: Session,
  cohortId: string,
): Promise<{ items: CohortEnrollment[]; nextCursor: string | null }> {
  const res = await world
    .http()
    .get(`/api/v1/cohorts/${cohortId}/enrollments?limit=200`)
    .set(...bearer(session))
    .expect(200);
  return res.body;
}

/** The enrollment of the cohort's only member. */
export async function onlyEnrollment(world: TestApp, session: Session, cohortId: string): Promise<string> {
  const { items } = await cohortEnrollments(world, session, cohortId);
  expect(items).toHaveLength(1);
  return items[0].id;
}

// The learner's path

export async function myEnrollments(world: TestApp, session: Session): Promise<MyEnrollment[]> {
  const res = await world
    .http()
    .get('/api/v1/me/enrollments')
    .set(...bearer(session))
    .expect(200);
  return res.body.items;
}

/** Adds a learner (signed in through their invitation) whom exactly one cohort enrolls at once. */
export async function addEnrolledLearner(
  world: TestApp,
  organization: TestOrganization,
  fields: Record<string, unknown>,
): Promise<EnrolledLearner> {
  const { session, email, memberId } = await world.addMember(organization, ['learner'], fields);
  const items = await myEnrollments(world, session);
  expect(items).toHaveLength(1);
  return { session, email, memberId, enrollmentId: items[0].id };
}

export async function completeModules(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  moduleIds: string[],
): Promise<void> {
  for (const moduleId of moduleIds) {
    await world
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/open`)
      .set(...bearer(session))
      .expect(200);
    await world
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/complete`)
      .set(...bearer(session))
      .expect(200);
  }
}

/** `POST .../evaluation`, for the caller to check the answer. */
export function evaluationRequest(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  body: object = EVALUATION,
): Test {
  return world
    .http()
    .post(`/api/v1/enrollments/${enrollmentId}/evaluation`)
    .set(...bearer(session))
    .send(body);
}

/** Gives the evaluation after a pass (200) and returns the certificate id it issued. */
export async function giveEvaluation(
  world: TestApp,
  session: Session,
  enrollmentId: string,
): Promise<string> {
  return (await evaluationRequest(world, session, enrollmentId).expect(200)).body.certificateId;
}

/** A pass's certificate: issued at once, or after the evaluation the course requires (given here). */
export async function certificateOf(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  result: AttemptResult,
): Promise<AttemptResult> {
  if (!result.passed || !result.evaluationRequired) return result;
  expect(result.certificateId).toBeNull();
  return { ...result, certificateId: await giveEvaluation(world, session, enrollmentId) };
}

/** `POST .../assessment/attempts`, for the caller to check the answer. */
export function attemptRequest(world: TestApp, session: Session, enrollmentId: string): Test {
  return world
    .http()
    .post(`/api/v1/enrollments/${enrollmentId}/assessment/attempts`)
    .set(...bearer(session));
}

/** `POST .../assessment/attempts/:attemptId/submit`, for the caller to check the answer. */
export function submitRequest(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  attemptId: string,
  answers: object[],
): Test {
  return world
    .http()
    .post(`/api/v1/enrollments/${enrollmentId}/assessment/attempts/${attemptId}/submit`)
    .set(...bearer(session))
    .send({ answers });
}

/** Opens a new attempt (201); every module must be complete. */
export async function startAttempt(world: TestApp, session: Session, enrollmentId: string): Promise<Attempt> {
  return (await attemptRequest(world, session, enrollmentId).expect(201)).body;
}

/** Submits the answers (200) and returns the result. */
export async function submitAttempt(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  attemptId: string,
  answers: Answer[],
): Promise<AttemptResult> {
  return (await submitRequest(world, session, enrollmentId, attemptId, answers).expect(200)).body;
}

/** The first `count` questions of the attempt (all unless told) answered right; the rest left out. */
export function rightAnswers(attempt: Attempt, key: AnswerKey, count = attempt.questions.length): Answer[] {
  return attempt.questions.slice(0, count).map((q) => ({ questionId: q.id, choiceId: key.get(q.id) ?? '' }));
}

/**
 * Completes every module, then opens an attempt and submits every answer right, and gives the evaluation when the
 * course asks for it; returns the result with the certificate.
 */
export async function passCourse(
  world: TestApp,
  session: Session,
  enrollmentId: string,
  moduleIds: string[],
  key: AnswerKey,
): Promise<AttemptResult> {
  await completeModules(world, session, enrollmentId, moduleIds);
  const attempt = await startAttempt(world, session, enrollmentId);
  const result = await submitAttempt(
    world,
    session,
    enrollmentId,
    attempt.attemptId,
    rightAnswers(attempt, key),
  );
  return certificateOf(world, session, enrollmentId, result);
}

/**
 * Enrolls `count` new learners of the organization in HT-101 straight through the owner connection (no
 * invitations, no mail), through one cohort named "Everyone": a large organization in a second, for the suites
 * whose reports need enough rows to take a few seconds to write.
 */
export async function enrollManyDirectly(
  world: TestApp,
  organization: TestOrganization,
  count: number,
  emailPrefix: string,
): Promise<void> {
  const course = await findHt101(world, organization.admin);
  const cohort = await createCohort(world, organization.admin, {
    courseId: course.id,
    name: 'Everyone',
    target: { roles: ['org_admin'] },
  });
  await world.ownerQuery(
    `WITH people AS (
       INSERT INTO users (email, name)
       SELECT $5 || '-' || n || '@example.test', 'Person ' || n FROM generate_series(1, $4::int) n
       RETURNING id, name),
     members AS (
       INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at)
       SELECT $1, id, '{learner}', 'active', name, now() FROM people RETURNING id)
     INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id)
     SELECT $1, $2, id, $3 FROM members`,
    [organization.id, cohort.id, course.id, count, emailPrefix],
  );
}
