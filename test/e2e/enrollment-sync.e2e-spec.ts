import { Clock } from '@beacon/core/time';
import {
  CohortEnrollment,
  cohortEnrollments,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  getCohort,
  loadAnswerKey,
  MyEnrollment,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

interface Learner {
  memberId: string;
  email: string;
  session: Session;
}

/** Every test runs at this instant unless it moves the clock itself. */
const BASE = '2026-09-01T16:00:00.000Z';
const isAssignmentMail = (mail: { subject: string }): boolean =>
  mail.subject.startsWith('New training assigned');

describe('enrollments follow members as they join, move, change and leave', () => {
  let world: TestApp;
  let org: TestOrganization;
  let platform: Session;
  let courseId: string;
  let moduleIds: string[];
  let key: Map<string, string>;
  let siteId: string;

  const clockAt = (instant: string): void => {
    jest.spyOn(world.app.get(Clock), 'now').mockReturnValue(new Date(instant));
  };

  const department = (name: string) => createDepartment(world, org.admin, siteId, name);

  async function createMember(fields: Record<string, unknown>): Promise<{ id: string; email: string }> {
    const email = world.email('member');
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email, name: 'Some Member', roles: ['learner'], invite: false, ...fields })
      .expect(201);
    return { id: res.body.id, email };
  }

  async function patchMember(id: string, fields: Record<string, unknown>): Promise<void> {
    await world
      .http()
      .patch(`/api/v1/members/${id}`)
      .set(...bearer(org.admin))
      .send(fields)
      .expect(200);
  }

  const newCohort = (body: Record<string, unknown>) => createCohort(world, org.admin, { courseId, ...body });
  const stats = async (cohortId: string) => (await getCohort(world, org.admin, cohortId)).stats;
  const enrollmentsOf = async (cohortId: string) =>
    (await cohortEnrollments(world, org.admin, cohortId)).items;
  const mine = (session: Session) => myEnrollments(world, session);

  async function assignmentNotifications(
    email: string,
  ): Promise<Array<{ status: string; dedupeKey: string }>> {
    const res = await world
      .http()
      .get(`/api/v1/notifications?kind=assignment_created&recipient=${encodeURIComponent(email)}`)
      .set(...bearer(org.admin))
      .expect(200);
    for (const item of res.body.items)
      expect(item).toMatchObject({ kind: 'assignment_created', recipientEmail: email });
    return res.body.items;
  }

  /** Waits until the outbox has sent every assignment notification of the address, then returns them. */
  async function sentAssignments(email: string): Promise<Array<{ status: string }>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const items = await assignmentNotifications(email);
      if (items.every((n) => n.status === 'sent') || Date.now() > deadline) return items;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function pass(session: Session, enrollmentId: string): Promise<void> {
    const result = await passCourse(world, session, enrollmentId, moduleIds, key);
    expect(result).toMatchObject({ score: 100, passed: true });
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Sync Health');
    platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    courseId = course.id;
    moduleIds = course.modules.map((m) => m.id);
    key = await loadAnswerKey(world, platform, courseId);
    siteId = await createSite(world, org.admin, 'Main');
  });

  beforeEach(() => clockAt(BASE));

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await world?.stop();
  });

  describe('members who match later', () => {
    let emergency: string;
    let radiology: string;
    let cohortId: string;
    let joiner: Learner;
    let mover: { id: string; email: string };
    let retitled: { id: string; email: string };

    beforeAll(async () => {
      emergency = await department('Emergency');
      radiology = await department('Radiology');
      retitled = await createMember({ departmentId: emergency, jobTitle: 'Staff Nurse' });
      mover = await createMember({ departmentId: radiology, jobTitle: 'charge nurse' });
      const cohort = await newCohort({
        name: 'Charge nurses',
        target: { departmentIds: [emergency], jobTitles: ['Charge Nurse'] },
        dueInDays: 30,
      });
      cohortId = cohort.id;
      expect(cohort.enrolledCount).toBe(0);
    });

    it('enrolls a member created later in the target, due dueInDays after their own enrollment, with one notification and mail', async () => {
      clockAt('2026-09-01T15:00:00.000Z');
      joiner = await world.addMember(org, ['learner'], { departmentId: emergency, jobTitle: 'Charge Nurse' });

      const items = await enrollmentsOf(cohortId);
      expect(items).toEqual([
        expect.objectContaining({
          memberId: joiner.memberId,
          memberName: 'learner person',
          status: 'not_started',
          dueAt: '2026-10-02T04:59:59.999Z',
          overdue: false,
          completedAt: null,
        }),
      ]);
      expect(await mine(joiner.session)).toEqual([
        expect.objectContaining({
          id: items[0].id,
          cohortId,
          course: expect.objectContaining({ id: courseId, code: 'HT-101' }),
          status: 'not_started',
          dueAt: '2026-10-02T04:59:59.999Z',
        }),
      ]);
      // Accepting the invitation reconciled the member again: still one enrollment and one notification.
      const notifications = await assignmentNotifications(joiner.email);
      expect(notifications).toHaveLength(1);
      expect(notifications[0].dedupeKey).toContain(items[0].id);
      const mail = await world.mail.waitForMatching(joiner.email, isAssignmentMail);
      expect(mail.text).toContain('Charge nurses');
    });

    it('enrolls a member moved into the target and one whose job title changes to match, once each', async () => {
      await patchMember(mover.id, { departmentId: emergency });
      await patchMember(retitled.id, { jobTitle: 'CHARGE NURSE' });
      const items = await enrollmentsOf(cohortId);
      expect(items.map((e) => e.memberId).sort()).toEqual([joiner.memberId, mover.id, retitled.id].sort());
      for (const item of items) expect(item.status).toBe('not_started');
      expect(await assignmentNotifications(mover.email)).toHaveLength(1);
      expect(await assignmentNotifications(retitled.email)).toHaveLength(1);

      // The same change again creates nothing new.
      await patchMember(mover.id, { departmentId: emergency });
      await patchMember(retitled.id, { jobTitle: 'CHARGE NURSE' });
      await patchMember(joiner.memberId, { departmentId: emergency, jobTitle: 'Charge Nurse' });
      expect((await enrollmentsOf(cohortId)).map((e) => e.id).sort()).toEqual(items.map((e) => e.id).sort());
      for (const email of [mover.email, retitled.email, joiner.email]) {
        expect(await assignmentNotifications(email)).toHaveLength(1);
      }
      expect((await stats(cohortId)).enrolled).toBe(3);
    });

    it('withdraws the open enrollment of a member moved out, and moving back reopens that same enrollment', async () => {
      const [before] = (await enrollmentsOf(cohortId)).filter((e) => e.memberId === joiner.memberId);
      await world
        .http()
        .post(`/api/v1/enrollments/${before.id}/modules/${moduleIds[0]}/complete`)
        .set(...bearer(joiner.session))
        .expect(200);
      expect((await stats(cohortId)).inProgress).toBe(1);

      await patchMember(joiner.memberId, { departmentId: radiology });
      const gone = (await enrollmentsOf(cohortId)).filter((e) => e.memberId === joiner.memberId);
      expect(gone).toEqual([expect.objectContaining({ id: before.id, status: 'withdrawn' })]);
      expect(await stats(cohortId)).toMatchObject({ enrolled: 2, notStarted: 2, inProgress: 0 });
      expect(await mine(joiner.session)).toEqual([]);

      await patchMember(joiner.memberId, { departmentId: emergency });
      const back = (await enrollmentsOf(cohortId)).filter((e) => e.memberId === joiner.memberId);
      expect(back).toEqual([expect.objectContaining({ id: before.id, status: 'in_progress' })]);
      expect(await stats(cohortId)).toMatchObject({ enrolled: 3, notStarted: 2, inProgress: 1 });
      expect(await mine(joiner.session)).toEqual([
        expect.objectContaining({
          id: before.id,
          progress: expect.objectContaining({ modulesCompleted: 1 }),
        }),
      ]);
      expect(await assignmentNotifications(joiner.email)).toHaveLength(1);
    });

    it('withdraws the open enrollment of a member whose job title no longer matches, or who is deactivated', async () => {
      await patchMember(retitled.id, { jobTitle: 'Staff Nurse' });
      await world
        .http()
        .post(`/api/v1/members/${mover.id}/deactivate`)
        .set(...bearer(org.admin))
        .expect(200);
      const items = await enrollmentsOf(cohortId);
      expect(items.find((e) => e.memberId === retitled.id)?.status).toBe('withdrawn');
      expect(items.find((e) => e.memberId === mover.id)?.status).toBe('withdrawn');
      expect(await stats(cohortId)).toEqual({
        enrolled: 1,
        notStarted: 0,
        inProgress: 1,
        completed: 0,
        overdue: 0,
        exempt: 0,
        completionRate: 0,
      });
    });

    it('sent exactly one assignment mail per enrollment', async () => {
      for (const email of [joiner.email, mover.email, retitled.email]) {
        const sent = await sentAssignments(email);
        expect(sent.map((n) => n.status)).toEqual(['sent']);
        expect(world.mail.to(email).filter(isAssignmentMail)).toHaveLength(1);
      }
    });
  });

  describe('completion and recurrence', () => {
    let ward: string;
    let recurring: string;
    let fixed: string;
    let learner: Learner;
    let colleague: string;
    const passedAt = '2026-09-15T04:30:00.000Z';

    beforeAll(async () => {
      ward = await department('Ward');
      learner = await world.addMember(org, ['learner'], { departmentId: ward });
      colleague = (await createMember({ departmentId: ward })).id;
    });

    it('passing at T completes every open enrollment for the course and opens the next cycle due at the end of the local day T + 12 months', async () => {
      clockAt('2026-09-01T15:00:00.000Z');
      recurring = (
        await newCohort({
          name: 'Annual',
          target: { departmentIds: [ward] },
          dueInDays: 30,
          recurrence: { intervalMonths: 12 },
        })
      ).id;
      fixed = (await newCohort({ name: 'One-off', target: { departmentIds: [ward] }, dueDate: '2026-12-31' }))
        .id;
      const first = (await mine(learner.session)).find((e) => e.cohortId === recurring) as MyEnrollment;
      expect(first).toMatchObject({ status: 'not_started', dueAt: '2026-10-02T04:59:59.999Z' });

      // 04:30 UTC on 15 September is still 14 September in Chicago.
      clockAt(passedAt);
      await pass(learner.session, first.id);

      const items = await mine(learner.session);
      expect(items).toHaveLength(3);
      const annual = items.filter((e) => e.cohortId === recurring);
      expect(annual).toHaveLength(2);
      expect(annual.find((e) => e.id === first.id)).toMatchObject({
        status: 'completed',
        completedAt: passedAt,
      });
      const next = annual.find((e) => e.id !== first.id) as MyEnrollment;
      expect(next).toMatchObject({
        status: 'not_started',
        dueAt: '2027-09-15T04:59:59.999Z',
        overdue: false,
        completedAt: null,
        progress: expect.objectContaining({ modulesCompleted: 0 }),
      });
      // The next cycle is announced like any new enrollment: one assignment mail of its own.
      const announced = (await assignmentNotifications(learner.email)).map((n) => n.dedupeKey);
      expect(announced.filter((key) => key === `assignment_created:${next.id}`)).toHaveLength(1);
      expect(items.find((e) => e.cohortId === fixed)).toMatchObject({
        status: 'completed',
        completedAt: passedAt,
      });

      const history = await enrollmentsOf(recurring);
      expect(history.map((e) => [e.memberId, e.cycle, e.status]).sort()).toEqual(
        [
          [learner.memberId, 1, 'completed'],
          [learner.memberId, 2, 'not_started'],
          [colleague, 1, 'not_started'],
        ].sort(),
      );
      const others = await enrollmentsOf(fixed);
      expect(others.find((e) => e.memberId === learner.memberId)).toMatchObject({
        status: 'completed',
        completedAt: passedAt,
        cycle: 1,
      });
      expect(others.find((e) => e.memberId === colleague)?.status).toBe('not_started');
      expect(await stats(fixed)).toMatchObject({
        enrolled: 2,
        completed: 1,
        notStarted: 1,
        completionRate: 0.5,
      });
    });

    it('never withdraws completed enrollments when the member leaves the target; the open next cycle reopens on return', async () => {
      const elsewhere = await department('Elsewhere');
      const next = (await enrollmentsOf(recurring)).find(
        (e) => e.memberId === learner.memberId && e.cycle === 2,
      ) as CohortEnrollment;

      await patchMember(learner.memberId, { departmentId: elsewhere });
      const recurringAfter = (await enrollmentsOf(recurring)).filter((e) => e.memberId === learner.memberId);
      expect(recurringAfter.map((e) => [e.cycle, e.status]).sort()).toEqual([
        [1, 'completed'],
        [2, 'withdrawn'],
      ]);
      expect((await enrollmentsOf(fixed)).find((e) => e.memberId === learner.memberId)?.status).toBe(
        'completed',
      );
      expect((await mine(learner.session)).map((e) => e.status)).toEqual(['completed', 'completed']);

      await patchMember(learner.memberId, { departmentId: ward });
      const reopened = (await enrollmentsOf(recurring)).filter((e) => e.memberId === learner.memberId);
      expect(reopened).toHaveLength(2);
      expect(reopened.find((e) => e.cycle === 2)).toMatchObject({
        id: next.id,
        status: 'not_started',
        dueAt: '2027-09-15T04:59:59.999Z',
      });
      expect((await enrollmentsOf(fixed)).filter((e) => e.memberId === learner.memberId)).toHaveLength(1);
    });

    it('a withdrawn enrollment reopened after a due date change is due at the new date', async () => {
      const elsewhere = await department('Annex');
      const before = (await enrollmentsOf(fixed)).find((e) => e.memberId === colleague) as CohortEnrollment;
      expect(before.dueAt).toBe('2027-01-01T05:59:59.999Z');
      await patchMember(colleague, { departmentId: elsewhere });
      await world
        .http()
        .patch(`/api/v1/cohorts/${fixed}`)
        .set(...bearer(org.admin))
        .send({ dueDate: '2027-01-31' })
        .expect(200);
      await patchMember(colleague, { departmentId: ward });
      expect((await enrollmentsOf(fixed)).filter((e) => e.memberId === colleague)).toEqual([
        expect.objectContaining({ id: before.id, status: 'not_started', dueAt: '2027-02-01T05:59:59.999Z' }),
      ]);
      expect((await enrollmentsOf(fixed)).find((e) => e.memberId === learner.memberId)?.dueAt).toBe(
        '2027-01-01T05:59:59.999Z',
      );
    });

    it('deactivating a member withdraws their open enrollments and keeps the completed ones', async () => {
      await world
        .http()
        .post(`/api/v1/members/${learner.memberId}/deactivate`)
        .set(...bearer(org.admin))
        .expect(200);
      const recurringAfter = (await enrollmentsOf(recurring)).filter((e) => e.memberId === learner.memberId);
      expect(recurringAfter.map((e) => [e.cycle, e.status]).sort()).toEqual([
        [1, 'completed'],
        [2, 'withdrawn'],
      ]);
      expect((await enrollmentsOf(fixed)).find((e) => e.memberId === learner.memberId)?.status).toBe(
        'completed',
      );
      expect(await stats(recurring)).toMatchObject({ completed: 1, notStarted: 1, inProgress: 0 });
    });
  });

  it('moving a department to another site moves its members between site-targeted cohorts', async () => {
    const east = await createSite(world, org.admin, 'East', 'satellite_clinic');
    const west = await createSite(world, org.admin, 'West', 'satellite_clinic');
    const dept = await createDepartment(world, org.admin, east, 'Mobile unit', 'urgent_care');
    const traveller = await createMember({ departmentId: dept });
    const eastCohort = (await newCohort({ name: 'East', target: { siteIds: [east] } })).id;
    const westCohort = (await newCohort({ name: 'West', target: { siteIds: [west] } })).id;
    expect((await enrollmentsOf(eastCohort)).map((e) => [e.memberId, e.status])).toEqual([
      [traveller.id, 'not_started'],
    ]);
    expect(await enrollmentsOf(westCohort)).toEqual([]);

    await world
      .http()
      .patch(`/api/v1/departments/${dept}`)
      .set(...bearer(org.admin))
      .send({ siteId: west })
      .expect(200);
    expect((await enrollmentsOf(eastCohort)).map((e) => [e.memberId, e.status])).toEqual([
      [traveller.id, 'withdrawn'],
    ]);
    expect((await enrollmentsOf(westCohort)).map((e) => [e.memberId, e.status])).toEqual([
      [traveller.id, 'not_started'],
    ]);
    expect(await assignmentNotifications(traveller.email)).toHaveLength(2);
  });
});
