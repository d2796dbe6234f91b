import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { Response } from 'supertest';
import {
  AnswerKey,
  certificateOf,
  completeModules,
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  EVALUATION,
  findHt101,
  loadAnswerKey,
  onlyEnrollment,
  rightAnswers,
  startAttempt,
  submitAttempt,
} from '../support/learning';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks under Jest 30: set it here.
jest.setTimeout(60_000);

/**
 * Two organizations, A and B. Every id-bearing endpoint is tried by B's admin (or, for a learner's own enrollment
 * and certificate, B's learner) with A's ids (404, the same answer as for an id that does not exist) and, in the
 * same test, by A's admin or learner with the same id (success), so a query that silently sees nothing cannot pass
 * for isolation. Below the API, row-level security is checked as the app role.
 */

const PROBLEM = /^application\/problem\+json/;

type Method = 'get' | 'post' | 'patch' | 'delete';

interface Tenant {
  org: TestOrganization;
  admin: Session;
  siteIds: string[];
  departmentIds: string[];
  /** Membership ids. */
  memberIds: string[];
  /** The learner at the first site and department (the only person in that department). */
  learner: Session;
  /** A cohort of the course targeting the learner's department; the learner passed it. */
  cohortId: string;
  enrollmentId: string;
  certificate: { id: string; number: string; verificationCode: string };
}

interface Certificate {
  id: string;
  number: string;
  verificationCode: string;
}

/** Tables whose rows belong to one organization; each must have row-level security enabled and forced. */
const ORGANIZATION_OWNED = [
  'sites',
  'departments',
  'memberships',
  'notifications',
  'audit_events',
  'cohorts',
  'enrollments',
  'module_progress',
  'assessment_attempts',
  'certificates',
  'reporting_managers',
];
/**
 * Platform tables that carry an organization_id but are reached only by primary key or token hash through the
 * platform data layer (DESIGN.md, "Tenancy"). Any other table with an organization_id must be organization-owned.
 */
const PLATFORM_TABLES_WITH_ORGANIZATION_ID = [
  'refresh_tokens',
  'invitations',
  // The public certificate check's lookup index: verification code -> organization, nothing else.
  'certificate_codes',
  // Live session id -> organization, so a platform admin can enter a session's organization.
  'live_session_index',
  // A stranger's training request and its pipeline history belong to the provider; organization_id names the
  // client it was converted for (DESIGN.md, "Tenancy": platform data, read by platform admins only).
  'training_requests',
  'training_request_activity',
];

function pgCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

