import { Clock } from '@beacon/core/time';
import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface RosterEntry {
  memberId: string;
  name: string;
  email?: string;
  registrationStatus: string;
  attendance: string | null;
  checkIn: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describe('live session roster: who registered, was marked and checked in, for the people who keep it', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let facilitator: Session;
  let sessionId: string;
  let startsAt: Date;
  let now: Date | null = null;
  const members: Record<string, { memberId: string; session: Session }> = {};

  const post = (by: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(by))
      .send(body);
  const roster = (by: Session, id = sessionId) =>
    world
      .http()
      .get(`/api/v1/live-sessions/${id}/roster`)
      .set(...bearer(by));

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Roster Health');
    other = await world.createOrganization('Roster Elsewhere');
    educator = (await world.addMember(org, ['educator'])).session;
    facilitator = await world.addPlatformStaff(['facilitator'], 'Rita Roster');
    const courseId = (await findHt101(world, org.admin)).id;
    const siteId = await createSite(world, org.admin, 'Roster Main');
    startsAt = new Date(Date.now() + 40 * DAY);
    startsAt.setUTCHours(15, 0, 0, 0);
    const created = await post(educator, '/api/v1/live-sessions', {
      courseId,
      siteId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE).toISOString(),
      timezone: 'America/Chicago',
      location: 'Skills lab',
      capacity: 4,
      facilitatorIds: [facilitator.user.id],
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    for (const name of [
      'Dana Marked',
      'Ana Absent',
      'Cy Checked',
      'Bo Rejected',
      'Eve Untouched',
      'Fay Waiting',
    ])
      members[name] = await world.addMember(org, ['learner'], { name });
    for (const name of Object.keys(members))
      await post(educator, `/api/v1/live-sessions/${sessionId}/registrations`, {
        memberId: members[name].memberId,
      }).expect(201);
    jest.spyOn(world.app.get(Clock), 'now').mockImplementation(() => now ?? new Date());
    now = new Date(startsAt.getTime() + 5 * MINUTE);
    const mark = (name: string, attended: boolean) =>
      post(facilitator, `/api/v1/live-sessions/${sessionId}/attendance`, {
        memberId: members[name].memberId,
        attended,
      }).expect(200);
    await mark('Dana Marked', true);
    await mark('Ana Absent', true);
    await mark('Ana Absent', false);
    const code = await post(facilitator, `/api/v1/live-sessions/${sessionId}/check-in-code`).expect(200);
    for (const name of ['Cy Checked', 'Bo Rejected'])
      await post(members[name].session, `/api/v1/live-sessions/${sessionId}/check-in`, {
        code: code.body.code,
      }).expect(200);
    await post(
      facilitator,
      `/api/v1/live-sessions/${sessionId}/check-ins/${members['Bo Rejected'].memberId}/reject`,
    ).expect(204);
  });

  afterAll(async () => {
    now = null;
    await world?.stop();
  });

  it('lists every registration by name with its attendance and check-in, and emails for the organization', async () => {
    const res = await roster(educator);
    expect(res.status).toBe(200);
    expect(res.body.rosterClosedAt).toBeNull();
    const items: RosterEntry[] = res.body.items;
    expect(items.map((item) => [item.name, item.registrationStatus, item.attendance, item.checkIn])).toEqual([
      ['Ana Absent', 'registered', 'absent', null],
      ['Bo Rejected', 'registered', null, 'rejected'],
      ['Cy Checked', 'registered', null, 'provisional'],
      ['Dana Marked', 'registered', 'attended', null],
      ['Eve Untouched', 'waitlisted', null, null],
      ['Fay Waiting', 'waitlisted', null, null],
    ]);
    expect(items[0].memberId).toBe(members['Ana Absent'].memberId);
    expect(items.every((item) => typeof item.email === 'string' && item.email.includes('@'))).toBe(true);
  });

  it('shows the assigned facilitator the roster without emails, and a closed roster confirms the check-in', async () => {
    const before = await roster(facilitator);
    expect(before.status).toBe(200);
    expect(before.body.items).toHaveLength(6);
    expect(before.body.items.some((item: RosterEntry) => 'email' in item)).toBe(false);

    await post(facilitator, `/api/v1/live-sessions/${sessionId}/roster/close`).expect(200);
    const after = await roster(facilitator);
    expect(after.body.rosterClosedAt).toEqual(expect.any(String));
    const cy = after.body.items.find((item: RosterEntry) => item.name === 'Cy Checked');
    expect(cy).toMatchObject({ attendance: 'attended', checkIn: 'confirmed' });
  });

  it('is a 404 for a facilitator not assigned to the session, and for a platform admin reads any', async () => {
    const stranger = await world.addPlatformStaff(['facilitator'], 'Sam Stranger');
    const res = await roster(stranger);
    expect(res.status).toBe(404);
    expect(res.body.type).toEqual(expect.any(String));
    const admin = await world.platformAdmin();
    const read = await roster(admin);
    expect(read.status).toBe(200);
    expect(read.body.items).toHaveLength(6);
  });

  it('tells a learner their own registration and member id, status null when not registered, 404 across organizations', async () => {
    const mine = (by: Session) =>
      world
        .http()
        .get(`/api/v1/me/live-sessions/${sessionId}/registration`)
        .set(...bearer(by));
    const dana = await mine(members['Dana Marked'].session);
    expect(dana.status).toBe(200);
    expect(dana.body).toMatchObject({
      sessionId,
      memberId: members['Dana Marked'].memberId,
      status: 'registered',
      attendance: 'attended',
      checkIn: null,
    });
    const bo = await mine(members['Bo Rejected'].session);
    expect(bo.body).toMatchObject({ status: 'registered', attendance: null, checkIn: 'rejected' });
    const fay = await mine(members['Fay Waiting'].session);
    expect(fay.body).toMatchObject({ status: 'waitlisted', attendance: null, checkIn: null });
    const newcomer = await world.addMember(org, ['learner']);
    const none = await mine(newcomer.session);
    expect(none.body).toMatchObject({ memberId: newcomer.memberId, status: null, attendance: null });
    expect((await mine(other.admin)).status).toBe(404);
    expect((await mine(facilitator)).status).toBe(403);
  });

  it("is a 404 for another organization's staff, 403 for learners and managers, 404 for an unknown or malformed id", async () => {
    expect((await roster(other.admin)).status).toBe(404);
    expect((await roster(members['Dana Marked'].session)).status).toBe(403);
    const manager = (await world.addMember(org, ['manager'])).session;
    expect((await roster(manager)).status).toBe(403);
    const unknown = await roster(educator, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const bad = await roster(educator, 'not-an-id%00');
    expect(bad.status).toBe(404);
  });
});
