import { Clock } from '@beacon/core/time';
import {
  AnswerKey,
  attemptRequest,
  createDepartment,
  createDepartmentCohort,
  createSite,
  evaluationRequest,
  EVALUATION,
  findHt101,
  ListedCourse,
  loadAnswerKey,
  myEnrollments,
  rightAnswers,
  startAttempt,
  submitAttempt,
  submitRequest,
} from '../support/learning';
import { binary, pdfText } from '../support/pdf-text';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface Certificate {
  id: string;
  learnerName: string;
  creditHours: number;
  creditTypes: string[];
  credits: Array<{ code: string; label: string }>;
  timeSpentMinutes: number | null;
  completedOn: string;
  issuedAt: string;
  number: string;
  verificationCode: string;
}

/** One world of this suite: an organization with a department whose cohort enrolls each new learner in HT-101. */
interface Place {
  world: TestApp;
  org: TestOrganization;
  course: ListedCourse;
  key: AnswerKey;
  departmentId: string;
  /** The suite's clock: the app's injected Clock answers `now`, moved forward by `advance`. */
  clock: { now: Date; advance: (minutes: number) => void; restore: () => void };
}

async function setUp(env: Record<string, string>): Promise<Place> {
  const world = await TestApp.start({ env });
  const org = await world.createOrganization('Credit Health');
  const course = await findHt101(world, org.admin);
  const key = await loadAnswerKey(world, await world.platformAdmin(), course.id);
  const siteId = await createSite(world, org.admin, 'Credit Main');
  const departmentId = await createDepartment(world, org.admin, siteId, 'Credit ED');
  await createDepartmentCohort(world, org.admin, course.id, departmentId, 'Credit ED cohort');
  const clock = {
    // A whole minute, so that minutes computed from it come out exact.
    now: new Date(Math.floor(Date.now() / 60_000) * 60_000),
    advance(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    restore: () => spy.mockRestore(),
  };
  const spy = jest.spyOn(world.app.get(Clock), 'now').mockImplementation(() => clock.now);
  return { world, org, course, key, departmentId, clock };
}

async function newLearner(
  place: Place,
  name: string,
): Promise<{ session: Session; enrollmentId: string; email: string }> {
  const { session, email } = await place.world.addMember(place.org, ['learner'], {
    name,
    departmentId: place.departmentId,
  });
  const [enrollment] = await myEnrollments(place.world, session);
  return { session, email, enrollmentId: enrollment.id };
}

const moduleCall = (place: Place, session: Session, enrollmentId: string, moduleId: string, action: string) =>
  place.world
    .http()
    .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/${action}`)
    .set(...bearer(session));

/** Opens each module, spends `minutes(module)` on it, completes it. */
async function study(
  place: Place,
  session: Session,
  enrollmentId: string,
  minutes: (estimate: number) => number = (estimate) => estimate,
): Promise<void> {
  for (const module of place.course.modules) {
    await moduleCall(place, session, enrollmentId, module.id, 'open').expect(200);
    place.clock.advance(minutes(module.estimatedMinutes));
    await moduleCall(place, session, enrollmentId, module.id, 'complete').expect(200);
  }
}

/** Studies, then passes the assessment after `attemptMinutes`; returns the submit answer. */
async function studyAndPass(
  place: Place,
  learner: { session: Session; enrollmentId: string },
  attemptMinutes = 5,
) {
  await study(place, learner.session, learner.enrollmentId);
  const attempt = await startAttempt(place.world, learner.session, learner.enrollmentId);
  place.clock.advance(attemptMinutes);
  return submitAttempt(
    place.world,
    learner.session,
    learner.enrollmentId,
    attempt.attemptId,
    rightAnswers(attempt, place.key),
  );
}

async function certificate(place: Place, session: Session, id: string): Promise<Certificate> {
  return (
    await place.world
      .http()
      .get(`/api/v1/certificates/${id}`)
      .set(...bearer(session))
      .expect(200)
  ).body;
}

async function certificateText(place: Place, session: Session, id: string): Promise<string> {
  const res = await place.world
    .http()
    .get(`/api/v1/certificates/${id}/pdf`)
    .set(...bearer(session))
    .buffer(true)
    .parse(binary)
    .expect(200);
  return pdfText(res.body as Buffer);
}

/** Names in scripts a WinAnsi font cannot print, each of which must come back from the PDF exactly. */
const UNICODE_NAMES = [
  'Nguyễn Thị Ánh Tuyết',
  'Łukasz Żółkiewski',
  'Γιώργος Παπαδόπουλος',
  'Ольга Иванова',
  '王小明',
];

const CREDIT_CLAIM = /AMA|ANCC|IPCE|credit/i;

describe('honest CE credit with nothing configured (MODULE_MIN_TIME_SHARE at its default 0.5)', () => {
  let place: Place;

  beforeAll(async () => {
    place = await setUp({ MODULE_MIN_TIME_SHARE: '' });
  });

  afterAll(async () => {
    place.clock.restore();
    await place.world.stop();
  });

  it('lets a fast click-through earn nothing: each module completes only half its estimate after it was opened', async () => {
    const learner = await newLearner(place, 'Quick Clicker');
    const [first, second] = place.course.modules;
    const complete = (moduleId: string) =>
      moduleCall(place, learner.session, learner.enrollmentId, moduleId, 'complete');

    const never = await complete(first.id).expect(409);
    expect(never.headers['content-type']).toContain('application/problem+json');
    expect(never.body.detail).toMatch(/open/i);

    const openedAt = place.clock.now;
    const opened = await moduleCall(place, learner.session, learner.enrollmentId, first.id, 'open').expect(
      200,
    );
    const completableAt = new Date(openedAt.getTime() + first.estimatedMinutes * 30_000).toISOString();
    expect(opened.body).toEqual({ openedAt: openedAt.toISOString(), completableAt });

    const early = await complete(first.id).expect(409);
    expect(early.body).toMatchObject({ status: 409, completableAt });
    expect(early.body.detail).toContain(completableAt);

    // Opening again later does not restart (or shorten) the wait: the first opening counts.
    place.clock.advance(1);
    const again = await moduleCall(place, learner.session, learner.enrollmentId, first.id, 'open').expect(
      200,
    );
    expect(again.body).toEqual(opened.body);
    place.clock.now = new Date(new Date(completableAt).getTime() - 1_000);
    await complete(first.id).expect(409);
    await complete(second.id).expect(409);

    const stored = await place.world.ownerQuery(
      'SELECT module_id FROM module_progress WHERE enrollment_id = $1',
      [learner.enrollmentId],
    );
    expect(stored).toEqual([]);
    const [mine] = await myEnrollments(place.world, learner.session);
    expect(mine.progress.modulesCompleted).toBe(0);
    await attemptRequest(place.world, learner.session, learner.enrollmentId).expect(409);

    place.clock.now = new Date(completableAt);
    const done = await complete(first.id).expect(200);
    expect(done.body.progress.modulesCompleted).toBe(1);
  });

  it('refuses to open or complete modules of an enrollment that is not the learner’s own', async () => {
    const owner = await newLearner(place, 'Owner Person');
    const other = await newLearner(place, 'Other Person');
    const moduleId = place.course.modules[0].id;
    await moduleCall(place, other.session, owner.enrollmentId, moduleId, 'open').expect(404);
    await moduleCall(place, owner.session, owner.enrollmentId, owner.enrollmentId, 'open').expect(404);
    await moduleCall(place, owner.session, 'not-a-uuid', moduleId, 'open').expect(404);
    const exempted = await place.world
      .http()
      .post(`/api/v1/enrollments/${owner.enrollmentId}/exempt`)
      .set(...bearer(place.org.admin))
      .send({ reason: 'Completed elsewhere' })
      .expect(200);
    expect(exempted.body.status).toBe('exempt');
    await moduleCall(place, owner.session, owner.enrollmentId, moduleId, 'open').expect(409);
  });

  it('withholds the certificate and its mail until the evaluation, dated at the pass; 409 before a pass and when given again', async () => {
    const learner = await newLearner(place, 'Eva Luation');
    await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(409);

    const passedAt = place.clock.now;
    const result = await studyAndPass(place, learner, 5);
    const passTime = place.clock.now;
    expect(passedAt.getTime()).toBeLessThan(passTime.getTime());
    expect(result).toMatchObject({ passed: true, certificateId: null, evaluationRequired: true });
    // The pass counts for compliance at once.
    const [mine] = await myEnrollments(place.world, learner.session);
    expect(mine).toMatchObject({ status: 'completed', completedAt: passTime.toISOString() });
    expect(
      await place.world.ownerQuery('SELECT id FROM certificates WHERE enrollment_id = $1', [
        learner.enrollmentId,
      ]),
    ).toEqual([]);
    expect(
      await place.world.ownerQuery(
        `SELECT id FROM notifications WHERE kind = 'certificate_issued' AND recipient_email = $1`,
        [learner.email],
      ),
    ).toEqual([]);

    const bad = await evaluationRequest(place.world, learner.session, learner.enrollmentId, {
      objectivesMet: 6,
      relevantToPractice: 0,
      commercialBias: 'no',
      comments: 'x'.repeat(5001),
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['commercialBias', 'comments', 'objectivesMet', 'relevantToPractice'].sort(),
    );

    // The evaluation comes two days later; the certificate still states the pass.
    place.clock.advance(2 * 24 * 60);
    const given = await evaluationRequest(place.world, learner.session, learner.enrollmentId, {
      ...EVALUATION,
      comments: 'Useful screening questions.',
    }).expect(200);
    const issued = await certificate(place, learner.session, given.body.certificateId);
    expect(issued.issuedAt).toBe(place.clock.now.toISOString());
    const localPassDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(passTime);
    expect(issued.completedOn).toBe(localPassDate);
    expect(issued).toMatchObject({ creditHours: 1, creditTypes: [], credits: [] });

    const twice = await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(409);
    expect(twice.body.detail).toMatch(/already/);
    const kept = await place.world.ownerQuery<Record<string, unknown>>(
      `SELECT course_id, objectives_met, relevant_to_practice, commercial_bias, comments FROM course_evaluations
        WHERE enrollment_id = $1`,
      [learner.enrollmentId],
    );
    expect(kept).toEqual([
      {
        course_id: place.course.id,
        objectives_met: 5,
        relevant_to_practice: 4,
        commercial_bias: false,
        comments: 'Useful screening questions.',
      },
    ]);

    const mail = await place.world.mail.waitForMatching(learner.email, (m) => m.text.includes(issued.number));
    expect(mail.text).toContain('hour(s) of instruction');
    expect(mail.text).not.toMatch(CREDIT_CLAIM);
    expect(mail.subject).not.toMatch(/\bCE\b/);
  });

  it('accepts exactly one of two evaluations sent at once', async () => {
    const learner = await newLearner(place, 'Double Sender');
    await studyAndPass(place, learner);
    const answers = await Promise.all([
      evaluationRequest(place.world, learner.session, learner.enrollmentId),
      evaluationRequest(place.world, learner.session, learner.enrollmentId),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    const certificates = await place.world.ownerQuery(
      'SELECT id FROM certificates WHERE enrollment_id = $1',
      [learner.enrollmentId],
    );
    expect(certificates).toHaveLength(1);
  });

  it('records the time actually spent: modules from opening to completion (capped at 3× the estimate) plus the passing attempt', async () => {
    const learner = await newLearner(place, 'Slow Reader');
    const [first] = place.course.modules;
    // The first module is left open overnight; the others take exactly their estimate.
    await moduleCall(place, learner.session, learner.enrollmentId, first.id, 'open').expect(200);
    place.clock.advance(10 * 60);
    await moduleCall(place, learner.session, learner.enrollmentId, first.id, 'complete').expect(200);
    const rest = place.course.modules.slice(1);
    for (const module of rest) {
      await moduleCall(place, learner.session, learner.enrollmentId, module.id, 'open').expect(200);
      place.clock.advance(module.estimatedMinutes);
      await moduleCall(place, learner.session, learner.enrollmentId, module.id, 'complete').expect(200);
    }
    const attempt = await startAttempt(place.world, learner.session, learner.enrollmentId);
    place.clock.advance(7);
    await submitAttempt(
      place.world,
      learner.session,
      learner.enrollmentId,
      attempt.attemptId,
      rightAnswers(attempt, place.key),
    );
    const { body } = await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(200);
    const issued = await certificate(place, learner.session, body.certificateId);
    const expected = 3 * first.estimatedMinutes + rest.reduce((sum, m) => sum + m.estimatedMinutes, 0) + 7;
    expect(issued.timeSpentMinutes).toBe(expected);
    // Credit hours stay the course's.
    expect(issued.creditHours).toBe(place.course.creditHours);
  });

  it('prints a plain certificate of completion with the hours of instruction, claiming no credit type or statement', async () => {
    const learner = await newLearner(place, 'Plain Completion');
    await studyAndPass(place, learner);
    const { body } = await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(200);
    const text = await certificateText(place, learner.session, body.certificateId);
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('Plain Completion');
    expect(text).toContain('1.00 hour(s) of instruction');
    expect(text).not.toMatch(CREDIT_CLAIM);
    expect(text).not.toMatch(/accredited|designates/i);
    const issued = await certificate(place, learner.session, body.certificateId);
    const verified = await place.world
      .http()
      .get(`/api/v1/public/certificates/${issued.verificationCode}`)
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true, creditTypes: [], credits: [] });
  });

  it('completes two cohorts’ enrollments of one course passed at once without a deadlock: one certificate', async () => {
    const siteId = await createSite(place.world, place.org.admin, 'Race Site');
    const departmentId = await createDepartment(place.world, place.org.admin, siteId, 'Race ICU');
    for (const name of ['Race onboarding', 'Race annual'])
      await createDepartmentCohort(place.world, place.org.admin, place.course.id, departmentId, name);
    const { session } = await place.world.addMember(place.org, ['learner'], {
      name: 'Two Cohorts',
      departmentId,
    });
    const enrollments = await myEnrollments(place.world, session);
    expect(enrollments).toHaveLength(2);
    const attempts = [];
    for (const enrollment of enrollments) {
      await study(place, session, enrollment.id);
      const attempt = await startAttempt(place.world, session, enrollment.id);
      attempts.push({ enrollmentId: enrollment.id, attempt });
    }
    const answers = await Promise.all(
      attempts.map(({ enrollmentId, attempt }) =>
        submitRequest(
          place.world,
          session,
          enrollmentId,
          attempt.attemptId,
          rightAnswers(attempt, place.key),
        ),
      ),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    const winner = attempts[answers.findIndex((res) => res.status === 200)];
    const loser = attempts[answers.findIndex((res) => res.status === 409)];
    await evaluationRequest(place.world, session, loser.enrollmentId).expect(409);
    await evaluationRequest(place.world, session, winner.enrollmentId).expect(200);
    const statuses = await myEnrollments(place.world, session);
    expect(statuses.map((e) => e.status)).toEqual(['completed', 'completed']);
    const certificates = await place.world
      .http()
      .get('/api/v1/me/certificates')
      .set(...bearer(session))
      .expect(200);
    expect(certificates.body.items).toHaveLength(1);
  });
});

describe('CE credit with credit types and accreditation statements configured', () => {
  const STATEMENT =
    'Credit Health Education is accredited as a provider of nursing continuing professional development.';
  let place: Place;

  beforeAll(async () => {
    place = await setUp({
      MODULE_MIN_TIME_SHARE: '0.5',
      PROVIDER_CREDIT_TYPES: JSON.stringify([
        { code: 'nursing_contact_hours', label: 'Nursing contact hours (ANCC NCPD)' },
        { code: 'pharmacy', label: 'ACPE pharmacy hours' },
      ]),
      PROVIDER_ACCREDITATION_STATEMENTS: JSON.stringify([STATEMENT]),
    });
  });

  afterAll(async () => {
    place.clock.restore();
    await place.world.stop();
    delete process.env.PROVIDER_CREDIT_TYPES;
    delete process.env.PROVIDER_ACCREDITATION_STATEMENTS;
  });

  it('prints and shows exactly the course’s credit types the provider configured, with its labels and statements', async () => {
    const learner = await newLearner(place, 'Accredited Nurse');
    await studyAndPass(place, learner);
    const { body } = await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(200);
    const issued = await certificate(place, learner.session, body.certificateId);
    expect(issued).toMatchObject({
      creditTypes: ['nursing_contact_hours'],
      credits: [{ code: 'nursing_contact_hours', label: 'Nursing contact hours (ANCC NCPD)' }],
    });
    const text = await certificateText(place, learner.session, body.certificateId);
    expect(text).toContain('Nursing contact hours (ANCC NCPD): 1.00');
    expect(text).toContain(STATEMENT);
    // Offered by the course but not configured, or configured but not offered: never printed.
    expect(text).not.toMatch(/AMA|IPCE|ACPE/);
    const verified = await place.world
      .http()
      .get(`/api/v1/public/certificates/${issued.verificationCode}`)
      .expect(200);
    expect(verified.body).toMatchObject({ creditTypes: ['nursing_contact_hours'], credits: issued.credits });
    const mail = await place.world.mail.waitForMatching(learner.email, (m) => m.text.includes(issued.number));
    expect(mail.text).toContain('Nursing contact hours (ANCC NCPD)');
  });

  it.each(UNICODE_NAMES)('prints the learner name %s exactly as given', async (name) => {
    const learner = await newLearner(place, name);
    await studyAndPass(place, learner);
    const { body } = await evaluationRequest(place.world, learner.session, learner.enrollmentId).expect(200);
    const text = await certificateText(place, learner.session, body.certificateId);
    expect(text.split('\n').map((line) => line.trim())).toContain(name);
  });
});
