import { Clock } from '@beacon/core/time';
import {
  addEnrolledLearner,
  createDepartment,
  createDepartmentCohort,
  createSite,
  evaluationRequest,
  findHt101,
  myEnrollments,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface Attendance {
  sessionId: string;
  memberId: string;
  attended: boolean;
  attendedAt: string | null;
  completedEnrollmentIds: string[];
  certificateId: string | null;
  evaluationRequired: boolean;
}

interface Certificate {
  id: string;
  earnedIn: string;
  liveSessionId: string | null;
  timeSpentMinutes: number | null;
  completedOn: string;
}

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describe('live session attendance: marked from 30 minutes before, credit and a certificate earned in the session', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let courseId: string;
  let siteId: string;
  let departmentId: string;
  /** The app's Clock answers this while set; the real time otherwise. */
  let now: Date | null = null;
  /** Days from now each session is in, so no two share a facilitator's time. */
  let day = 20;

  const post = (session: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(session))
      .send(body);
  const get = (session: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(session));

  interface Scheduled {
    id: string;
    startsAt: Date;
    facilitator: Session;
  }

  /** A two-hour session of HT-101, a new facilitator assigned. */
  async function schedule(): Promise<Scheduled> {
    day += 1;
    const startsAt = new Date(Date.now() + day * DAY);
    startsAt.setUTCHours(15, 0, 0, 0);
    const facilitator = await world.addPlatformStaff(['facilitator']);
    const res = await post(educator, '/api/v1/live-sessions', {
      courseId,
      siteId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
      timezone: 'America/Chicago',
      location: 'Skills lab',
      capacity: 5,
      facilitatorIds: [facilitator.user.id],
    });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, startsAt, facilitator };
  }

  /** A learner whom the department's cohort enrolled in HT-101, registered (with a seat) for the session. */
  async function registeredLearner(session: Scheduled) {
    const learner = await addEnrolledLearner(world, org, { departmentId });
    const res = await post(educator, `/api/v1/live-sessions/${session.id}/registrations`, {
      memberId: learner.memberId,
    });
    expect(res.body).toMatchObject({ status: 'registered' });
    return learner;
  }

  const mark = (by: Session, session: Scheduled, memberId: string, attended = true) =>
    post(by, `/api/v1/live-sessions/${session.id}/attendance`, { memberId, attended });

  const myCertificates = async (session: Session): Promise<Certificate[]> => {
    const res = await get(session, '/api/v1/me/certificates');
    expect(res.status).toBe(200);
    return res.body.items;
  };

  const setEvaluationRequired = (required: boolean) =>
    world.ownerQuery('UPDATE courses SET requires_evaluation = $2 WHERE id = $1', [courseId, required]);

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Attend Health');
    other = await world.createOrganization('Attend Elsewhere');
    educator = (await world.addMember(org, ['educator'])).session;
    courseId = (await findHt101(world, org.admin)).id;
    siteId = await createSite(world, org.admin, 'Attend Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'Attend ED');
    await createDepartmentCohort(world, org.admin, courseId, departmentId, 'Attend ED cohort');
    jest.spyOn(world.app.get(Clock), 'now').mockImplementation(() => now ?? new Date());
  });

  afterEach(() => {
    now = null;
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('a course without an evaluation', () => {
    beforeAll(() => setEvaluationRequired(false));
    afterAll(() => setEvaluationRequired(true));

    it('opens 30 minutes before the start (409 before, saying when), then completes the enrollment and issues a certificate earned in the session', async () => {
      const session = await schedule();
      const learner = await registeredLearner(session);
      const opensAt = new Date(session.startsAt.getTime() - 30 * MINUTE);

      now = new Date(opensAt.getTime() - MINUTE);
      const early = await mark(session.facilitator, session, learner.memberId);
      expect(early.status).toBe(409);
      expect(early.headers['content-type']).toContain('application/problem+json');
      expect(early.body.detail).toContain(opensAt.toISOString());
      expect((await myEnrollments(world, learner.session))[0].status).not.toBe('completed');

      now = opensAt;
      const res = await mark(session.facilitator, session, learner.memberId);
      expect(res.status).toBe(200);
      const body = res.body as Attendance;
      expect(body).toMatchObject({
        sessionId: session.id,
        memberId: learner.memberId,
        attended: true,
        attendedAt: opensAt.toISOString(),
        completedEnrollmentIds: [learner.enrollmentId],
        evaluationRequired: false,
      });
      expect(body.certificateId).toEqual(expect.any(String));

      const [enrollment] = await myEnrollments(world, learner.session);
      expect(enrollment).toMatchObject({ status: 'completed', completedAt: opensAt.toISOString() });
      const certificates = await myCertificates(learner.session);
      expect(certificates).toHaveLength(1);
      expect(certificates[0]).toMatchObject({
        id: body.certificateId,
        earnedIn: 'live_session',
        liveSessionId: session.id,
        timeSpentMinutes: 120,
      });
      const audit = await world.ownerQuery(
        `SELECT 1 FROM audit_events WHERE action = 'live_session.attendance_marked' AND entity_id = $1`,
        [session.id],
      );
      expect(audit).toHaveLength(1);
    });

    it('issues one certificate from ten identical marks sent at once', async () => {
      const session = await schedule();
      const learner = await registeredLearner(session);
      now = session.startsAt;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => mark(session.facilitator, session, learner.memberId)),
      );
      expect(answers.map((res) => res.status)).toEqual(answers.map(() => 200));
      const certificateIds = new Set(answers.map((res) => (res.body as Attendance).certificateId));
      expect(certificateIds.size).toBe(1);
      expect([...certificateIds][0]).toEqual(expect.any(String));
      const stored = await world.ownerQuery(
        'SELECT id FROM certificates WHERE live_session_id = $1 AND membership_id = $2',
        [session.id, learner.memberId],
      );
      expect(stored).toHaveLength(1);
      expect(await myCertificates(learner.session)).toHaveLength(1);
    });

    it('refuses to take back a mark that issued a certificate (409), and takes back one that credited nothing', async () => {
      const session = await schedule();
      const learner = await registeredLearner(session);
      now = session.startsAt;
      expect((await mark(org.admin, session, learner.memberId)).status).toBe(200);
      const undo = await mark(org.admin, session, learner.memberId, false);
      expect(undo.status).toBe(409);
      const [line] = await world.ownerQuery<{ attended_at: Date | null }>(
        'SELECT attended_at FROM session_registrations WHERE session_id = $1 AND member_id = $2',
        [session.id, learner.memberId],
      );
      expect(line.attended_at).not.toBeNull();

      // Someone with no open enrollment of the course: attendance is recorded, nothing is credited.
      const walkIn = await world.addMember(org, ['learner']);
      now = null;
      expect(
        (
          await post(educator, `/api/v1/live-sessions/${session.id}/registrations`, {
            memberId: walkIn.memberId,
          })
        ).status,
      ).toBe(201);
      now = session.startsAt;
      const marked = await mark(educator, session, walkIn.memberId);
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({ attended: true, completedEnrollmentIds: [], certificateId: null });
      const unmarked = await mark(educator, session, walkIn.memberId, false);
      expect(unmarked.status).toBe(200);
      expect(unmarked.body).toMatchObject({ attended: false, attendedAt: null });
      expect(await myCertificates(walkIn.session)).toHaveLength(0);
    });
  });

  describe('self check-in', () => {
    beforeAll(() => setEvaluationRequired(false));
    afterAll(() => setEvaluationRequired(true));

    const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    it('is provisional until the facilitator closes the roster: a rejected check-in (a code sent home) earns nothing', async () => {
      const session = await schedule();
      const present = await registeredLearner(session);
      const atHome = await registeredLearner(session);
      const stranger = await world.addMember(org, ['learner']);
      const checkIn = (who: Session, code: string) =>
        post(who, `/api/v1/live-sessions/${session.id}/check-in`, { code });

      now = new Date(session.startsAt.getTime() - 31 * MINUTE);
      expect(
        (await post(session.facilitator, `/api/v1/live-sessions/${session.id}/check-in-code`)).status,
      ).toBe(409);
      now = session.startsAt;
      expect((await checkIn(present.session, '123456')).status).toBe(409);
      const opened = await post(session.facilitator, `/api/v1/live-sessions/${session.id}/check-in-code`);
      expect(opened.status).toBe(200);
      const code = opened.body.code as string;
      expect(code).toMatch(/^\d{6}$/);
      expect(new Date(opened.body.changesAt).getTime()).toBeGreaterThan(now.getTime());

      const wrong = await checkIn(present.session, otherCode(code));
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
      expect((await checkIn(stranger.session, code)).status).toBe(403);

      // The code is still good in the next minute, not after.
      now = new Date(session.startsAt.getTime() + 60_000);
      const checked = await checkIn(present.session, code);
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ memberId: present.memberId, status: 'provisional' });
      expect((await checkIn(atHome.session, code)).status).toBe(200);
      now = new Date(session.startsAt.getTime() + 120_000);
      expect((await checkIn(atHome.session, code)).status).toBe(400);

      // Provisional: nothing completed, nothing issued.
      expect((await myEnrollments(world, present.session))[0].status).not.toBe('completed');
      expect(await myCertificates(present.session)).toHaveLength(0);

      const rejected = await post(
        session.facilitator,
        `/api/v1/live-sessions/${session.id}/check-ins/${atHome.memberId}/reject`,
      );
      expect(rejected.status).toBe(204);
      const closed = await post(session.facilitator, `/api/v1/live-sessions/${session.id}/roster/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.confirmed).toHaveLength(1);
      expect(closed.body.confirmed[0]).toMatchObject({
        memberId: present.memberId,
        attended: true,
        completedEnrollmentIds: [present.enrollmentId],
      });
      const [certificate] = await myCertificates(present.session);
      expect(certificate).toMatchObject({
        id: closed.body.confirmed[0].certificateId,
        earnedIn: 'live_session',
        liveSessionId: session.id,
      });
      expect(await myCertificates(atHome.session)).toHaveLength(0);
      expect((await myEnrollments(world, atHome.session))[0].status).not.toBe('completed');

      expect((await checkIn(atHome.session, code)).status).toBe(409);
      expect(
        (await post(session.facilitator, `/api/v1/live-sessions/${session.id}/roster/close`)).status,
      ).toBe(409);
    });

    it('answers 429 after 5 attempts a minute', async () => {
      const session = await schedule();
      const learner = await registeredLearner(session);
      now = session.startsAt;
      const code = (await post(educator, `/api/v1/live-sessions/${session.id}/check-in-code`)).body
        .code as string;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push(
          (
            await post(learner.session, `/api/v1/live-sessions/${session.id}/check-in`, {
              code: otherCode(code),
            })
          ).status,
        );
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      const limited = await post(learner.session, `/api/v1/live-sessions/${session.id}/check-in`, { code });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toEqual(expect.any(String));
    });
  });

  it("defers the certificate until the learner's evaluation when the course requires one, then marks it earned in the session", async () => {
    const session = await schedule();
    const learner = await registeredLearner(session);
    now = new Date(session.startsAt.getTime() + 10 * MINUTE);
    const res = await mark(session.facilitator, session, learner.memberId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      completedEnrollmentIds: [learner.enrollmentId],
      certificateId: null,
      evaluationRequired: true,
    });
    const [enrollment] = await myEnrollments(world, learner.session);
    expect(enrollment.status).toBe('completed');
    expect(await myCertificates(learner.session)).toHaveLength(0);

    // Marking again changes nothing; the evaluation, a day later, issues the certificate dated at the attendance.
    expect((await mark(session.facilitator, session, learner.memberId)).body.certificateId).toBeNull();
    now = new Date(now.getTime() + DAY);
    const given = await evaluationRequest(world, learner.session, learner.enrollmentId);
    expect(given.status).toBe(200);
    const certificates = await myCertificates(learner.session);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      id: given.body.certificateId,
      earnedIn: 'live_session',
      liveSessionId: session.id,
      timeSpentMinutes: 120,
    });
    expect((await mark(session.facilitator, session, learner.memberId, false)).status).toBe(409);
  });

  it('answers 400 naming memberId for a member not registered, and 409 in a cancelled session', async () => {
    const session = await schedule();
    const stranger = await world.addMember(org, ['learner']);
    const foreigner = await world.addMember(other, ['learner']);
    now = session.startsAt;
    for (const memberId of [stranger.memberId, foreigner.memberId]) {
      const res = await mark(educator, session, memberId);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'memberId', message: expect.any(String) }]);
    }
    const bad = await post(educator, `/api/v1/live-sessions/${session.id}/attendance`, {
      memberId: 'nope',
      attended: 'yes',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'attended',
      'memberId',
    ]);

    now = null;
    const learner = await registeredLearner(session);
    expect((await post(educator, `/api/v1/live-sessions/${session.id}/cancel`)).status).toBe(200);
    now = session.startsAt;
    const cancelled = await mark(educator, session, learner.memberId);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.detail).toContain('cancelled');
  });

  it("lets the session's own facilitator mark (200); another facilitator and another organization's staff get 404, a learner 403", async () => {
    const session = await schedule();
    const learner = await registeredLearner(session);
    const stranger = await world.addPlatformStaff(['facilitator'], 'Fran Elsewhere');
    const platform = await world.platformAdmin();
    now = session.startsAt;

    expect((await mark(stranger, session, learner.memberId)).status).toBe(404);
    expect((await mark(other.admin, session, learner.memberId)).status).toBe(404);
    expect((await mark(learner.session, session, learner.memberId)).status).toBe(403);
    expect((await mark(platform, session, learner.memberId)).status).toBe(403);
    const [line] = await world.ownerQuery<{ attended_at: Date | null }>(
      'SELECT attended_at FROM session_registrations WHERE session_id = $1 AND member_id = $2',
      [session.id, learner.memberId],
    );
    expect(line.attended_at).toBeNull();

    const res = await mark(session.facilitator, session, learner.memberId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ attended: true });
  });
});
