import { Queue } from 'bullmq';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import {
  Answer,
  AnswerKey,
  certificateOf,
  completeModules,
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  loadAnswerKey,
  onlyEnrollment,
  rightAnswers,
  startAttempt,
  submitAttempt,
} from '../support/learning';
import { tokenFrom } from '../support/mail-sink';
import { insertNotification } from '../support/outbox-rows';
import { bearer, PASSWORD, PLATFORM_ADMIN, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// The project-level testTimeout in jest.config.js does not reach hooks under Jest 30: set it here.
jest.setTimeout(60_000);

/**
 * Who may call what: every endpoint of the app × every kind of caller, each pair its own test with the exact
 * status. The table below is the single list of endpoints; the OpenAPI checks at the end use the same table, and
 * fail when the app grows an operation the table does not cover.
 */

const ACTORS = [
  'anonymous',
  'platform_admin',
  'facilitator',
  'org_admin',
  'educator',
  'manager',
  'learner',
] as const;
type ActorName = (typeof ACTORS)[number];
type SignedInActor = Exclude<ActorName, 'anonymous'>;

type Method = 'get' | 'post' | 'patch' | 'delete';

interface Call {
  path: string;
  body?: Record<string, unknown>;
  /** A non-JSON body (sent with `contentType`). */
  text?: { contentType: string; content: string };
}

interface EndpointSpec {
  method: Method;
  /** The path as OpenAPI names it (`{id}` for path parameters). */
  path: string;
  /** The success status of an allowed caller. */
  success: number;
  /** `public`: anyone, a token or not; `signed-in`: any authenticated person; otherwise the actors allowed. */
  allowed: 'public' | 'signed-in' | readonly SignedInActor[];
  /**
   * What a signed-in caller who is not allowed gets: 403 (the role may not do this), or 404 where the row is
   * simply not theirs (an enrollment of somebody else, a certificate they may not see).
   */
  refusal?: 403 | 404;
  /** Builds the concrete request for this actor, creating fresh target rows where the call consumes them. */
  prepare?: (actor: ActorName) => Promise<Call>;
  /** Checks the effect (or, for a refused call, that nothing happened). */
  verify?: (res: Response, allowed: boolean, call: Call, actor: ActorName) => Promise<void>;
}

const REFUSAL_TITLES: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

const PLATFORM_ONLY = ['platform_admin'] as const;
const WRITE = ['org_admin', 'educator'] as const;
const READ = ['org_admin', 'educator', 'manager'] as const;
/** The enrollment's own learner: the matrix's learner is the one enrolled in every enrollment these cases use. */
const ENROLLED_LEARNER = ['learner'] as const;
/** A certificate: its learner, and the organization's org_admins and educators. */
const CERTIFICATE_READERS = ['learner', 'org_admin', 'educator'] as const;

interface Fixtures {
  org: TestOrganization;
  sessions: Record<SignedInActor, Session>;
  siteId: string;
  departmentId: string;
  memberId: string;
  loginEmail: string;
  courseId: string;
  moduleIds: string[];
  /** question id -> id of its correct choice, from the platform question bank. */
  answerKey: AnswerKey;
  /** Only the matrix's learner works here: a cohort targeting it enrolls exactly them. */
  learnerDepartmentId: string;
  /** Only a member without a login works here. */
  staffDepartmentId: string;
  /** A cohort targeting the learner's department (read-only cases). */
  cohortId: string;
  /** The learner's certificate (read-only cases). */
  certificate: { id: string; verificationCode: string };
}

interface OpenAttempt {
  enrollmentId: string;
  attemptId: string;
  answers: Answer[];
}

describe('access matrix: every endpoint × every role', () => {
  let world: TestApp;
  const fx = {} as Fixtures;

  const admin = () => fx.org.admin;
  const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

  async function asAdmin(method: Method, path: string, body?: Record<string, unknown>): Promise<Response> {
    const req = world
      .http()
      [method](path)
      .set(...bearer(admin()));
    return body ? req.send(body) : req;
  }

  const freshSite = () => createSite(world, admin(), unique('Site'));

  const freshDepartment = () => createDepartment(world, admin(), fx.siteId, unique('Department'));

  /** A new training request written by the owner: the public form's per-IP limit is not this suite's subject. */
  async function freshTrainingRequest(): Promise<string> {
    const [row] = await world.ownerQuery<{ id: string }>(
      `INSERT INTO training_requests (status, organization_name, contact_name, email, setting, format, locale)
       VALUES ('new', $1, 'Casey Contact', $2, 'both', 'either', 'en') RETURNING id`,
      [unique('Clinic'), world.email('requester')],
    );
    return row.id;
  }

  /** A member with no login yet (invite: false), so no mail is involved. */
  async function freshMember(): Promise<string> {
    const res = await asAdmin('post', '/api/v1/members', {
      email: world.email('target'),
      name: 'Target Person',
      roles: ['learner'],
      invite: false,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function freshRefreshToken(): Promise<string> {
    return (await world.login(fx.loginEmail)).refreshToken;
  }

  async function freshCohort(departmentId = fx.departmentId): Promise<string> {
    const cohort = await createCohort(world, admin(), {
      name: unique('Cohort'),
      courseId: fx.courseId,
      target: { departmentIds: [departmentId] },
    });
    return cohort.id;
  }

  /** A new enrollment of the one person working in the department (through a fresh cohort targeting it). */
  async function freshEnrollment(departmentId: string): Promise<string> {
    return onlyEnrollment(world, admin(), await freshCohort(departmentId));
  }

  /** A fresh enrollment of the matrix's learner, every module completed by them. */
  async function enrollmentReadyForAssessment(): Promise<string> {
    const enrollmentId = await freshEnrollment(fx.learnerDepartmentId);
    await completeModules(world, fx.sessions.learner, enrollmentId, fx.moduleIds);
    return enrollmentId;
  }

  /** A fresh enrollment of the learner with an open attempt, and the answers that pass it. */
  async function freshOpenAttempt(): Promise<OpenAttempt> {
    const enrollmentId = await enrollmentReadyForAssessment();
    const attempt = await startAttempt(world, fx.sessions.learner, enrollmentId);
    return { enrollmentId, attemptId: attempt.attemptId, answers: rightAnswers(attempt, fx.answerKey) };
  }

  /** A fresh enrollment of the learner, passed; HT-101 then waits for the evaluation before its certificate. */
  async function freshPassedEnrollment(): Promise<string> {
    const attempt = await freshOpenAttempt();
    const result = await submitAttempt(
      world,
      fx.sessions.learner,
      attempt.enrollmentId,
      attempt.attemptId,
      attempt.answers,
    );
    expect(result).toMatchObject({ passed: true, evaluationRequired: true, certificateId: null });
    return attempt.enrollmentId;
  }

  /** A new certificate of the learner: they pass a fresh enrollment's assessment. */
  async function freshCertificate(): Promise<{ id: string; verificationCode: string }> {
    const attempt = await freshOpenAttempt();
    const result = await certificateOf(
      world,
      fx.sessions.learner,
      attempt.enrollmentId,
      await submitAttempt(
        world,
        fx.sessions.learner,
        attempt.enrollmentId,
        attempt.attemptId,
        attempt.answers,
      ),
    );
    expect(result).toMatchObject({ passed: true, certificateId: expect.any(String) });
    const certificate = await asAdmin('get', `/api/v1/certificates/${result.certificateId}`);
    expect(certificate.status).toBe(200);
    return {
      id: certificate.body.id as string,
      verificationCode: certificate.body.verificationCode as string,
    };
  }

  /**
   * A report of the actor's own where they may request one (a manager sees only theirs), else of the admin; once
   * `ready`, its file is there to download.
   */
  async function freshReport(actor: ActorName, ready = false): Promise<string> {
    const session = (READ as readonly string[]).includes(actor)
      ? fx.sessions[actor as SignedInActor]
      : admin();
    const res = await world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(session))
      .send({ type: 'overdue', format: 'csv' });
    expect(res.status).toBe(202);
    if (ready)
      await until(
        `report ${res.body.id} is ready`,
        async () => (await asAdmin('get', `/api/v1/reports/${res.body.id}`)).body.status === 'ready',
        20_000,
      );
    return res.body.id as string;
  }

  /** A report schedule of the actor's own where they may schedule (a manager sees only theirs), else of the admin. */
  async function freshSchedule(actor: ActorName): Promise<string> {
    const session = (READ as readonly string[]).includes(actor)
      ? fx.sessions[actor as SignedInActor]
      : admin();
    const res = await world
      .http()
      .post('/api/v1/report-schedules')
      .set(...bearer(session))
      .send({ type: 'overdue', frequency: 'weekly', recipients: [session.user.email] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const scheduleCount = async (id: string) =>
    (await world.ownerQuery('SELECT id FROM report_schedules WHERE id = $1', [id])).length;

  /** Each live session of the matrix on a day of its own, so its facilitator is never double-booked. */
  let sessionDay = 10;
  function nextSessionBody(): Record<string, unknown> {
    sessionDay += 1;
    const startsAt = new Date(Date.now() + sessionDay * 24 * 60 * 60 * 1000);
    startsAt.setUTCHours(15, 0, 0, 0);
    return {
      courseId: fx.courseId,
      siteId: fx.siteId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      timezone: 'America/Chicago',
      location: 'Matrix room',
      capacity: 5,
      facilitatorIds: [fx.sessions.facilitator.user.id],
      organizationId: fx.org.id,
    };
  }

  /** A live session of the organization, the matrix's facilitator assigned to it. */
  async function freshLiveSession(): Promise<string> {
    const res = await asAdmin('post', '/api/v1/live-sessions', nextSessionBody());
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** The Clock, moved to a session's start by the attendance cases until their call is verified. */
  let attendanceClock: jest.SpyInstance | null = null;

  /** A fresh session of the organization, the Clock at its start (attendance is open); `memberId` registered. */
  async function sessionUnderway(memberId: string | null = null): Promise<string> {
    const body = nextSessionBody();
    const created = await asAdmin('post', '/api/v1/live-sessions', body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    if (memberId)
      expect((await asAdmin('post', `/api/v1/live-sessions/${id}/registrations`, { memberId })).status).toBe(
        201,
      );
    attendanceClock?.mockRestore();
    attendanceClock = jest
      .spyOn(world.app.get(Clock), 'now')
      .mockReturnValue(new Date(body.startsAt as string));
    return id;
  }

  function restoreClock(): void {
    attendanceClock?.mockRestore();
    attendanceClock = null;
  }

  const sessionColumn = async (id: string, column: string) =>
    (
      await world.ownerQuery<Record<string, unknown>>(
        `SELECT ${column} AS value FROM live_sessions WHERE id = $1`,
        [id],
      )
    )[0].value;
  const registrationColumn = async (id: string, memberId: string, column: string) =>
    (
      await world.ownerQuery<Record<string, unknown>>(
        `SELECT ${column} AS value FROM session_registrations WHERE session_id = $1 AND member_id = $2`,
        [id, memberId],
      )
    )[0].value;

  const registrationsOf = async (sessionId: string) =>
    (await world.ownerQuery('SELECT id FROM session_registrations WHERE session_id = $1', [sessionId]))
      .length;

  async function enrollmentRow(id: string) {
    const [row] = await world.ownerQuery<{ status: string; extra_attempts: number }>(
      'SELECT status, extra_attempts FROM enrollments WHERE id = $1',
      [id],
    );
    return row;
  }

  const ENDPOINTS: EndpointSpec[] = [
    // Health
    { method: 'get', path: '/health/live', success: 200, allowed: 'public' },
    { method: 'get', path: '/health/ready', success: 200, allowed: 'public' },

    // Auth
    {
      method: 'post',
      path: '/api/v1/auth/login',
      success: 200,
      allowed: 'public',
      prepare: async () => ({
        path: '/api/v1/auth/login',
        body: { email: fx.loginEmail, password: PASSWORD },
      }),
      verify: async (res) => expect(res.body.user.email).toBe(fx.loginEmail),
    },
    {
      method: 'post',
      path: '/api/v1/auth/refresh',
      success: 200,
      allowed: 'public',
      prepare: async () => ({
        path: '/api/v1/auth/refresh',
        body: { refreshToken: await freshRefreshToken() },
      }),
      verify: async (res, _allowed, call) => expect(res.body.refreshToken).not.toBe(call.body?.refreshToken),
    },
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      success: 204,
      allowed: 'public',
      prepare: async () => ({
        path: '/api/v1/auth/logout',
        body: { refreshToken: await freshRefreshToken() },
      }),
      verify: async (_res, _allowed, call) => {
        await world.http().post('/api/v1/auth/refresh').send(call.body).expect(401);
      },
    },
    {
      method: 'post',
      path: '/api/v1/auth/switch',
      success: 200,
      allowed: 'signed-in',
      prepare: async () => ({ path: '/api/v1/auth/switch', body: { organizationId: fx.org.id } }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body.organizationId).toBe(fx.org.id);
      },
    },
    {
      method: 'post',
      path: '/api/v1/auth/password',
      success: 204,
      allowed: 'signed-in',
      // Changing to the same password keeps every fixture able to sign in; the current session survives.
      prepare: async () => ({
        path: '/api/v1/auth/password',
        body: { currentPassword: PASSWORD, newPassword: PASSWORD },
      }),
    },
    {
      method: 'post',
      path: '/api/v1/auth/invitations/accept',
      success: 200,
      allowed: 'public',
      prepare: async () => {
        const email = world.email('invitee');
        const res = await asAdmin('post', '/api/v1/members', { email, name: 'Invitee', roles: ['learner'] });
        expect(res.status).toBe(201);
        const token = tokenFrom(await world.mail.waitFor(email));
        return { path: '/api/v1/auth/invitations/accept', body: { token, password: PASSWORD } };
      },
      verify: async (res) => expect(res.body.organizationId).toBe(fx.org.id),
    },
    {
      method: 'post',
      path: '/api/v1/auth/password-reset',
      success: 202,
      allowed: 'public',
      prepare: async () => ({ path: '/api/v1/auth/password-reset', body: { email: world.email('nobody') } }),
    },
    {
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      success: 204,
      allowed: 'public',
      prepare: async () => {
        const { email } = await world.addMember(fx.org, ['learner']);
        await world.http().post('/api/v1/auth/password-reset').send({ email }).expect(202);
        const token = tokenFrom(await world.mail.waitFor(email));
        return { path: '/api/v1/auth/password-reset/confirm', body: { token, password: PASSWORD } };
      },
    },

    // Me
    { method: 'get', path: '/api/v1/me', success: 200, allowed: 'signed-in' },
    {
      method: 'patch',
      path: '/api/v1/me',
      success: 200,
      allowed: 'signed-in',
      prepare: async (actor) => ({ path: '/api/v1/me', body: { name: `${actor} person` } }),
    },

    // Organization settings: every member reads them; platform sessions are bound to no organization.
    {
      method: 'get',
      path: '/api/v1/organization',
      success: 200,
      allowed: ['org_admin', 'educator', 'manager', 'learner'],
      verify: async (res, allowed) => {
        if (allowed) expect(res.body.id).toBe(fx.org.id);
      },
    },
    {
      method: 'patch',
      path: '/api/v1/organization',
      success: 200,
      allowed: ['org_admin'],
      // Each actor asks for its own value, so a refused call is seen to have changed nothing.
      prepare: async (actor) => ({
        path: '/api/v1/organization',
        body: { idleSignOutMinutes: 100 + ACTORS.indexOf(actor) },
      }),
      verify: async (_res, allowed, call) => {
        const [row] = await world.ownerQuery<{ idle_sign_out_minutes: number }>(
          'SELECT idle_sign_out_minutes FROM organizations WHERE id = $1',
          [fx.org.id],
        );
        if (allowed) expect(row.idle_sign_out_minutes).toBe(call.body?.idleSignOutMinutes);
        else expect(row.idle_sign_out_minutes).not.toBe(call.body?.idleSignOutMinutes);
      },
    },

    // Platform
    {
      method: 'post',
      path: '/api/v1/platform/organizations',
      success: 201,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({
        path: '/api/v1/platform/organizations',
        body: {
          name: unique('Org'),
          slug: `org-${randomBytes(4).toString('hex')}`,
          timezone: 'America/Chicago',
          admin: { email: world.email('first-admin'), name: 'First Admin' },
        },
      }),
    },
    { method: 'get', path: '/api/v1/platform/organizations', success: 200, allowed: PLATFORM_ONLY },
    {
      method: 'post',
      path: '/api/v1/platform/users',
      success: 201,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({
        path: '/api/v1/platform/users',
        body: { email: world.email('staff'), name: 'Staff Person', platformRoles: ['facilitator'] },
      }),
    },
    { method: 'get', path: '/api/v1/platform/users', success: 200, allowed: PLATFORM_ONLY },

    // Intake
    {
      method: 'post',
      path: '/api/v1/public/training-requests',
      success: 201,
      allowed: 'public',
      prepare: async () => ({
        path: '/api/v1/public/training-requests',
        body: {
          organizationName: unique('Clinic'),
          contactName: 'Casey Contact',
          email: world.email('requester'),
          setting: 'emergency_department',
          format: 'onsite',
        },
      }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject({ reference: expect.stringMatching(/^TR-\d{4}-\d{6}$/) });
      },
    },
    {
      method: 'get',
      path: '/api/v1/platform/training-requests',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({ path: '/api/v1/platform/training-requests?status=new' }),
    },
    {
      method: 'get',
      path: '/api/v1/platform/training-requests/{id}',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({ path: `/api/v1/platform/training-requests/${await freshTrainingRequest()}` }),
    },
    {
      method: 'patch',
      path: '/api/v1/platform/training-requests/{id}',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({
        path: `/api/v1/platform/training-requests/${await freshTrainingRequest()}`,
        body: { status: 'triaged', note: 'Called back' },
      }),
      verify: async (_res, allowed, call) => {
        const id = call.path.split('/').pop();
        const [row] = await world.ownerQuery<{ status: string }>(
          'SELECT status FROM training_requests WHERE id = $1',
          [id],
        );
        expect(row.status).toBe(allowed ? 'triaged' : 'new');
      },
    },
    {
      method: 'post',
      path: '/api/v1/platform/training-requests/{id}/convert',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({
        path: `/api/v1/platform/training-requests/${await freshTrainingRequest()}/convert`,
        // The draft's own time, years ahead: its default (09:00 in 14 days) could be a time the matrix books.
        body: {
          organizationId: fx.org.id,
          session: { startsAt: '2036-05-05T15:00:00Z', endsAt: '2036-05-05T17:00:00Z' },
        },
      }),
      verify: async (_res, allowed, call) => {
        const [row] = await world.ownerQuery<{ organization_id: string | null }>(
          'SELECT organization_id FROM training_requests WHERE id = $1',
          [call.path.split('/')[5]],
        );
        expect(row.organization_id).toBe(allowed ? fx.org.id : null);
      },
    },

    // Sites
    {
      method: 'post',
      path: '/api/v1/sites',
      success: 201,
      allowed: WRITE,
      prepare: async () => ({ path: '/api/v1/sites', body: { name: unique('Site'), kind: 'hospital' } }),
    },
    { method: 'get', path: '/api/v1/sites', success: 200, allowed: READ },
    {
      method: 'get',
      path: '/api/v1/sites/{id}',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: `/api/v1/sites/${fx.siteId}` }),
    },
    {
      method: 'patch',
      path: '/api/v1/sites/{id}',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/sites/${await freshSite()}`, body: { address: '1 Main St' } }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        expect(after.body.address).toBe(allowed ? '1 Main St' : null);
      },
    },
    {
      method: 'delete',
      path: '/api/v1/sites/{id}',
      success: 204,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/sites/${await freshSite()}` }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        expect(after.body.archived).toBe(allowed);
      },
    },

    // Departments
    {
      method: 'post',
      path: '/api/v1/departments',
      success: 201,
      allowed: WRITE,
      prepare: async () => ({
        path: '/api/v1/departments',
        body: { siteId: fx.siteId, name: unique('Department'), kind: 'emergency' },
      }),
    },
    { method: 'get', path: '/api/v1/departments', success: 200, allowed: READ },
    {
      method: 'get',
      path: '/api/v1/departments/{id}',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: `/api/v1/departments/${fx.departmentId}` }),
    },
    {
      method: 'patch',
      path: '/api/v1/departments/{id}',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({
        path: `/api/v1/departments/${await freshDepartment()}`,
        body: { kind: 'inpatient' },
      }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        expect(after.body.kind).toBe(allowed ? 'inpatient' : 'emergency');
      },
    },
    {
      method: 'delete',
      path: '/api/v1/departments/{id}',
      success: 204,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/departments/${await freshDepartment()}` }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        expect(after.body.archived).toBe(allowed);
      },
    },

    // Members
    {
      method: 'post',
      path: '/api/v1/members',
      success: 201,
      allowed: WRITE,
      prepare: async () => ({
        path: '/api/v1/members',
        body: { email: world.email('new-member'), name: 'New Member', roles: ['learner'], invite: false },
      }),
    },
    { method: 'get', path: '/api/v1/members', success: 200, allowed: READ },
    {
      method: 'get',
      path: '/api/v1/members/{id}',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: `/api/v1/members/${fx.memberId}` }),
    },
    {
      method: 'patch',
      path: '/api/v1/members/{id}',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/members/${await freshMember()}`, body: { jobTitle: 'RN' } }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        expect(after.body.jobTitle).toBe(allowed ? 'RN' : null);
      },
    },
    {
      method: 'post',
      path: '/api/v1/members/{id}/deactivate',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/members/${await freshMember()}/deactivate` }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path.replace(/\/deactivate$/, ''));
        expect(after.body.status).toBe(allowed ? 'deactivated' : 'active');
      },
    },
    {
      method: 'post',
      path: '/api/v1/members/{id}/reactivate',
      success: 200,
      allowed: WRITE,
      prepare: async () => {
        const id = await freshMember();
        expect((await asAdmin('post', `/api/v1/members/${id}/deactivate`)).status).toBe(200);
        return { path: `/api/v1/members/${id}/reactivate` };
      },
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path.replace(/\/reactivate$/, ''));
        expect(after.body.status).toBe(allowed ? 'invited' : 'deactivated');
      },
    },
    {
      method: 'post',
      path: '/api/v1/members/{id}/invite',
      success: 202,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/members/${await freshMember()}/invite` }),
      verify: async (_res, allowed, call) => {
        const member = await asAdmin('get', call.path.replace(/\/invite$/, ''));
        const invitations = await world.ownerQuery(`SELECT id FROM invitations WHERE membership_id = $1`, [
          member.body.id,
        ]);
        expect(invitations).toHaveLength(allowed ? 1 : 0);
      },
    },
    {
      method: 'post',
      path: '/api/v1/members/import',
      success: 200,
      allowed: WRITE,
      // A dry run: the access rule is the same, and nothing is written or mailed.
      prepare: async () => ({
        path: '/api/v1/members/import?dryRun=true',
        text: {
          contentType: 'text/csv',
          content: `email,name\n${world.email('imported')},Imported Person\n`,
        },
      }),
      verify: async (res, allowed, call) => {
        const email = /\n([^,]+),/.exec(call.text?.content ?? '')?.[1];
        if (allowed) expect(res.body).toMatchObject({ created: 1, updated: 0 });
        expect(await world.ownerQuery('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
      },
    },

    // Catalog
    {
      method: 'get',
      path: '/api/v1/courses',
      success: 200,
      allowed: 'signed-in',
      verify: async (res, allowed) => {
        if (!allowed) return;
        expect(res.body.items.map((c: { code: string }) => c.code)).toContain('HT-101');
        expect(JSON.stringify(res.body)).not.toContain('"correct"');
      },
    },
    {
      method: 'get',
      path: '/api/v1/courses/{id}',
      success: 200,
      allowed: 'signed-in',
      prepare: async () => ({ path: `/api/v1/courses/${fx.courseId}` }),
      verify: async (res, allowed) => {
        if (!allowed) return;
        expect(res.body.modules.map((m: { id: string }) => m.id)).toEqual(fx.moduleIds);
        expect(res.body.modules.every((m: { body: unknown }) => typeof m.body === 'string')).toBe(true);
        expect(JSON.stringify(res.body)).not.toContain('"correct"');
      },
    },
    {
      method: 'get',
      path: '/api/v1/platform/courses/{id}/questions',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => ({ path: `/api/v1/platform/courses/${fx.courseId}/questions` }),
      verify: async (res, allowed) => {
        if (!allowed) return;
        expect(res.body.items.length).toBeGreaterThan(0);
        for (const question of res.body.items as Array<{ choices: Array<{ correct: boolean }> }>) {
          expect(question.choices.filter((c) => c.correct)).toHaveLength(1);
        }
      },
    },

    // Cohorts
    {
      method: 'post',
      path: '/api/v1/cohorts',
      success: 201,
      allowed: WRITE,
      prepare: async () => ({
        path: '/api/v1/cohorts',
        body: { name: unique('Cohort'), courseId: fx.courseId, target: { departmentIds: [fx.departmentId] } },
      }),
      verify: async (_res, allowed, call) => {
        const rows = await world.ownerQuery('SELECT id FROM cohorts WHERE name = $1', [call.body?.name]);
        expect(rows).toHaveLength(allowed ? 1 : 0);
      },
    },
    {
      method: 'post',
      path: '/api/v1/cohorts/preview',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({
        path: '/api/v1/cohorts/preview',
        body: { target: { departmentIds: [fx.learnerDepartmentId] } },
      }),
      verify: async (res, allowed) => {
        if (allowed)
          expect(res.body).toEqual({ matching: 1, sample: [{ id: fx.memberId, name: expect.any(String) }] });
      },
    },
    {
      method: 'get',
      path: '/api/v1/cohorts',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: '/api/v1/cohorts?limit=200' }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body.items.map((c: { id: string }) => c.id)).toContain(fx.cohortId);
      },
    },
    {
      method: 'get',
      path: '/api/v1/cohorts/{id}',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: `/api/v1/cohorts/${fx.cohortId}` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject({ id: fx.cohortId, stats: { enrolled: 1 } });
      },
    },
    {
      method: 'patch',
      path: '/api/v1/cohorts/{id}',
      success: 200,
      allowed: WRITE,
      prepare: async (actor) => ({
        path: `/api/v1/cohorts/${await freshCohort()}`,
        body: { name: `Renamed by ${actor}` },
      }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path);
        if (allowed) expect(after.body.name).toBe(call.body?.name);
        else expect(after.body.name).toMatch(/^Cohort /);
      },
    },
    {
      method: 'post',
      path: '/api/v1/cohorts/{id}/archive',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({ path: `/api/v1/cohorts/${await freshCohort()}/archive` }),
      verify: async (_res, allowed, call) => {
        const after = await asAdmin('get', call.path.replace(/\/archive$/, ''));
        expect(after.body.archived).toBe(allowed);
      },
    },
    {
      method: 'get',
      path: '/api/v1/cohorts/{id}/enrollments',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: `/api/v1/cohorts/${fx.cohortId}/enrollments` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body.items).toEqual([expect.objectContaining({ memberId: fx.memberId })]);
      },
    },

    // The team view: a manager reads their reporting chain (the learner alone), staff the whole organization
    {
      method: 'get',
      path: '/api/v1/team/enrollments',
      success: 200,
      allowed: READ,
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        const members = new Set((res.body.items as Array<{ memberId: string }>).map((item) => item.memberId));
        if (actor === 'manager') expect([...members]).toEqual([fx.memberId]);
        else expect(members.has(fx.memberId)).toBe(true);
      },
    },

    // State training requirements: platform reference data, read by the organization's staff
    {
      method: 'get',
      path: '/api/v1/compliance/requirements',
      success: 200,
      allowed: READ,
      verify: async (res, allowed) => {
        if (allowed) expect(res.body.items.some((item: { state: string }) => item.state === 'TX')).toBe(true);
      },
    },

    // The compliance dashboard: a manager counts their reporting chain (the learner alone), staff the organization
    {
      method: 'get',
      path: '/api/v1/compliance/summary',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: '/api/v1/compliance/summary?groupBy=department' }),
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        const groups = res.body.groups as Array<{ id: string | null; enrolled: number }>;
        const learnerGroup = groups.find((group) => group.id === fx.learnerDepartmentId);
        expect(learnerGroup?.enrolled).toBeGreaterThan(0);
        if (actor === 'manager') expect(groups.map((group) => group.id)).toEqual([fx.learnerDepartmentId]);
        else expect(res.body.totals.enrolled).toBeGreaterThanOrEqual(learnerGroup?.enrolled ?? 1);
      },
    },
    {
      method: 'get',
      path: '/api/v1/compliance/trend',
      success: 200,
      allowed: READ,
      prepare: async () => ({ path: '/api/v1/compliance/trend?from=2026-01-05&to=2026-01-18&interval=week' }),
      verify: async (res, allowed) => {
        if (allowed)
          expect(res.body).toMatchObject({
            items: [{ periodStart: '2026-01-05' }, { periodStart: '2026-01-12' }],
            nextCursor: null,
          });
      },
    },
    // Report exports: requested by staff and managers; a manager's report is theirs alone (see reports.e2e-spec)
    {
      method: 'post',
      path: '/api/v1/reports',
      success: 202,
      allowed: READ,
      prepare: async () => ({ path: '/api/v1/reports', body: { type: 'overdue', format: 'csv' } }),
      verify: async (res, allowed, _call, actor) => {
        if (allowed)
          expect(res.body).toMatchObject({
            status: 'queued',
            type: 'overdue',
            scope: actor === 'manager' ? 'reporting_chain' : 'organization',
          });
      },
    },
    {
      method: 'get',
      path: '/api/v1/reports',
      success: 200,
      allowed: READ,
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
      },
    },
    {
      method: 'get',
      path: '/api/v1/reports/{id}',
      success: 200,
      allowed: READ,
      prepare: async (actor) => ({ path: `/api/v1/reports/${await freshReport(actor)}` }),
      verify: async (res, allowed, call) => {
        if (allowed) expect(res.body.id).toBe(call.path.split('/')[4]);
      },
    },
    {
      method: 'get',
      path: '/api/v1/reports/{id}/download',
      success: 200,
      allowed: READ,
      prepare: async (actor) => ({ path: `/api/v1/reports/${await freshReport(actor, true)}/download` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      },
    },
    // Report schedules: as reports; a manager's schedule is theirs alone (see report-schedules.e2e-spec)
    {
      method: 'post',
      path: '/api/v1/report-schedules',
      success: 201,
      allowed: READ,
      prepare: async () => ({
        path: '/api/v1/report-schedules',
        body: { type: 'overdue', frequency: 'monthly', recipients: [admin().user.email] },
      }),
      verify: async (res, allowed, _call, actor) => {
        if (allowed)
          expect(res.body).toMatchObject({
            frequency: 'monthly',
            format: 'xlsx',
            recipients: [admin().user.email],
            scope: actor === 'manager' ? 'reporting_chain' : 'organization',
          });
      },
    },
    {
      method: 'get',
      path: '/api/v1/report-schedules',
      success: 200,
      allowed: READ,
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
      },
    },
    {
      method: 'get',
      path: '/api/v1/report-schedules/recipients',
      success: 200,
      allowed: READ,
      verify: async (res, allowed) => {
        if (!allowed) return;
        const emails = (res.body.items as Array<{ email: string }>).map((item) => item.email);
        expect(emails).toContain(admin().user.email);
        expect(emails).not.toContain(fx.sessions.learner.user.email);
      },
    },
    {
      method: 'get',
      path: '/api/v1/report-schedules/{id}',
      success: 200,
      allowed: READ,
      prepare: async (actor) => ({ path: `/api/v1/report-schedules/${await freshSchedule(actor)}` }),
      verify: async (res, allowed, call) => {
        if (allowed) expect(res.body.id).toBe(call.path.split('/')[4]);
      },
    },
    {
      method: 'patch',
      path: '/api/v1/report-schedules/{id}',
      success: 200,
      allowed: READ,
      prepare: async (actor) => ({
        path: `/api/v1/report-schedules/${await freshSchedule(actor)}`,
        body: { active: false },
      }),
      verify: async (res, allowed, call) => {
        const [row] = await world.ownerQuery<{ active: boolean }>(
          'SELECT active FROM report_schedules WHERE id = $1',
          [call.path.split('/')[4]],
        );
        expect(row.active).toBe(!allowed);
        if (allowed) expect(res.body).toMatchObject({ active: false, nextRunAt: null });
      },
    },
    {
      method: 'delete',
      path: '/api/v1/report-schedules/{id}',
      success: 204,
      allowed: READ,
      prepare: async (actor) => ({ path: `/api/v1/report-schedules/${await freshSchedule(actor)}` }),
      verify: async (_res, allowed, call) => {
        expect(await scheduleCount(call.path.split('/')[4])).toBe(allowed ? 0 : 1);
      },
    },
    {
      method: 'get',
      path: '/api/v1/compliance/requirement-gaps',
      success: 200,
      allowed: READ,
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
        const members = (res.body.items as Array<{ member: { id: string } }>).map((item) => item.member.id);
        if (actor === 'manager') expect(members.every((id) => id === fx.memberId)).toBe(true);
      },
    },

    // Live sessions: scheduled by org_admins, educators and platform admins; read by every member, by a platform
    // admin, and by the facilitator assigned (the matrix's facilitator is assigned to every session here)
    {
      method: 'get',
      path: '/api/v1/facilitators',
      success: 200,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      verify: async (res, allowed) => {
        if (allowed)
          expect(res.body.items).toContainEqual({
            id: fx.sessions.facilitator.user.id,
            name: expect.any(String),
          });
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions',
      success: 201,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      prepare: async () => ({ path: '/api/v1/live-sessions', body: nextSessionBody() }),
      verify: async (res, allowed, call) => {
        const stored = await world.ownerQuery('SELECT id FROM live_sessions WHERE starts_at = $1', [
          call.body?.startsAt,
        ]);
        expect(stored).toHaveLength(allowed ? 1 : 0);
        if (allowed) expect(res.body.organizationId).toBe(fx.org.id);
      },
    },
    {
      method: 'get',
      path: '/api/v1/live-sessions',
      success: 200,
      allowed: 'signed-in',
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
      },
    },
    {
      method: 'get',
      path: '/api/v1/live-sessions/{id}',
      success: 200,
      allowed: 'signed-in',
      prepare: async () => ({ path: `/api/v1/live-sessions/${await freshLiveSession()}` }),
      verify: async (res, allowed, call) => {
        if (allowed)
          expect(res.body).toMatchObject({
            id: call.path.split('/')[4],
            registeredCount: 0,
            waitlistCount: 0,
          });
      },
    },
    {
      method: 'get',
      path: '/api/v1/live-sessions/{id}/ics',
      success: 200,
      allowed: 'signed-in',
      prepare: async () => ({ path: `/api/v1/live-sessions/${await freshLiveSession()}/ics` }),
      verify: async (res, allowed, call) => {
        if (!allowed) return;
        expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
        expect(res.text).toContain(`UID:${call.path.split('/')[4]}@beacon.test`);
      },
    },
    {
      method: 'get',
      path: '/api/v1/live-sessions/conflicts',
      success: 200,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      prepare: async (actor) => {
        const { startsAt, endsAt } = nextSessionBody() as { startsAt: string; endsAt: string };
        const query = new URLSearchParams({
          facilitatorIds: fx.sessions.facilitator.user.id,
          startsAt,
          endsAt,
        });
        // A platform admin's token names no organization: they say which one they schedule for.
        if (actor === 'platform_admin') query.set('organizationId', fx.org.id);
        return { path: `/api/v1/live-sessions/conflicts?${query.toString()}` };
      },
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toEqual({ items: [], nextCursor: null });
      },
    },
    {
      method: 'patch',
      path: '/api/v1/live-sessions/{id}',
      success: 200,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      prepare: async () => ({
        path: `/api/v1/live-sessions/${await freshLiveSession()}`,
        body: { location: 'Moved room' },
      }),
      verify: async (_res, allowed, call) => {
        const [row] = await world.ownerQuery<{ location: string }>(
          'SELECT location FROM live_sessions WHERE id = $1',
          [call.path.split('/')[4]],
        );
        expect(row.location).toBe(allowed ? 'Moved room' : 'Matrix room');
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/publish',
      success: 200,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      prepare: async () => {
        // A draft as converting a request leaves it: its facilitators' time not held.
        const id = await freshLiveSession();
        await world.ownerQuery(`UPDATE live_sessions SET status = 'draft' WHERE id = $1;`, [id]);
        await world.ownerQuery('UPDATE session_facilitators SET active = false WHERE session_id = $1', [id]);
        return { path: `/api/v1/live-sessions/${id}/publish` };
      },
      verify: async (_res, allowed, call) => {
        const [row] = await world.ownerQuery<{ status: string }>(
          'SELECT status FROM live_sessions WHERE id = $1',
          [call.path.split('/')[4]],
        );
        expect(row.status).toBe(allowed ? 'scheduled' : 'draft');
      },
    },
    {
      method: 'get',
      path: '/api/v1/live-sessions/{id}/roster',
      success: 200,
      allowed: ['platform_admin', 'facilitator', 'org_admin', 'educator'],
      prepare: async () => ({ path: `/api/v1/live-sessions/${await freshLiveSession()}/roster` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject({ items: [], rosterClosedAt: null });
      },
    },
    {
      method: 'get',
      path: '/api/v1/me/live-sessions/{id}/registration',
      success: 200,
      allowed: ['org_admin', 'educator', 'manager', 'learner'],
      prepare: async () => ({ path: `/api/v1/me/live-sessions/${await freshLiveSession()}/registration` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject({ status: null });
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/cancel',
      success: 200,
      allowed: ['platform_admin', 'org_admin', 'educator'],
      prepare: async () => ({ path: `/api/v1/live-sessions/${await freshLiveSession()}/cancel` }),
      verify: async (_res, allowed, call) => {
        const [row] = await world.ownerQuery<{ status: string }>(
          'SELECT status FROM live_sessions WHERE id = $1',
          [call.path.split('/')[4]],
        );
        expect(row.status).toBe(allowed ? 'cancelled' : 'scheduled');
      },
    },
    {
      method: 'get',
      path: '/api/v1/me/live-sessions',
      success: 200,
      allowed: 'signed-in',
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
        // The matrix's facilitator is assigned to every session the matrix schedules.
        if (actor === 'facilitator') expect(res.body.items.length).toBeGreaterThan(0);
      },
    },
    // The matrix's learner is registered: by themselves or by staff; a manager or facilitator may not.
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/registrations',
      success: 201,
      allowed: ['platform_admin', 'org_admin', 'educator', 'learner'],
      prepare: async () => ({
        path: `/api/v1/live-sessions/${await freshLiveSession()}/registrations`,
        body: { memberId: fx.memberId },
      }),
      verify: async (res, allowed, call) => {
        expect(await registrationsOf(call.path.split('/')[4])).toBe(allowed ? 1 : 0);
        if (allowed) expect(res.body).toMatchObject({ memberId: fx.memberId, status: 'registered' });
      },
    },
    {
      method: 'delete',
      path: '/api/v1/live-sessions/{id}/registrations/{memberId}',
      success: 204,
      allowed: ['platform_admin', 'org_admin', 'educator', 'learner'],
      prepare: async () => {
        const id = await freshLiveSession();
        const res = await asAdmin('post', `/api/v1/live-sessions/${id}/registrations`, {
          memberId: fx.memberId,
        });
        expect(res.status).toBe(201);
        return { path: `/api/v1/live-sessions/${id}/registrations/${fx.memberId}` };
      },
      verify: async (_res, allowed, call) => {
        expect(await registrationsOf(call.path.split('/')[4])).toBe(allowed ? 0 : 1);
      },
    },

    // Attendance: a fresh member with no enrollment (no credit side effects), registered; the Clock moved to the
    // start, when attendance is open, until the call is verified.
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/attendance',
      success: 200,
      allowed: ['facilitator', 'org_admin', 'educator'],
      prepare: async () => {
        const member = await asAdmin('post', '/api/v1/members', {
          email: world.email('attendee'),
          name: unique('Attendee'),
          roles: ['learner'],
          invite: false,
        });
        expect(member.status).toBe(201);
        const memberId = member.body.id as string;
        const id = await sessionUnderway(memberId);
        return { path: `/api/v1/live-sessions/${id}/attendance`, body: { memberId, attended: true } };
      },
      verify: async (res, allowed, call) => {
        restoreClock();
        const [line] = await world.ownerQuery<{ attended_at: Date | null }>(
          'SELECT attended_at FROM session_registrations WHERE session_id = $1 AND member_id = $2',
          [call.path.split('/')[4], call.body?.memberId],
        );
        expect(line.attended_at !== null).toBe(allowed);
        if (allowed) expect(res.body).toMatchObject({ attended: true, certificateId: null });
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/check-in-code',
      success: 200,
      allowed: ['facilitator', 'org_admin', 'educator'],
      prepare: async () => ({ path: `/api/v1/live-sessions/${await sessionUnderway()}/check-in-code` }),
      verify: async (res, allowed, call) => {
        restoreClock();
        expect((await sessionColumn(call.path.split('/')[4], 'check_in_secret')) !== null).toBe(allowed);
        if (allowed) expect(res.body.code).toMatch(/^\d{6}$/);
      },
    },
    // Only a member registered for the session checks in: the matrix's learner is; staff of the organization are not.
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/check-in',
      success: 200,
      allowed: ['learner'],
      prepare: async () => {
        const id = await sessionUnderway(fx.memberId);
        const opened = await asAdmin('post', `/api/v1/live-sessions/${id}/check-in-code`);
        expect(opened.status).toBe(200);
        return { path: `/api/v1/live-sessions/${id}/check-in`, body: { code: opened.body.code } };
      },
      verify: async (res, allowed, call) => {
        restoreClock();
        const checkedIn = await registrationColumn(call.path.split('/')[4], fx.memberId, 'checked_in_at');
        expect(checkedIn !== null).toBe(allowed);
        if (allowed) expect(res.body).toMatchObject({ memberId: fx.memberId, status: 'provisional' });
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/check-ins/{memberId}/reject',
      success: 204,
      allowed: ['facilitator', 'org_admin', 'educator'],
      prepare: async () => {
        const id = await sessionUnderway(fx.memberId);
        const opened = await asAdmin('post', `/api/v1/live-sessions/${id}/check-in-code`);
        const checkedIn = await world
          .http()
          .post(`/api/v1/live-sessions/${id}/check-in`)
          .set(...bearer(fx.sessions.learner))
          .send({ code: opened.body.code });
        expect(checkedIn.status).toBe(200);
        return { path: `/api/v1/live-sessions/${id}/check-ins/${fx.memberId}/reject` };
      },
      verify: async (_res, allowed, call) => {
        restoreClock();
        const rejected = await registrationColumn(
          call.path.split('/')[4],
          fx.memberId,
          'check_in_rejected_at',
        );
        expect(rejected !== null).toBe(allowed);
      },
    },
    {
      method: 'post',
      path: '/api/v1/live-sessions/{id}/roster/close',
      success: 200,
      allowed: ['facilitator', 'org_admin', 'educator'],
      prepare: async () => ({ path: `/api/v1/live-sessions/${await sessionUnderway()}/roster/close` }),
      verify: async (res, allowed, call) => {
        restoreClock();
        expect((await sessionColumn(call.path.split('/')[4], 'roster_closed_at')) !== null).toBe(allowed);
        if (allowed) expect(res.body.confirmed).toEqual([]);
      },
    },

    // Enrollments: the learner's own, and what educators may do to one
    {
      method: 'get',
      path: '/api/v1/me/enrollments',
      success: 200,
      allowed: 'signed-in',
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        expect(res.body.items.length > 0).toBe(actor === 'learner');
      },
    },
    {
      method: 'get',
      path: '/api/v1/me/enrollments/{id}',
      success: 200,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => ({
        path: `/api/v1/me/enrollments/${await freshEnrollment(fx.learnerDepartmentId)}`,
      }),
      verify: async (res, allowed, call) => {
        if (!allowed) return;
        expect(res.body).toMatchObject({ id: call.path.split('/')[5], modules: expect.any(Array) });
        expect(res.body.modules).toHaveLength(fx.moduleIds.length);
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/modules/{moduleId}/open',
      success: 200,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await freshEnrollment(fx.learnerDepartmentId)}/modules/${fx.moduleIds[0]}/open`,
      }),
      verify: async (res, allowed, call) => {
        const openings = await world.ownerQuery(
          'SELECT opened_at FROM module_openings WHERE enrollment_id = $1',
          [call.path.split('/')[4]],
        );
        expect(openings).toHaveLength(allowed ? 1 : 0);
        if (allowed)
          expect(res.body).toEqual({ openedAt: expect.any(String), completableAt: expect.any(String) });
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/modules/{moduleId}/complete',
      success: 200,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await freshEnrollment(fx.learnerDepartmentId)}/modules/${fx.moduleIds[0]}/complete`,
      }),
      verify: async (res, allowed, call) => {
        const enrollmentId = call.path.split('/')[4];
        const progress = await world.ownerQuery(
          'SELECT module_id FROM module_progress WHERE enrollment_id = $1',
          [enrollmentId],
        );
        expect(progress).toHaveLength(allowed ? 1 : 0);
        if (allowed) expect(res.body).toMatchObject({ id: enrollmentId, progress: { modulesCompleted: 1 } });
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/assessment/attempts',
      success: 201,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await enrollmentReadyForAssessment()}/assessment/attempts`,
      }),
      verify: async (res, allowed, call) => {
        const attempts = await world.ownerQuery(
          'SELECT id FROM assessment_attempts WHERE enrollment_id = $1',
          [call.path.split('/')[4]],
        );
        expect(attempts).toHaveLength(allowed ? 1 : 0);
        if (allowed) expect(JSON.stringify(res.body)).not.toContain('"correct"');
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/assessment/attempts/{attemptId}/submit',
      success: 200,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => {
        const attempt = await freshOpenAttempt();
        return {
          path: `/api/v1/enrollments/${attempt.enrollmentId}/assessment/attempts/${attempt.attemptId}/submit`,
          body: { answers: attempt.answers },
        };
      },
      verify: async (res, allowed, call) => {
        const [attempt] = await world.ownerQuery<{ submitted_at: Date | null }>(
          'SELECT submitted_at FROM assessment_attempts WHERE id = $1',
          [call.path.split('/')[7]],
        );
        expect(attempt.submitted_at !== null).toBe(allowed);
        if (allowed) expect(res.body).toMatchObject({ score: 100, passed: true, evaluationRequired: true });
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/evaluation',
      success: 200,
      allowed: ENROLLED_LEARNER,
      refusal: 404,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await freshPassedEnrollment()}/evaluation`,
        body: { objectivesMet: 4, relevantToPractice: 5, commercialBias: false },
      }),
      verify: async (res, allowed, call) => {
        const enrollmentId = call.path.split('/')[4];
        const evaluations = await world.ownerQuery(
          'SELECT id FROM course_evaluations WHERE enrollment_id = $1',
          [enrollmentId],
        );
        const certificates = await world.ownerQuery<{ id: string }>(
          'SELECT id FROM certificates WHERE enrollment_id = $1',
          [enrollmentId],
        );
        expect(evaluations).toHaveLength(allowed ? 1 : 0);
        expect(certificates).toHaveLength(allowed ? 1 : 0);
        if (allowed) expect(res.body).toEqual({ certificateId: certificates[0].id });
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/assessment/grant-attempts',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await freshEnrollment(fx.staffDepartmentId)}/assessment/grant-attempts`,
        body: { count: 2 },
      }),
      verify: async (_res, allowed, call) => {
        expect((await enrollmentRow(call.path.split('/')[4])).extra_attempts).toBe(allowed ? 2 : 0);
      },
    },
    {
      method: 'post',
      path: '/api/v1/enrollments/{id}/exempt',
      success: 200,
      allowed: WRITE,
      prepare: async () => ({
        path: `/api/v1/enrollments/${await freshEnrollment(fx.staffDepartmentId)}/exempt`,
        body: { reason: 'Completed equivalent training elsewhere' },
      }),
      verify: async (_res, allowed, call) => {
        expect((await enrollmentRow(call.path.split('/')[4])).status).toBe(
          allowed ? 'exempt' : 'not_started',
        );
      },
    },

    // Certificates
    {
      method: 'get',
      path: '/api/v1/me/certificates',
      success: 200,
      allowed: 'signed-in',
      verify: async (res, allowed, _call, actor) => {
        if (!allowed) return;
        const ids = res.body.items.map((c: { id: string }) => c.id);
        expect(ids.includes(fx.certificate.id)).toBe(actor === 'learner');
      },
    },
    {
      method: 'get',
      path: '/api/v1/certificates/{id}',
      success: 200,
      allowed: CERTIFICATE_READERS,
      refusal: 404,
      prepare: async () => ({ path: `/api/v1/certificates/${fx.certificate.id}` }),
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject(fx.certificate);
      },
    },
    {
      method: 'get',
      path: '/api/v1/certificates/{id}/pdf',
      success: 200,
      allowed: CERTIFICATE_READERS,
      refusal: 404,
      prepare: async () => ({ path: `/api/v1/certificates/${fx.certificate.id}/pdf` }),
      verify: async (res, allowed) => {
        if (!allowed) return;
        expect(res.headers['content-type']).toMatch(/^application\/pdf/);
        expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
      },
    },
    {
      method: 'post',
      path: '/api/v1/certificates/{id}/revoke',
      success: 200,
      allowed: ['org_admin'],
      prepare: async () => ({
        path: `/api/v1/certificates/${(await freshCertificate()).id}/revoke`,
        body: { reason: 'Issued in error' },
      }),
      verify: async (_res, allowed, call) => {
        const certificate = await asAdmin('get', call.path.replace(/\/revoke$/, ''));
        expect(certificate.body.revoked).toBe(allowed);
        const check = await world
          .http()
          .get(`/api/v1/public/certificates/${certificate.body.verificationCode}`);
        expect(check.body.valid).toBe(!allowed);
      },
    },
    {
      method: 'get',
      path: '/api/v1/public/certificates/{verificationCode}',
      success: 200,
      allowed: 'public',
      prepare: async () => ({ path: `/api/v1/public/certificates/${fx.certificate.verificationCode}` }),
      verify: async (res) => expect(res.body).toMatchObject({ valid: true, learnerName: expect.any(String) }),
    },

    // Audit and notifications
    { method: 'get', path: '/api/v1/audit-events', success: 200, allowed: ['org_admin'] },
    { method: 'get', path: '/api/v1/notifications', success: 200, allowed: ['org_admin', 'educator'] },
    {
      method: 'post',
      path: '/api/v1/notifications/{id}/retry',
      success: 200,
      allowed: ['org_admin'],
      prepare: async () => {
        const id = await insertNotification(world, fx.org.id, world.email('matrix-failed'), {
          status: 'failed',
          attempts: 8,
          last_error: '451 try again later',
        });
        return { path: `/api/v1/notifications/${id}/retry` };
      },
      verify: async (res, allowed, call) => {
        const id = call.path.split('/')[4];
        const [row] = await world.ownerQuery<{ status: string }>(
          'SELECT status FROM notifications WHERE id = $1',
          [id],
        );
        if (allowed) expect(res.body).toMatchObject({ id, status: 'pending', attempts: 8 });
        else expect(row.status).toBe('failed');
      },
    },

    // Operations
    {
      method: 'post',
      path: '/api/v1/platform/queues/{queue}/jobs/{jobId}/retry',
      success: 200,
      allowed: PLATFORM_ONLY,
      prepare: async () => {
        const queue = new Queue(QueueName.members, {
          connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
          prefix: world.queuePrefix,
        });
        try {
          const job = await queue.add('no-such-job', { organizationId: null }, { attempts: 1 });
          await until('the job failed', async () => (await job.getState()) === 'failed');
          return { path: `/api/v1/platform/queues/${QueueName.members}/jobs/${job.id}/retry` };
        } finally {
          await queue.close();
        }
      },
      verify: async (res, allowed) => {
        if (allowed) expect(res.body).toMatchObject({ queue: QueueName.members, name: 'no-such-job' });
      },
    },
    {
      method: 'get',
      path: '/api/v1/platform/queues',
      success: 200,
      allowed: PLATFORM_ONLY,
      verify: async (res, allowed) => {
        if (!allowed) return;
        const notifications = (
          res.body.items as Array<{ name: string; counts: Record<string, number> }>
        ).find((queue) => queue.name === 'notifications');
        expect(notifications?.counts).toEqual(
          expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }),
        );
      },
    },
  ];

  function isAllowed(spec: EndpointSpec, actor: ActorName): boolean {
    if (spec.allowed === 'public') return true;
    if (actor === 'anonymous') return false;
    if (spec.allowed === 'signed-in') return true;
    return spec.allowed.includes(actor);
  }

  const CASES = ENDPOINTS.flatMap((spec) =>
    ACTORS.map((actor) => {
      const allowed = isAllowed(spec, actor);
      const expected = allowed ? spec.success : actor === 'anonymous' ? 401 : (spec.refusal ?? 403);
      return { endpoint: `${spec.method.toUpperCase()} ${spec.path}`, actor, expected, allowed, spec };
    }),
  );

  beforeAll(async () => {
    world = await TestApp.start();
    fx.org = await world.createOrganization('Matrix Health');
    const platform = await world.platformAdmin();

    const facilitator = await world.addPlatformStaff(['facilitator']);

    const [educator, manager, learner, loginSubject] = await Promise.all(
      [['educator'], ['manager'], ['learner'], ['learner']].map((roles) => world.addMember(fx.org, roles)),
    );
    fx.loginEmail = loginSubject.email;
    fx.sessions = {
      platform_admin: platform,
      facilitator,
      org_admin: fx.org.admin,
      educator: educator.session,
      manager: manager.session,
      learner: learner.session,
    };
    expect(platform.organizationId).toBeNull();
    expect(facilitator.organizationId).toBeNull();
    expect(facilitator.platformRoles).toEqual(['facilitator']);

    // The platform staff also belong to the organization (as learners), so that switching into it is a thing
    // they may do. Their sessions above stay bound to the platform (organizationId null).
    for (const [email, mailCount] of [
      [PLATFORM_ADMIN, 1],
      [facilitator.user.email, 2],
    ] as const) {
      await asAdmin('post', '/api/v1/members', { email, name: 'Platform Person', roles: ['learner'] }).then(
        (res) => expect(res.status).toBe(201),
      );
      await world.acceptInvitation(email, mailCount);
    }

    fx.siteId = await freshSite();
    fx.departmentId = await freshDepartment();
    fx.memberId = learner.memberId;

    // The course, its modules and the answer key (from the platform question bank).
    fx.courseId = (await findHt101(world, admin())).id;
    fx.moduleIds = await courseModuleIds(world, admin(), fx.courseId);
    fx.answerKey = await loadAnswerKey(world, platform, fx.courseId);

    // The learner alone works in one department, reporting to the manager (who reads only their reporting chain);
    // a member without a login alone in another.
    fx.learnerDepartmentId = await freshDepartment();
    await asAdmin('patch', `/api/v1/members/${fx.memberId}`, {
      departmentId: fx.learnerDepartmentId,
      managerId: manager.memberId,
    }).then((res) => expect(res.status).toBe(200));
    fx.staffDepartmentId = await freshDepartment();
    await asAdmin('post', '/api/v1/members', {
      email: world.email('staff-member'),
      name: 'Staff Member',
      roles: ['learner'],
      departmentId: fx.staffDepartmentId,
      invite: false,
    }).then((res) => expect(res.status).toBe(201));

    fx.cohortId = await freshCohort(fx.learnerDepartmentId);
    fx.certificate = await freshCertificate();
  });

  afterAll(async () => {
    await world?.stop();
  });

  it.each(CASES)('$endpoint as $actor answers $expected', async ({ spec, actor, expected, allowed }) => {
    const call: Call = spec.prepare ? await spec.prepare(actor) : { path: spec.path };
    let req = world.http()[spec.method](call.path);
    if (actor !== 'anonymous') req = req.set(...bearer(fx.sessions[actor]));
    if (call.text) req = req.set('Content-Type', call.text.contentType).send(call.text.content);
    const res = await (call.body ? req.send(call.body) : req);

    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
    if (!allowed) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: expected,
        title: REFUSAL_TITLES[expected],
      });
    }
    await spec.verify?.(res, allowed, call, actor);
  });

  it('still knows every actor after the matrix ran (no case ended a fixture session)', async () => {
    for (const actor of ACTORS.filter((a): a is SignedInActor => a !== 'anonymous')) {
      await world
        .http()
        .get('/api/v1/me')
        .set(...bearer(fx.sessions[actor]))
        .expect(200);
    }
  });

  describe('bad tokens', () => {
    const refused = async (authorization: string) => {
      const res = await world.http().get('/api/v1/me').set('Authorization', authorization);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.any(String), title: 'Unauthorized', status: 401 });
      expect(typeof res.body.detail).toBe('string');
    };

    it('answers 401 problem+json to a garbage bearer token', async () => {
      await refused('Bearer this-is-not-a-token');
    });

    it('answers 401 to a well-formed token signed with another secret', async () => {
      const forged = jwt.sign(
        { org: fx.org.id, sid: fx.org.admin.user.id },
        randomBytes(32).toString('hex'),
        { algorithm: 'HS256', subject: fx.org.admin.user.id, issuer: 'beacon', expiresIn: 600 },
      );
      await refused(`Bearer ${forged}`);
    });

    it('answers 401 to an unsigned (alg none) token', async () => {
      const unsigned = jwt.sign({ org: fx.org.id, sid: fx.org.admin.user.id }, '', {
        algorithm: 'none',
        subject: fx.org.admin.user.id,
        issuer: 'beacon',
      });
      await refused(`Bearer ${unsigned}`);
    });

    it('answers 401 to a valid token sent under another scheme', async () => {
      await refused(`Token ${fx.org.admin.accessToken}`);
    });
  });

  describe('an expired access token', () => {
    let shortLived: TestApp;
    let savedEnv: NodeJS.ProcessEnv = {};

    beforeAll(async () => {
      // Booting a world writes its settings into process.env; put the outer world's back afterwards.
      savedEnv = { ...process.env };
      shortLived = await TestApp.start({ env: { ACCESS_TOKEN_TTL: '1s' }, worker: false });
    });

    afterAll(async () => {
      await shortLived?.stop();
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
    });

    it('is refused with 401 problem+json once its lifetime passed, while the session itself lives on', async () => {
      const session = await shortLived.platformAdmin();
      expect(session.accessToken).toEqual(expect.any(String));
      expect((session as Session & { expiresIn: number }).expiresIn).toBe(1);
      // A sleep: the token's lifetime (1 s) running out is the subject.
      await new Promise((resolve) => setTimeout(resolve, 2_100));

      const res = await shortLived
        .http()
        .get('/api/v1/platform/organizations')
        .set(...bearer(session));
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401 });

      // Expiry, not revocation: the refresh token still rotates into a new session.
      const refreshed = await shortLived
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(200);
      expect(refreshed.body.accessToken).not.toBe(session.accessToken);
    });
  });

  describe('the OpenAPI document', () => {
    interface Operation {
      security?: Array<Record<string, string[]>>;
      responses: Record<string, unknown>;
      parameters?: unknown[];
      requestBody?: unknown;
    }
    let paths: Record<string, Record<string, Operation>>;

    beforeAll(async () => {
      const res = await world.http().get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      paths = res.body.paths;
    });

    const operations = ENDPOINTS.map((spec) => ({
      endpoint: `${spec.method.toUpperCase()} ${spec.path}`,
      spec,
    }));

    it.each(operations)('documents $endpoint', ({ spec }) => {
      expect(paths[spec.path]?.[spec.method]).toBeDefined();
      const operation = paths[spec.path][spec.method];
      expect(Object.keys(operation.responses)).toContain(String(spec.success));
      if (spec.allowed !== 'public') {
        expect(operation.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
      // A path id may be unknown (or another organization's, or not theirs): that answer is documented.
      if (spec.path.includes('{')) expect(Object.keys(operation.responses)).toContain('404');
      const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
      if (takesInput) expect(Object.keys(operation.responses)).toContain('400');
    });

    it('lists no operation that the matrix above does not cover', () => {
      const known = new Set(ENDPOINTS.map((spec) => `${spec.method.toUpperCase()} ${spec.path}`));
      const documented = Object.entries(paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.filter((operation) => !known.has(operation))).toEqual([]);
    });
  });
});