describe('tenant isolation between two organizations', () => {
  let world: TestApp;
  const A = {} as Tenant;
  const B = {} as Tenant;
  /** A's learner: at site A1, in department A1, reporting to A's manager. */
  let aLearner: { memberId: string; email: string; userId: string };
  let aManagerId: string;
  /** A person who belongs to both organizations (educator in A, learner in B). */
  let both: { email: string; userId: string; aMemberId: string; bMemberId: string };
  /** That person's enrollment and certificate in A (through a cohort of A's educators). */
  let bothInA: { session: Session; enrollmentId: string; certificate: Certificate };
  /** A member of A without a login, alone in A's second department (cohorts targeting it enroll only them). */
  let aStaffMemberId: string;
  let courseId: string;
  let moduleIds: string[];
  /** question id -> its correct choice id, from the platform question bank. */
  let answerKey: AnswerKey;

  const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

  function call(session: Session, method: Method, path: string, body?: object) {
    const req = world
      .http()
      [method](path)
      .set(...bearer(session));
    return body ? req.send(body) : req;
  }

  const newSite = (tenant: Tenant, name = unique('Site')) => createSite(world, tenant.admin, name);

  const newDepartment = (tenant: Tenant, siteId: string) =>
    createDepartment(world, tenant.admin, siteId, unique('Department'));

  async function createMember(tenant: Tenant, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await call(tenant.admin, 'post', '/api/v1/members', {
      email: world.email('member'),
      name: unique('Member'),
      roles: ['learner'],
      invite: false,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  function expectProblem(res: Response, status: number): void {
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
    expect(res.headers['content-type']).toMatch(PROBLEM);
  }

  /** Every value of A's that B must never see: A's row ids, and the ids and emails of people only A has. */
  async function secretsOfA(): Promise<string[]> {
    const rows = await world.ownerQuery<{ value: string }>(
      `SELECT id::text AS value FROM sites WHERE organization_id = $1
       UNION SELECT id::text FROM departments WHERE organization_id = $1
       UNION SELECT id::text FROM memberships WHERE organization_id = $1
       UNION SELECT id::text FROM notifications WHERE organization_id = $1
       UNION SELECT id::text FROM audit_events WHERE organization_id = $1
       UNION SELECT id::text FROM cohorts WHERE organization_id = $1
       UNION SELECT id::text FROM enrollments WHERE organization_id = $1
       UNION SELECT id::text FROM assessment_attempts WHERE organization_id = $1
       UNION SELECT id::text FROM certificates WHERE organization_id = $1
       UNION SELECT number FROM certificates WHERE organization_id = $1
       UNION SELECT verification_code FROM certificates WHERE organization_id = $1
       UNION SELECT u.id::text FROM users u JOIN memberships m ON m.user_id = u.id
              WHERE m.organization_id = $1
                AND NOT EXISTS (SELECT FROM memberships o WHERE o.user_id = u.id AND o.organization_id = $2)
       UNION SELECT u.email::text FROM users u JOIN memberships m ON m.user_id = u.id
              WHERE m.organization_id = $1
                AND NOT EXISTS (SELECT FROM memberships o WHERE o.user_id = u.id AND o.organization_id = $2)
       UNION SELECT $1::text`,
      [A.org.id, B.org.id],
    );
    return rows.map((r) => r.value.toLowerCase());
  }

  async function newCohort(tenant: Tenant, target: Record<string, unknown>): Promise<string> {
    return (await createCohort(world, tenant.admin, { name: unique('Cohort'), courseId, target })).id;
  }

  /** The enrollment of the cohort's only member. */
  const enrollmentOf = (tenant: Tenant, cohortId: string) => onlyEnrollment(world, tenant.admin, cohortId);

  /** A fresh enrollment of the tenant's learner (a new cohort targeting their department). */
  async function learnerEnrollment(tenant: Tenant): Promise<string> {
    return enrollmentOf(tenant, await newCohort(tenant, { departmentIds: [tenant.departmentIds[0]] }));
  }

  const completeAllModules = (session: Session, enrollmentId: string) =>
    completeModules(world, session, enrollmentId, moduleIds);

  /** Completes every module and opens an attempt; returns it with the answers that pass it. */
  async function openAttempt(session: Session, enrollmentId: string) {
    await completeAllModules(session, enrollmentId);
    const attempt = await startAttempt(world, session, enrollmentId);
    return { attemptId: attempt.attemptId, answers: rightAnswers(attempt, answerKey) };
  }

  async function pass(session: Session, enrollmentId: string): Promise<Certificate> {
    const { attemptId, answers } = await openAttempt(session, enrollmentId);
    const result = await certificateOf(
      world,
      session,
      enrollmentId,
      await submitAttempt(world, session, enrollmentId, attemptId, answers),
    );
    expect(result).toMatchObject({ passed: true, certificateId: expect.any(String) });
    const certificate = await call(session, 'get', `/api/v1/certificates/${result.certificateId}`).expect(
      200,
    );
    return {
      id: certificate.body.id as string,
      number: certificate.body.number as string,
      verificationCode: certificate.body.verificationCode as string,
    };
  }

  beforeAll(async () => {
    world = await TestApp.start();
    for (const [tenant, name] of [
      [A, 'Alpha Health'],
      [B, 'Bravo Health'],
    ] as const) {
      tenant.org = await world.createOrganization(name);
      tenant.admin = tenant.org.admin;
      tenant.siteIds = [await newSite(tenant, `${name} North`), await newSite(tenant, `${name} Clinic`)];
      tenant.departmentIds = [
        await newDepartment(tenant, tenant.siteIds[0]),
        await newDepartment(tenant, tenant.siteIds[1]),
      ];
      const manager = await world.addMember(tenant.org, ['manager'], { siteId: tenant.siteIds[0] });
      const learner = await world.addMember(tenant.org, ['learner'], {
        siteId: tenant.siteIds[0],
        departmentId: tenant.departmentIds[0],
        managerId: manager.memberId,
        jobTitle: 'Staff Nurse',
      });
      // The helper gives the admin's session only; their membership id comes from the API.
      const admins = await call(tenant.admin, 'get', '/api/v1/members?role=org_admin').expect(200);
      tenant.memberIds = [admins.body.items[0].id as string, manager.memberId, learner.memberId];
      tenant.learner = learner.session;
      if (tenant === A) {
        aManagerId = manager.memberId;
        aLearner = { memberId: learner.memberId, email: learner.email, userId: learner.session.user.id };
      }
    }

    // Invited for real: A's invitation to this person is one of the rows B must not see.
    const inA = await world.addMember(
      A.org,
      ['educator'],
      { jobTitle: 'Educator in A' },
      { viaInvitation: true },
    );
    const bInvite = await call(B.admin, 'post', '/api/v1/members', {
      email: inA.email,
      name: 'Someone Else Entirely',
      roles: ['learner'],
    }).expect(201);
    await world.acceptInvitation(inA.email, 2);
    both = {
      email: inA.email,
      userId: inA.session.user.id,
      aMemberId: inA.memberId,
      bMemberId: bInvite.body.id as string,
    };

    // Learning: each learner passes the course in their organization, so every learning table has rows in both.
    const platform = await world.platformAdmin();
    courseId = (await findHt101(world, A.admin)).id;
    moduleIds = await courseModuleIds(world, A.admin, courseId);
    answerKey = await loadAnswerKey(world, platform, courseId);
    for (const tenant of [A, B]) {
      tenant.cohortId = await newCohort(tenant, { departmentIds: [tenant.departmentIds[0]] });
      tenant.enrollmentId = await enrollmentOf(tenant, tenant.cohortId);
      tenant.certificate = await pass(tenant.learner, tenant.enrollmentId);
    }
    aStaffMemberId = await createMember(A, { departmentId: A.departmentIds[1] });

    // The person in both organizations learns in A (as A's educator), never in B.
    const educatorsOfA = await newCohort(A, { roles: ['educator'] });
    const bothSessionInA = await world.login(both.email, PASSWORD, A.org.id);
    const bothEnrollment = await enrollmentOf(A, educatorsOfA);
    bothInA = {
      session: bothSessionInA,
      enrollmentId: bothEnrollment,
      certificate: await pass(bothSessionInA, bothEnrollment),
    };
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('an id of A in a path', () => {
    interface PathCase {
      name: string;
      method: Method;
      /** Creates a fresh target in A (so a consuming call leaves the other cases alone) and returns its id. */
      target: () => Promise<string>;
      path: (id: string) => string;
      body?: Record<string, unknown>;
      success: number;
      /** Where A reads the row back. */
      read: (id: string) => string;
      /** What A's successful call changed. */
      effect?: (after: Record<string, unknown>) => void;
    }

    const CASES: PathCase[] = [
      {
        name: 'GET /sites/:id',
        method: 'get',
        target: async () => A.siteIds[0],
        path: (id) => `/api/v1/sites/${id}`,
        success: 200,
        read: (id) => `/api/v1/sites/${id}`,
      },
      {
        name: 'PATCH /sites/:id',
        method: 'patch',
        target: () => newSite(A),
        path: (id) => `/api/v1/sites/${id}`,
        body: { name: unique('Taken Over'), address: 'Somewhere else' },
        success: 200,
        read: (id) => `/api/v1/sites/${id}`,
        effect: (after) => expect(after.address).toBe('Somewhere else'),
      },
      {
        name: 'DELETE /sites/:id',
        method: 'delete',
        target: () => newSite(A),
        path: (id) => `/api/v1/sites/${id}`,
        success: 204,
        read: (id) => `/api/v1/sites/${id}`,
        effect: (after) => expect(after.archived).toBe(true),
      },
      {
        name: 'GET /departments/:id',
        method: 'get',
        target: async () => A.departmentIds[0],
        path: (id) => `/api/v1/departments/${id}`,
        success: 200,
        read: (id) => `/api/v1/departments/${id}`,
      },
      {
        name: 'PATCH /departments/:id',
        method: 'patch',
        target: () => newDepartment(A, A.siteIds[0]),
        path: (id) => `/api/v1/departments/${id}`,
        body: { kind: 'inpatient' },
        success: 200,
        read: (id) => `/api/v1/departments/${id}`,
        effect: (after) => expect(after.kind).toBe('inpatient'),
      },
      {
        name: 'DELETE /departments/:id',
        method: 'delete',
        target: () => newDepartment(A, A.siteIds[0]),
        path: (id) => `/api/v1/departments/${id}`,
        success: 204,
        read: (id) => `/api/v1/departments/${id}`,
        effect: (after) => expect(after.archived).toBe(true),
      },
      {
        name: 'GET /members/:id',
        method: 'get',
        target: async () => aLearner.memberId,
        path: (id) => `/api/v1/members/${id}`,
        success: 200,
        read: (id) => `/api/v1/members/${id}`,
      },
      {
        name: 'PATCH /members/:id',
        method: 'patch',
        target: () => createMember(A, { jobTitle: 'Charge Nurse' }),
        path: (id) => `/api/v1/members/${id}`,
        body: { jobTitle: 'Taken Over', roles: ['educator'] },
        success: 200,
        read: (id) => `/api/v1/members/${id}`,
        effect: (after) => expect(after).toMatchObject({ jobTitle: 'Taken Over', roles: ['educator'] }),
      },
      {
        name: 'POST /members/:id/deactivate',
        method: 'post',
        target: () => createMember(A),
        path: (id) => `/api/v1/members/${id}/deactivate`,
        success: 200,
        read: (id) => `/api/v1/members/${id}`,
        effect: (after) => expect(after.status).toBe('deactivated'),
      },
      {
        name: 'POST /members/:id/invite',
        method: 'post',
        target: () => createMember(A),
        path: (id) => `/api/v1/members/${id}/invite`,
        success: 202,
        read: (id) => `/api/v1/members/${id}`,
      },
      {
        name: 'POST /members/:id/reactivate',
        method: 'post',
        target: async () => {
          const id = await createMember(A);
          await call(A.admin, 'post', `/api/v1/members/${id}/deactivate`).expect(200);
          return id;
        },
        path: (id) => `/api/v1/members/${id}/reactivate`,
        success: 200,
        read: (id) => `/api/v1/members/${id}`,
        effect: (after) => expect(after.status).not.toBe('deactivated'),
      },
    ];

    it.each(CASES)(
      '$name: B gets 404 (as for an unknown id), A gets $success, and the row is untouched by B',
      async ({ method, target, path, body, success, read, effect }) => {
        const id = await target();
        const before = await call(A.admin, 'get', read(id)).expect(200);
        const invitationsBefore = await world.ownerQuery(
          'SELECT id FROM invitations WHERE membership_id::text = $1',
          [id],
        );

        const byB = await call(B.admin, method, path(id), body);
        expectProblem(byB, 404);
        const unknown = await call(B.admin, method, path(randomUUID()), body);
        expect({ status: byB.status, body: byB.body }).toEqual({
          status: unknown.status,
          body: unknown.body,
        });

        // B's attempt changed nothing (and, for an invitation, created and sent nothing).
        const afterB = await call(A.admin, 'get', read(id)).expect(200);
        expect(afterB.body).toEqual(before.body);
        expect(
          await world.ownerQuery('SELECT id FROM invitations WHERE membership_id::text = $1', [id]),
        ).toHaveLength(invitationsBefore.length);

        const byA = await call(A.admin, method, path(id), body);
        expect({ status: byA.status, body: byA.body }).toMatchObject({ status: success });
        if (success !== 204) expect(byA.body.id ?? byA.body.invitationId).toBeDefined();
        if (method === 'get') expect(byA.body).toEqual(before.body);
        const afterA = await call(A.admin, 'get', read(id)).expect(200);
        effect?.(afterA.body);
      },
    );

    it('B cannot re-send an invitation for A’s member (no mail goes out), A can', async () => {
      const email = world.email('invite-target');
      const created = await call(A.admin, 'post', '/api/v1/members', {
        email,
        name: 'Invite Target',
        roles: ['learner'],
        invite: false,
      }).expect(201);
      expectProblem(await call(B.admin, 'post', `/api/v1/members/${created.body.id}/invite`), 404);
      await call(A.admin, 'post', `/api/v1/members/${created.body.id}/invite`).expect(202);
      await world.mail.waitFor(email, 1);
      expect(world.mail.to(email)).toHaveLength(1);
    });

    it('B filtering audit events by the id of A’s site sees nothing; A sees that site’s history', async () => {
      const siteId = A.siteIds[0];
      const byB = await call(B.admin, 'get', `/api/v1/audit-events?entityId=${siteId}`).expect(200);
      expect(byB.body).toEqual({ items: [], nextCursor: null });
      const byBTyped = await call(B.admin, 'get', `/api/v1/audit-events?entityType=site&entityId=${siteId}`);
      expect(byBTyped.status).toBe(200);
      expect(byBTyped.body.items).toEqual([]);

      const byA = await call(A.admin, 'get', `/api/v1/audit-events?entityType=site&entityId=${siteId}`);
      expect(byA.status).toBe(200);
      expect(byA.body.items.map((e: { action: string }) => e.action)).toContain('site.created');
      expect(byA.body.items.every((e: { entityId: string }) => e.entityId === siteId)).toBe(true);
    });

    it('answers 404 to a path id that is not a UUID, on every id-bearing route', async () => {
      const bad = ['not-a-uuid', '1', `${A.siteIds[0]}x`, "' OR '1'='1"];
      const routes: Array<[Method, (id: string) => string]> = [
        ['get', (id) => `/api/v1/sites/${id}`],
        ['patch', (id) => `/api/v1/sites/${id}`],
        ['delete', (id) => `/api/v1/sites/${id}`],
        ['get', (id) => `/api/v1/departments/${id}`],
        ['patch', (id) => `/api/v1/departments/${id}`],
        ['delete', (id) => `/api/v1/departments/${id}`],
        ['get', (id) => `/api/v1/members/${id}`],
        ['patch', (id) => `/api/v1/members/${id}`],
        ['post', (id) => `/api/v1/members/${id}/deactivate`],
        ['post', (id) => `/api/v1/members/${id}/invite`],
        ['get', (id) => `/api/v1/cohorts/${id}`],
        ['patch', (id) => `/api/v1/cohorts/${id}`],
        ['post', (id) => `/api/v1/cohorts/${id}/archive`],
        ['get', (id) => `/api/v1/cohorts/${id}/enrollments`],
        ['get', (id) => `/api/v1/me/enrollments/${id}`],
        ['post', (id) => `/api/v1/enrollments/${id}/exempt`],
        ['post', (id) => `/api/v1/enrollments/${id}/assessment/grant-attempts`],
        ['post', (id) => `/api/v1/enrollments/${id}/modules/${moduleIds[0]}/complete`],
        ['post', (id) => `/api/v1/enrollments/${A.enrollmentId}/modules/${id}/complete`],
        ['post', (id) => `/api/v1/enrollments/${id}/assessment/attempts`],
        ['post', (id) => `/api/v1/enrollments/${id}/modules/${moduleIds[0]}/open`],
        ['post', (id) => `/api/v1/enrollments/${id}/evaluation`],
        ['post', (id) => `/api/v1/members/${id}/reactivate`],
        ['get', (id) => `/api/v1/certificates/${id}`],
        ['get', (id) => `/api/v1/certificates/${id}/pdf`],
        ['post', (id) => `/api/v1/certificates/${id}/revoke`],
      ];
      for (const [method, path] of routes) {
        for (const id of bad) {
          const res = await call(A.admin, method, path(encodeURIComponent(id)), {});
          expectProblem(res, 404);
        }
      }
    });
  });

  describe('an id of A in a learning path (cohorts, enrollments, certificates)', () => {
    interface LearningCase {
      name: string;
      method: Method;
      /** Who calls, on each side: the organization's admin, or its learner (for a learner's own enrollment). */
      caller: 'admin' | 'learner';
      /** Fresh state in A where the call consumes it: the id the path is about, and the path for any such id. */
      target: () => Promise<{ id: string; path: (id: string) => string; body?: Record<string, unknown> }>;
      success: number;
      /** A's row as stored (with what hangs off it), read as the owner. */
      snapshot: (id: string) => Promise<unknown>;
      /** What A's successful call did. */
      effect?: (res: Response, id: string) => Promise<void>;
    }

    const cohortRow = async (id: string) =>
      world.ownerQuery(
        `SELECT to_jsonb(c) AS cohort,
                (SELECT jsonb_agg(to_jsonb(e) ORDER BY e.id) FROM enrollments e WHERE e.cohort_id = c.id) AS enrollments,
                (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = c.id::text) AS audit
           FROM cohorts c WHERE c.id = $1`,
        [id],
      );
    const enrollmentRow = async (id: string) =>
      world.ownerQuery(
        `SELECT to_jsonb(e) AS enrollment,
                (SELECT count(*)::int FROM module_progress p WHERE p.enrollment_id = e.id) AS modules,
                (SELECT jsonb_agg(to_jsonb(t) ORDER BY t.id) FROM assessment_attempts t WHERE t.enrollment_id = e.id)
                  AS attempts,
                (SELECT count(*)::int FROM certificates c WHERE c.enrollment_id = e.id) AS certificates,
                (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = e.id::text) AS audit
           FROM enrollments e WHERE e.id = $1`,
        [id],
      );
    const certificateRow = async (id: string) =>
      world.ownerQuery(
        `SELECT to_jsonb(c) AS certificate,
                (SELECT to_jsonb(k) FROM certificate_codes k WHERE k.certificate_id = c.id) AS code,
                (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = c.id::text) AS audit
           FROM certificates c WHERE c.id = $1`,
        [id],
      );
    const stored = async (id: string) =>
      (await enrollmentRow(id))[0] as { enrollment: Record<string, unknown> };

    const freshCertificate = async () => {
      const enrollmentId = await learnerEnrollment(A);
      return pass(A.learner, enrollmentId);
    };

    const CASES: LearningCase[] = [
      {
        name: 'GET /cohorts/:id',
        method: 'get',
        caller: 'admin',
        target: async () => ({ id: A.cohortId, path: (id) => `/api/v1/cohorts/${id}` }),
        success: 200,
        snapshot: cohortRow,
        effect: async (res) => expect(res.body).toMatchObject({ id: A.cohortId, stats: { completed: 1 } }),
      },
      {
        name: 'PATCH /cohorts/:id',
        method: 'patch',
        caller: 'admin',
        target: async () => ({
          id: await newCohort(A, { departmentIds: [A.departmentIds[1]] }),
          path: (id) => `/api/v1/cohorts/${id}`,
          body: {
            name: 'Taken Over',
            reminders: { beforeDueDays: [3], overdueEveryDays: 1, escalateAfterDays: 0 },
          },
        }),
        success: 200,
        snapshot: cohortRow,
        effect: async (_res, id) => {
          const after = await call(A.admin, 'get', `/api/v1/cohorts/${id}`).expect(200);
          expect(after.body).toMatchObject({ name: 'Taken Over', reminders: { overdueEveryDays: 1 } });
        },
      },
      {
        name: 'POST /cohorts/:id/archive',
        method: 'post',
        caller: 'admin',
        target: async () => ({
          id: await newCohort(A, { departmentIds: [A.departmentIds[1]] }),
          path: (id) => `/api/v1/cohorts/${id}/archive`,
        }),
        success: 200,
        snapshot: cohortRow,
        effect: async (_res, id) => {
          const after = await call(A.admin, 'get', `/api/v1/cohorts/${id}`).expect(200);
          expect(after.body.archived).toBe(true);
        },
      },
      {
        name: 'GET /cohorts/:id/enrollments',
        method: 'get',
        caller: 'admin',
        target: async () => ({ id: A.cohortId, path: (id) => `/api/v1/cohorts/${id}/enrollments` }),
        success: 200,
        snapshot: cohortRow,
        effect: async (res) =>
          expect(res.body.items).toEqual([
            expect.objectContaining({ id: A.enrollmentId, memberId: A.memberIds[2], status: 'completed' }),
          ]),
      },
      {
        name: 'POST /enrollments/:id/exempt',
        method: 'post',
        caller: 'admin',
        target: async () => ({
          id: await enrollmentOf(A, await newCohort(A, { departmentIds: [A.departmentIds[1]] })),
          path: (id) => `/api/v1/enrollments/${id}/exempt`,
          body: { reason: 'Exempted from elsewhere' },
        }),
        success: 200,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ id, memberId: aStaffMemberId, status: 'exempt' });
          expect((await stored(id)).enrollment).toMatchObject({
            status: 'exempt',
            exempt_reason: 'Exempted from elsewhere',
          });
        },
      },
      {
        name: 'POST /enrollments/:id/assessment/grant-attempts',
        method: 'post',
        caller: 'admin',
        target: async () => ({
          id: await enrollmentOf(A, await newCohort(A, { departmentIds: [A.departmentIds[1]] })),
          path: (id) => `/api/v1/enrollments/${id}/assessment/grant-attempts`,
          body: { count: 5 },
        }),
        success: 200,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ enrollmentId: id, extraAttempts: 5 });
          expect((await stored(id)).enrollment).toMatchObject({ extra_attempts: 5 });
        },
      },
      {
        name: 'POST /enrollments/:id/modules/:moduleId/complete',
        method: 'post',
        caller: 'learner',
        target: async () => ({
          id: await learnerEnrollment(A),
          path: (id) => `/api/v1/enrollments/${id}/modules/${moduleIds[0]}/complete`,
        }),
        success: 200,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ id, status: 'in_progress', progress: { modulesCompleted: 1 } });
          expect((await enrollmentRow(id))[0]).toMatchObject({ modules: 1 });
        },
      },
      {
        name: 'GET /me/enrollments/:id',
        method: 'get',
        caller: 'learner',
        target: async () => ({
          id: await learnerEnrollment(A),
          path: (id) => `/api/v1/me/enrollments/${id}`,
        }),
        success: 200,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ id, evaluationGiven: false, certificateId: null });
          expect(res.body.modules).toHaveLength(moduleIds.length);
        },
      },
      {
        name: 'POST /enrollments/:id/modules/:moduleId/open',
        method: 'post',
        caller: 'learner',
        target: async () => ({
          id: await learnerEnrollment(A),
          path: (id) => `/api/v1/enrollments/${id}/modules/${moduleIds[0]}/open`,
        }),
        success: 200,
        snapshot: async (id) =>
          world.ownerQuery(
            `SELECT e.id, (SELECT count(*)::int FROM module_openings o WHERE o.enrollment_id = e.id) AS openings
               FROM enrollments e WHERE e.id = $1`,
            [id],
          ),
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ openedAt: expect.any(String), completableAt: expect.any(String) });
          expect(
            await world.ownerQuery('SELECT 1 FROM module_openings WHERE enrollment_id = $1', [id]),
          ).toHaveLength(1);
        },
      },
      {
        name: 'POST /enrollments/:id/evaluation',
        method: 'post',
        caller: 'learner',
        target: async () => {
          const id = await learnerEnrollment(A);
          const { attemptId, answers } = await openAttempt(A.learner, id);
          await submitAttempt(world, A.learner, id, attemptId, answers);
          return {
            id,
            path: (enrollmentId) => `/api/v1/enrollments/${enrollmentId}/evaluation`,
            body: EVALUATION,
          };
        },
        success: 200,
        snapshot: async (id) =>
          world.ownerQuery(
            `SELECT (SELECT count(*)::int FROM course_evaluations v WHERE v.enrollment_id = $1) AS evaluations,
                    (SELECT count(*)::int FROM certificates c WHERE c.enrollment_id = $1) AS certificates`,
            [id],
          ),
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ certificateId: expect.any(String) });
          expect(
            await world.ownerQuery('SELECT 1 FROM certificates WHERE enrollment_id = $1', [id]),
          ).toHaveLength(1);
        },
      },
      {
        name: 'POST /enrollments/:id/assessment/attempts',
        method: 'post',
        caller: 'learner',
        target: async () => {
          const id = await learnerEnrollment(A);
          await completeAllModules(A.learner, id);
          return { id, path: (enrollmentId) => `/api/v1/enrollments/${enrollmentId}/assessment/attempts` };
        },
        success: 201,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body.questions.length).toBeGreaterThan(0);
          const [row] = await enrollmentRow(id);
          expect((row as { attempts: unknown[] }).attempts).toHaveLength(1);
        },
      },
      {
        name: 'POST /enrollments/:id/assessment/attempts/:attemptId/submit',
        method: 'post',
        caller: 'learner',
        target: async () => {
          const id = await learnerEnrollment(A);
          const { attemptId, answers } = await openAttempt(A.learner, id);
          return {
            id,
            path: (enrollmentId) =>
              `/api/v1/enrollments/${enrollmentId}/assessment/attempts/${attemptId}/submit`,
            body: { answers },
          };
        },
        success: 200,
        snapshot: enrollmentRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ score: 100, passed: true, evaluationRequired: true });
          expect((await stored(id)).enrollment).toMatchObject({ status: 'completed' });
        },
      },
      ...(['admin', 'learner'] as const).flatMap((caller): LearningCase[] => [
        {
          name: `GET /certificates/:id (as ${caller})`,
          method: 'get',
          caller,
          target: async () => ({ id: A.certificate.id, path: (id) => `/api/v1/certificates/${id}` }),
          success: 200,
          snapshot: certificateRow,
          effect: async (res) => expect(res.body).toMatchObject(A.certificate),
        },
        {
          name: `GET /certificates/:id/pdf (as ${caller})`,
          method: 'get',
          caller,
          target: async () => ({ id: A.certificate.id, path: (id) => `/api/v1/certificates/${id}/pdf` }),
          success: 200,
          snapshot: certificateRow,
          effect: async (res) => {
            expect(res.headers['content-type']).toMatch(/^application\/pdf/);
            expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
          },
        },
      ]),
      {
        name: 'POST /certificates/:id/revoke',
        method: 'post',
        caller: 'admin',
        target: async () => ({
          id: (await freshCertificate()).id,
          path: (id) => `/api/v1/certificates/${id}/revoke`,
          body: { reason: 'Revoked from elsewhere' },
        }),
        success: 200,
        snapshot: certificateRow,
        effect: async (res, id) => {
          expect(res.body).toMatchObject({ id, revoked: true });
          const check = await world.http().get(`/api/v1/public/certificates/${res.body.verificationCode}`);
          expect(check.body.valid).toBe(false);
        },
      },
    ];

    it.each(CASES)(
      '$name: B’s $caller gets 404 (as for an unknown id), A’s gets $success, and B left A’s row as it was',
      async ({ method, caller, target, success, snapshot, effect }) => {
        const { id, path, body } = await target();
        const before = await snapshot(id);
        expect(before).toHaveLength(1);

        const byB = await call(B[caller], method, path(id), body);
        expectProblem(byB, 404);
        const unknown = await call(B[caller], method, path(randomUUID()), body);
        expect({ status: byB.status, body: byB.body }).toEqual({
          status: unknown.status,
          body: unknown.body,
        });
        expect(await snapshot(id)).toEqual(before);

        const byA = await call(A[caller], method, path(id), body);
        expect({ status: byA.status, body: byA.body as unknown }).toMatchObject({ status: success });
        await effect?.(byA, id);
      },
    );

    it('B’s admin cannot revoke A’s certificate: A’s public verification still says valid', async () => {
      const before = await world.http().get(`/api/v1/public/certificates/${A.certificate.verificationCode}`);
      expect(before.body).toMatchObject({ valid: true, number: A.certificate.number });
      expectProblem(
        await call(B.admin, 'post', `/api/v1/certificates/${A.certificate.id}/revoke`, { reason: 'Hostile' }),
        404,
      );
      const after = await world.http().get(`/api/v1/public/certificates/${A.certificate.verificationCode}`);
      expect(after.body).toEqual(before.body);
    });
  });

  describe('lists never leak', () => {
    const LISTS: Array<{ name: string; url: () => string }> = [
      { name: 'sites', url: () => '/api/v1/sites' },
      { name: 'sites, archived included', url: () => '/api/v1/sites?includeArchived=true' },
      { name: 'departments', url: () => '/api/v1/departments?includeArchived=true' },
      { name: "departments of A's site", url: () => `/api/v1/departments?siteId=${A.siteIds[0]}` },
      { name: 'members', url: () => '/api/v1/members' },
      { name: "members at A's site", url: () => `/api/v1/members?siteId=${A.siteIds[0]}` },
      { name: "members in A's department", url: () => `/api/v1/members?departmentId=${A.departmentIds[0]}` },
      { name: "members searched by A's learner's email", url: () => `/api/v1/members?q=${aLearner.email}` },
      { name: 'members searched by a shared name', url: () => '/api/v1/members?q=person' },
      { name: 'active managers', url: () => '/api/v1/members?role=manager&status=active' },
      { name: 'audit events', url: () => '/api/v1/audit-events?limit=200' },
      { name: "audit events of A's site", url: () => `/api/v1/audit-events?entityId=${A.siteIds[0]}` },
      {
        name: "audit events of A's member",
        url: () => `/api/v1/audit-events?entityType=member&entityId=${aLearner.memberId}`,
      },
      { name: 'notifications', url: () => '/api/v1/notifications?limit=200' },
      { name: 'cohorts', url: () => '/api/v1/cohorts?limit=200' },
      { name: 'cohorts, archived included', url: () => '/api/v1/cohorts?includeArchived=true&limit=200' },
      {
        name: "audit events of A's cohort",
        url: () => `/api/v1/audit-events?entityType=cohort&entityId=${A.cohortId}`,
      },
      {
        name: "audit events of A's enrollment",
        url: () => `/api/v1/audit-events?entityType=enrollment&entityId=${A.enrollmentId}`,
      },
      {
        name: "certificate mails to A's learner",
        url: () =>
          `/api/v1/notifications?kind=certificate_issued&recipient=${encodeURIComponent(aLearner.email)}`,
      },
      {
        name: "notifications to A's learner",
        url: () => `/api/v1/notifications?recipient=${encodeURIComponent(aLearner.email)}`,
      },
      {
        name: 'invitations to the person in both organizations',
        url: () => `/api/v1/notifications?kind=invitation&recipient=${encodeURIComponent(both.email)}`,
      },
    ];

    it.each(LISTS)('$name: B sees none of A’s ids, while A’s same list finds A’s rows', async ({ url }) => {
      const secrets = await secretsOfA();
      const byB = await call(B.admin, 'get', url());
      expect(byB.status).toBe(200);
      const seenByB = JSON.stringify(byB.body).toLowerCase();
      expect(secrets.filter((secret) => seenByB.includes(secret))).toEqual([]);

      const byA = await call(A.admin, 'get', url());
      expect(byA.status).toBe(200);
      const ids = (byA.body.items as Array<{ id: string }>).map((item) => item.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !secrets.includes(id))).toEqual([]);
    });

    it('shows a person who belongs to both organizations to B only as B’s member', async () => {
      const byB = await call(B.admin, 'get', `/api/v1/members?q=${encodeURIComponent(both.email)}`).expect(
        200,
      );
      expect(byB.body.items).toHaveLength(1);
      expect(byB.body.items[0]).toMatchObject({
        id: both.bMemberId,
        roles: ['learner'],
        jobTitle: null,
      });
      expect(JSON.stringify(byB.body)).not.toContain(both.userId);
      const byA = await call(A.admin, 'get', `/api/v1/members?q=${encodeURIComponent(both.email)}`).expect(
        200,
      );
      expect(byA.body.items).toHaveLength(1);
      expect(byA.body.items[0]).toMatchObject({
        id: both.aMemberId,
        roles: ['educator'],
        jobTitle: 'Educator in A',
      });
      expectProblem(await call(B.admin, 'get', `/api/v1/members/${both.aMemberId}`), 404);
      await call(B.admin, 'get', `/api/v1/members/${both.bMemberId}`).expect(200);
    });

    it('B adding A’s member sees the name B entered and no user id anywhere until the person accepts B’s invitation', async () => {
      const email = world.email('private-name');
      const ownName = unique('Alexandra Original');
      await call(A.admin, 'post', '/api/v1/members', { email, name: ownName, roles: ['learner'] }).expect(
        201,
      );
      const inA = await world.acceptInvitation(email);
      expect(inA.user.name).toBe(ownName);
      const userId = inA.user.id;

      const entered = unique('Sandy Entered');
      const added = await call(B.admin, 'post', '/api/v1/members', {
        email,
        name: entered,
        roles: ['learner'],
        departmentId: B.departmentIds[0],
      }).expect(201);
      const memberId = added.body.id as string;
      const answersOfB = async () => {
        const answers = [
          added.body,
          (await call(B.admin, 'get', `/api/v1/members/${memberId}`).expect(200)).body,
          (await call(B.admin, 'get', `/api/v1/members?q=${encodeURIComponent(email)}`).expect(200)).body,
          (await call(B.admin, 'get', `/api/v1/cohorts/${B.cohortId}/enrollments?limit=200`).expect(200))
            .body,
          (
            await call(B.admin, 'get', `/api/v1/audit-events?entityType=member&entityId=${memberId}`).expect(
              200,
            )
          ).body,
          (
            await call(
              B.admin,
              'get',
              `/api/v1/notifications?kind=invitation&recipient=${encodeURIComponent(email)}`,
            ).expect(200)
          ).body,
        ];
        return JSON.stringify(answers);
      };
      const before = await answersOfB();
      expect(before).toContain(entered);
      expect(before).not.toContain(ownName);
      expect(before).not.toContain(userId);
      expect(before).not.toContain('userId');
      const enrollments = await call(B.admin, 'get', `/api/v1/cohorts/${B.cohortId}/enrollments?limit=200`);
      expect(enrollments.body.items).toContainEqual(
        expect.objectContaining({ memberId, memberName: entered }),
      );
      // Searching by the name used in A finds nothing in B either.
      const search = await call(B.admin, 'get', `/api/v1/members?q=${encodeURIComponent(ownName)}`).expect(
        200,
      );
      expect(search.body.items).toEqual([]);

      await world.acceptInvitation(email, 2);
      const after = await answersOfB();
      expect(after).toContain(ownName);
      expect(after).not.toContain(userId);
      expect((await call(B.admin, 'get', `/api/v1/members/${memberId}`).expect(200)).body).toMatchObject({
        name: ownName,
        status: 'active',
      });
    });

    it('B’s learner’s own enrollments and certificates hold none of A’s ids; A’s learner’s hold A’s', async () => {
      const secrets = await secretsOfA();
      for (const url of ['/api/v1/me/enrollments?limit=200', '/api/v1/me/certificates?limit=200']) {
        const byB = await call(B.learner, 'get', url).expect(200);
        expect(byB.body.items.length).toBeGreaterThan(0);
        const seenByB = JSON.stringify(byB.body).toLowerCase();
        expect({ url, leaked: secrets.filter((secret) => seenByB.includes(secret)) }).toEqual({
          url,
          leaked: [],
        });
      }
      const bEnrollments = await call(B.learner, 'get', '/api/v1/me/enrollments?limit=200').expect(200);
      expect(bEnrollments.body.items.map((e: { id: string }) => e.id)).toContain(B.enrollmentId);
      const bCertificates = await call(B.learner, 'get', '/api/v1/me/certificates?limit=200').expect(200);
      expect(bCertificates.body.items.map((c: { id: string }) => c.id)).toContain(B.certificate.id);

      const aEnrollments = await call(A.learner, 'get', '/api/v1/me/enrollments?limit=200').expect(200);
      expect(aEnrollments.body.items.map((e: { id: string }) => e.id)).toContain(A.enrollmentId);
      const aCertificates = await call(A.learner, 'get', '/api/v1/me/certificates?limit=200').expect(200);
      expect(aCertificates.body.items.map((c: { id: string }) => c.id)).toContain(A.certificate.id);
    });

    it('shows the person in both organizations, signed in to B, none of their enrollments or certificates in A', async () => {
      const inB = await world.login(both.email, PASSWORD, B.org.id);
      expect(inB.organizationId).toBe(B.org.id);
      const secrets = [
        bothInA.enrollmentId,
        bothInA.certificate.id,
        bothInA.certificate.number,
        bothInA.certificate.verificationCode,
        ...(await secretsOfA()),
      ].map((secret) => secret.toLowerCase());
      for (const url of ['/api/v1/me/enrollments', '/api/v1/me/certificates']) {
        const res = await call(inB, 'get', url).expect(200);
        const seen = JSON.stringify(res.body).toLowerCase();
        expect({ url, leaked: secrets.filter((secret) => seen.includes(secret)) }).toEqual({
          url,
          leaked: [],
        });
      }
      expectProblem(await call(inB, 'get', `/api/v1/certificates/${bothInA.certificate.id}`), 404);
      expectProblem(
        await call(
          inB,
          'post',
          `/api/v1/enrollments/${bothInA.enrollmentId}/modules/${moduleIds[0]}/complete`,
        ),
        404,
      );

      // The same person signed in to A sees them.
      const inA = bothInA.session;
      const enrollments = await call(inA, 'get', '/api/v1/me/enrollments').expect(200);
      expect(enrollments.body.items.map((e: { id: string }) => e.id)).toContain(bothInA.enrollmentId);
      const certificates = await call(inA, 'get', '/api/v1/me/certificates').expect(200);
      expect(certificates.body.items.map((c: { id: string }) => c.id)).toEqual([bothInA.certificate.id]);
      await call(inA, 'get', `/api/v1/certificates/${bothInA.certificate.id}`).expect(200);
    });

    it('answers GET /organization with the bound organization only; B’s admin changing B’s settings leaves A’s', async () => {
      const aBefore = (await call(A.admin, 'get', '/api/v1/organization').expect(200)).body;
      const bBefore = (await call(B.admin, 'get', '/api/v1/organization').expect(200)).body;
      expect(aBefore.id).toBe(A.org.id);
      expect(bBefore.id).toBe(B.org.id);
      const inB = await world.login(both.email, PASSWORD, B.org.id);
      expect((await call(inB, 'get', '/api/v1/organization').expect(200)).body).toEqual(bBefore);
      expect((await call(bothInA.session, 'get', '/api/v1/organization').expect(200)).body).toEqual(aBefore);

      await call(B.admin, 'patch', '/api/v1/organization', {
        name: 'B Renamed',
        timezone: 'Europe/Madrid',
        reminderWindow: null,
        idleSignOutMinutes: 5,
      }).expect(200);
      expect((await call(A.admin, 'get', '/api/v1/organization').expect(200)).body).toEqual(aBefore);
      const { id: _id, slug: _slug, ...bSettings } = bBefore;
      expect((await call(B.admin, 'patch', '/api/v1/organization', bSettings).expect(200)).body).toEqual(
        bBefore,
      );
    });
  });

  describe('an id of A in a body field', () => {
    interface BodyCase {
      name: string;
      field: string;
      method: Method;
      /** The path B calls (a fresh B row for a PATCH). */
      path: () => Promise<string>;
      body: (id: string) => Record<string, unknown>;
      /** A's id that B names. */
      foreign: () => string;
      /** B's own id for the same field: the control that the request is otherwise fine. */
      own: () => string;
      success: number;
    }

    const CASES: BodyCase[] = [
      {
        name: 'POST /departments',
        field: 'siteId',
        method: 'post',
        path: async () => '/api/v1/departments',
        body: (siteId) => ({ siteId, name: unique('Dept'), kind: 'other' }),
        foreign: () => A.siteIds[0],
        own: () => B.siteIds[0],
        success: 201,
      },
      {
        name: 'PATCH /departments/:id',
        field: 'siteId',
        method: 'patch',
        path: async () => `/api/v1/departments/${await newDepartment(B, B.siteIds[0])}`,
        body: (siteId) => ({ siteId }),
        foreign: () => A.siteIds[0],
        own: () => B.siteIds[1],
        success: 200,
      },
      ...(['post', 'patch'] as const).flatMap((method) =>
        (
          [
            ['siteId', () => A.siteIds[0], () => B.siteIds[0]],
            ['departmentId', () => A.departmentIds[0], () => B.departmentIds[0]],
            ['managerId', () => aManagerId, () => B.memberIds[1]],
          ] as const
        ).map(
          ([field, foreign, own]): BodyCase => ({
            name: method === 'post' ? 'POST /members' : 'PATCH /members/:id',
            field,
            method,
            path: async () =>
              method === 'post' ? '/api/v1/members' : `/api/v1/members/${await createMember(B)}`,
            body: (id) =>
              method === 'post'
                ? { email: world.email('body-case'), name: 'Body Case', roles: ['learner'], [field]: id }
                : { [field]: id },
            foreign,
            own,
            success: method === 'post' ? 201 : 200,
          }),
        ),
      ),
    ];

    it.each(CASES)(
      '$name with A’s $field: 400 naming $field, the same answer as for an unknown id',
      async ({ field, method, path, body, foreign, own, success }) => {
        const target = await path();
        const before = method === 'patch' ? await call(B.admin, 'get', target).expect(200) : null;

        const withForeign = body(foreign());
        const byForeign = await call(B.admin, method, target, withForeign);
        expectProblem(byForeign, 400);
        expect(byForeign.body.errors).toEqual([{ field, message: expect.any(String) }]);

        const byUnknown = await call(B.admin, method, target, { ...withForeign, [field]: randomUUID() });
        expect({ status: byUnknown.status, body: byUnknown.body }).toEqual({
          status: byForeign.status,
          body: byForeign.body,
        });

        // Nothing was written: the row is as it was, or no member/department was created.
        if (before) {
          expect((await call(B.admin, 'get', target).expect(200)).body).toEqual(before.body);
        } else if (typeof withForeign.email === 'string') {
          const found = await call(
            B.admin,
            'get',
            `/api/v1/members?q=${encodeURIComponent(withForeign.email)}`,
          );
          expect(found.body.items).toEqual([]);
        } else {
          const found = await call(B.admin, 'get', '/api/v1/departments?includeArchived=true');
          expect(found.body.items.map((d: { name: string }) => d.name)).not.toContain(withForeign.name);
        }

        // The same request with B's own id is accepted.
        const byOwn = await call(B.admin, method, target, { ...withForeign, [field]: own() });
        expect({ status: byOwn.status, body: byOwn.body }).toMatchObject({ status: success });
        expect(byOwn.body[field]).toBe(own());
      },
    );
  });

  describe('an id of A in a cohort’s target', () => {
    it.each([
      {
        field: 'target.siteIds',
        target: (id: string) => ({ siteIds: [id] }),
        foreign: () => A.siteIds[0],
        own: () => B.siteIds[0],
      },
      {
        field: 'target.departmentIds',
        target: (id: string) => ({ departmentIds: [id] }),
        foreign: () => A.departmentIds[0],
        own: () => B.departmentIds[0],
      },
    ])(
      'POST /cohorts by B with A’s id in $field: 400 naming $field, as for an unknown id; B’s own id is accepted',
      async ({ field, target, foreign, own }) => {
        const name = unique('Target Case');
        const body = (id: string) => ({ name, courseId, target: target(id), dueInDays: 30 });

        const byForeign = await call(B.admin, 'post', '/api/v1/cohorts', body(foreign()));
        expectProblem(byForeign, 400);
        expect(byForeign.body.errors).toEqual([{ field, message: expect.any(String) }]);
        const byUnknown = await call(B.admin, 'post', '/api/v1/cohorts', body(randomUUID()));
        expect({ status: byUnknown.status, body: byUnknown.body }).toEqual({
          status: byForeign.status,
          body: byForeign.body,
        });
        // Nothing was written: no cohort of that name exists.
        expect(await world.ownerQuery('SELECT id FROM cohorts WHERE name = $1', [name])).toEqual([]);

        const byOwn = await call(B.admin, 'post', '/api/v1/cohorts', body(own()));
        expect({ status: byOwn.status, body: byOwn.body as unknown }).toMatchObject({
          status: 201,
          body: { name, target: target(own()) },
        });
        const enrolled = await world.ownerQuery<{ organization_id: string }>(
          'SELECT organization_id FROM enrollments WHERE cohort_id = $1',
          [byOwn.body.id],
        );
        expect(enrolled.length).toBeGreaterThan(0);
        expect(new Set(enrolled.map((e) => e.organization_id))).toEqual(new Set([B.org.id]));
      },
    );
  });

  describe('row-level security as the app role', () => {
    const TABLES = ORGANIZATION_OWNED;
    /** Organization-owned tables with an updated_at column. */
    const UPDATABLE = ['sites', 'departments', 'memberships', 'notifications', 'cohorts', 'enrollments'];

    async function ownerCount(table: string, organizationId?: string): Promise<number> {
      const rows = await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} ${organizationId ? 'WHERE organization_id = $1' : ''}`,
        organizationId ? [organizationId] : [],
      );
      return rows[0].n;
    }

    async function tryQuery(client: Client, sql: string, params: unknown[] = []) {
      await client.query('SAVEPOINT attempt');
      try {
        const result = await client.query(sql, params);
        await client.query('RELEASE SAVEPOINT attempt');
        return { rowCount: result.rowCount, error: null };
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT attempt');
        return { rowCount: null, error: error as Error & { code?: string } };
      }
    }

    it.each(TABLES)(
      '%s: no row is visible without an organization, though the owner sees rows',
      async (table) => {
        expect(await ownerCount(table)).toBeGreaterThan(0);
        const visible = await world.appTransaction({}, async (client) => {
          const res = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
          return res.rows[0].n;
        });
        expect(visible).toBe(0);
      },
    );

    it.each(TABLES)('%s: with app.organization_id = A, exactly A’s rows are visible', async (table) => {
      const ownA = await ownerCount(table, A.org.id);
      expect(ownA).toBeGreaterThan(0);
      expect(await ownerCount(table, B.org.id)).toBeGreaterThan(0);
      const rows = await world.appTransaction({ 'app.organization_id': A.org.id }, async (client) => {
        const res = await client.query<{ organization_id: string }>(`SELECT organization_id FROM ${table}`);
        return res.rows;
      });
      expect(rows).toHaveLength(ownA);
      expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set([A.org.id]));
    });

    it('with A set, refuses to insert a row for B (42501) and to move A’s row into B', async () => {
      await world.appTransaction({ 'app.organization_id': A.org.id }, async (client) => {
        const insertSite = await tryQuery(
          client,
          `INSERT INTO sites (organization_id, name, kind) VALUES ($1, 'Planted', 'hospital')`,
          [B.org.id],
        );
        expect(pgCode(insertSite.error)).toBe('42501');
        expect(insertSite.error?.message).toMatch(/row-level security/);

        const insertDepartment = await tryQuery(
          client,
          `INSERT INTO departments (organization_id, site_id, name, kind) VALUES ($1, $2, 'Planted', 'other')`,
          [B.org.id, B.siteIds[0]],
        );
        expect(pgCode(insertDepartment.error)).toBe('42501');

        const moveSite = await tryQuery(client, 'UPDATE sites SET organization_id = $1 WHERE id = $2', [
          B.org.id,
          A.siteIds[1],
        ]);
        expect(pgCode(moveSite.error)).toBe('42501');
        expect(moveSite.error?.message).toMatch(/row-level security/);

        // The control: A's own insert works in the same transaction.
        const insertOwn = await tryQuery(
          client,
          `INSERT INTO sites (organization_id, name, kind) VALUES ($1, 'Allowed', 'hospital')`,
          [A.org.id],
        );
        expect(insertOwn).toEqual({ rowCount: 1, error: null });
      });
    });

    it('with A set, an UPDATE of B’s rows affects 0 rows while the same UPDATE of A’s rows does not', async () => {
      const counts = await world.appTransaction({ 'app.organization_id': A.org.id }, async (client) => {
        const result: Record<string, { b: number | null; a: number | null }> = {};
        for (const table of UPDATABLE) {
          const b = await client.query(`UPDATE ${table} SET updated_at = now() WHERE organization_id = $1`, [
            B.org.id,
          ]);
          const a = await client.query(`UPDATE ${table} SET updated_at = now() WHERE organization_id = $1`, [
            A.org.id,
          ]);
          result[table] = { b: b.rowCount, a: a.rowCount };
        }
        const byId = await client.query(`UPDATE sites SET name = 'Hijacked' WHERE id = $1`, [B.siteIds[0]]);
        result.siteById = { b: byId.rowCount, a: null };
        return result;
      });
      for (const table of UPDATABLE) {
        expect({ table, b: counts[table].b }).toEqual({ table, b: 0 });
        expect(counts[table].a).toBe(await ownerCount(table, A.org.id));
      }
      expect(counts.siteById.b).toBe(0);
      const [site] = await world.ownerQuery<{ name: string }>('SELECT name FROM sites WHERE id = $1', [
        B.siteIds[0],
      ]);
      expect(site.name).toBe('Bravo Health North');
    });

    it('with A set, refuses a cohort, progress or attempt written for B, and moving A’s certificate into B', async () => {
      await world.appTransaction({ 'app.organization_id': A.org.id }, async (client) => {
        const cohort = await tryQuery(
          client,
          `INSERT INTO cohorts (organization_id, name, course_id) VALUES ($1, 'Planted', $2)`,
          [B.org.id, courseId],
        );
        expect(pgCode(cohort.error)).toBe('42501');
        expect(cohort.error?.message).toMatch(/row-level security/);

        const progress = await tryQuery(
          client,
          `INSERT INTO module_progress (organization_id, enrollment_id, module_id) VALUES ($1, $2, $3)`,
          [B.org.id, B.enrollmentId, moduleIds[0]],
        );
        expect(pgCode(progress.error)).toBe('42501');

        const attempt = await tryQuery(
          client,
          `INSERT INTO assessment_attempts (organization_id, enrollment_id, membership_id, course_id, questions)
           VALUES ($1, $2, $3, $4, '[]')`,
          [B.org.id, B.enrollmentId, B.memberIds[2], courseId],
        );
        expect(pgCode(attempt.error)).toBe('42501');

        const move = await tryQuery(client, 'UPDATE certificates SET organization_id = $1 WHERE id = $2', [
          B.org.id,
          A.certificate.id,
        ]);
        expect(pgCode(move.error)).toBe('42501');

        // B's rows are out of reach even by primary key; A's own are not.
        const revokeB = await client.query(`UPDATE certificates SET revoked_at = now() WHERE id = $1`, [
          B.certificate.id,
        ]);
        expect(revokeB.rowCount).toBe(0);
        const revokeA = await client.query(`UPDATE certificates SET revoked_at = now() WHERE id = $1`, [
          A.certificate.id,
        ]);
        expect(revokeA.rowCount).toBe(1);
      });
      const [certificate] = await world.ownerQuery<{ revoked_at: Date | null }>(
        'SELECT revoked_at FROM certificates WHERE id = $1',
        [B.certificate.id],
      );
      expect(certificate.revoked_at).toBeNull();
    });

    it('keeps certificate_codes a bare platform lookup: verification code -> organization and certificate only', async () => {
      const columns = await world.ownerQuery<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'certificate_codes' ORDER BY column_name`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        'certificate_id',
        'organization_id',
        'verification_code',
      ]);
      // The public check finds the organization through it, without any organization context…
      const found = await world.appTransaction({}, async (client) => {
        const res = await client.query<{ organization_id: string; certificate_id: string }>(
          'SELECT organization_id, certificate_id FROM certificate_codes WHERE verification_code = $1',
          [A.certificate.verificationCode],
        );
        return res.rows;
      });
      expect(found).toEqual([{ organization_id: A.org.id, certificate_id: A.certificate.id }]);
      // …and the certificate itself stays behind row-level security until that organization is entered.
      const hidden = await world.appTransaction({}, async (client) => {
        const res = await client.query('SELECT id FROM certificates WHERE id = $1', [A.certificate.id]);
        return res.rowCount;
      });
      expect(hidden).toBe(0);
      const wrongOrganization = await world.appTransaction(
        { 'app.organization_id': B.org.id },
        async (client) => {
          const res = await client.query('SELECT id FROM certificates WHERE id = $1', [A.certificate.id]);
          return res.rowCount;
        },
      );
      expect(wrongOrganization).toBe(0);
    });

    it('refuses UPDATE and DELETE of audit events to the app role (append-only), even in their organization', async () => {
      await world.appTransaction({ 'app.organization_id': A.org.id }, async (client) => {
        const visible = await client.query('SELECT id FROM audit_events');
        expect(visible.rowCount).toBeGreaterThan(0);
        const update = await tryQuery(client, `UPDATE audit_events SET action = 'site.forged'`);
        expect(pgCode(update.error)).toBe('42501');
        expect(update.error?.message).toMatch(/permission denied/);
        const remove = await tryQuery(client, 'DELETE FROM audit_events');
        expect(pgCode(remove.error)).toBe('42501');
        expect(remove.error?.message).toMatch(/permission denied/);
      });
    });

    it('runs the app as a role that owns nothing, is no superuser and has no BYPASSRLS', async () => {
      const [role] = await world.ownerQuery<{ rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'beacon_app'`,
      );
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
      expect(
        await world.ownerQuery(`SELECT tablename FROM pg_tables WHERE tableowner = 'beacon_app'`),
      ).toEqual([]);
      expect(
        await world.ownerQuery(
          `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'beacon_app'`,
        ),
      ).toEqual([]);
      // The app's own connection is that role.
      const user = await world.appTransaction({}, async (client) => {
        const res = await client.query<{ current_user: string }>('SELECT current_user');
        return res.rows[0].current_user;
      });
      expect(user).toBe('beacon_app');
    });

    it('has row-level security enabled and forced on every organization-owned table', async () => {
      const withOrganization = await world.ownerQuery<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'organization_id'`,
      );
      const owned = [
        ...new Set([
          ...ORGANIZATION_OWNED,
          ...withOrganization
            .map((r) => r.table_name)
            .filter((t) => !PLATFORM_TABLES_WITH_ORGANIZATION_ID.includes(t)),
        ]),
      ].sort();
      const flags = await world.ownerQuery<{
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
      }>(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname = ANY ($1) ORDER BY c.relname`,
        [owned],
      );
      expect(flags).toEqual(
        owned.map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })),
      );
    });

    it('reads every policy setting once per statement (a subquery), never once per row', async () => {
      const policies = await world.ownerQuery<{ policy: string; expression: string }>(
        `SELECT tablename || '.' || policyname AS policy, concat_ws(' ', qual, with_check) AS expression
           FROM pg_policies WHERE schemaname = 'public' ORDER BY 1`,
      );
      const reads = (expression: string) => expression.match(/current_setting\(/g)?.length ?? 0;
      // As PostgreSQL prints a setting read that is a scalar subquery: "( SELECT (NULLIF(current_setting(…" or
      // "( SELECT current_setting(…".
      const onceReads = (expression: string) =>
        expression.match(/\( SELECT \(?(NULLIF\()?current_setting\(/g)?.length ?? 0;
      const tenantPolicies = policies.filter((p) => reads(p.expression) > 0);
      expect(tenantPolicies.length).toBeGreaterThanOrEqual(ORGANIZATION_OWNED.length);
      expect(tenantPolicies.filter((p) => onceReads(p.expression) !== reads(p.expression))).toEqual([]);
    });

    it('lets app.user_id alone show a person only their own memberships, and nothing else', async () => {
      const seen = await world.appTransaction({ 'app.user_id': A.admin.user.id }, async (client) => {
        const memberships = await client.query<{ user_id: string; organization_id: string }>(
          'SELECT user_id, organization_id FROM memberships',
        );
        const sites = await client.query('SELECT id FROM sites');
        return { memberships: memberships.rows, sites: sites.rowCount };
      });
      expect(seen.memberships).toEqual([{ user_id: A.admin.user.id, organization_id: A.org.id }]);
      expect(seen.sites).toBe(0);

      const bothSeen = await world.appTransaction({ 'app.user_id': both.userId }, async (client) => {
        const res = await client.query<{ id: string; user_id: string }>(
          'SELECT id, user_id FROM memberships',
        );
        return res.rows;
      });
      expect(bothSeen.map((r) => r.id).sort()).toEqual([both.aMemberId, both.bMemberId].sort());
      expect(bothSeen.every((r) => r.user_id === both.userId)).toBe(true);

      // The user policy is read-only: it does not let the person change their own membership rows.
      const updated = await world.appTransaction({ 'app.user_id': both.userId }, async (client) => {
        const res = await client.query(`UPDATE memberships SET roles = '{org_admin}' WHERE user_id = $1`, [
          both.userId,
        ]);
        return res.rowCount;
      });
      expect(updated).toBe(0);
    });
  });
});
