import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface SessionView {
  id: string;
  organizationId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  capacity: number;
  status: string;
  sequence: number;
  facilitators: Array<{ id: string; name: string }>;
  registeredCount: number;
  waitlistCount: number;
  registrationClosesAt: string;
}

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describe('live sessions: facilitators, bookings with a travel buffer, seats and the waitlist', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let siteId: string;
  let otherSiteId: string;
  let platform: Session;
  let educator: Session;
  /** Days from now each test books in, so no two tests share a facilitator's time. */
  let day = 30;

  const at = (days: number, hour: number, minute = 0) => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hour, minute, 0, 0);
    return date;
  };

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
  const del = (session: Session, path: string) =>
    world
      .http()
      .delete(path)
      .set(...bearer(session));

  const sessionBody = (facilitatorIds: string[], startsAt: Date, endsAt: Date, extra: object = {}) => ({
    courseId,
    siteId,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timezone: 'America/Chicago',
    location: 'Education room 2',
    capacity: 10,
    facilitatorIds,
    ...extra,
  });

  async function schedule(
    facilitatorIds: string[],
    startsAt: Date,
    endsAt: Date,
    extra: object = {},
  ): Promise<SessionView> {
    const res = await post(
      educator,
      '/api/v1/live-sessions',
      sessionBody(facilitatorIds, startsAt, endsAt, extra),
    );
    expect(res.status).toBe(201);
    return res.body as SessionView;
  }

  const nextDay = () => (day += 2);

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Live Health');
    other = await world.createOrganization('Other Clinic');
    platform = await world.platformAdmin();
    educator = (await world.addMember(org, ['educator'])).session;
    courseId = (await findHt101(world, org.admin)).id;
    siteId = await createSite(world, org.admin, 'Main Hospital');
    otherSiteId = await createSite(world, other.admin, 'Other Hospital');
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('facilitators', () => {
    it('lists the platform users with the facilitator role, for schedulers only', async () => {
      const fran = await world.addPlatformStaff(['facilitator'], 'Fran Listed');
      const res = await get(educator, '/api/v1/facilitators');
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items).toContainEqual({ id: fran.user.id, name: 'Fran Listed' });
      expect(res.body.items.map((f: { id: string }) => f.id)).not.toContain(platform.user.id);
      expect((await get(platform, '/api/v1/facilitators')).status).toBe(200);
      const learner = await world.addMember(org, ['learner']);
      expect((await get(learner.session, '/api/v1/facilitators')).status).toBe(403);
      expect((await get(fran, '/api/v1/facilitators')).status).toBe(403);
    });
  });

  describe('scheduling', () => {
    it('names each bad field with 400 and stores nothing', async () => {
      const before = await world.ownerQuery('SELECT id FROM live_sessions');
      const res = await post(educator, '/api/v1/live-sessions', {
        courseId,
        siteId: otherSiteId,
        startsAt: at(nextDay(), 16).toISOString(),
        endsAt: at(day, 15).toISOString(),
        timezone: 'Mars/Olympus_Mons',
        location: '',
        capacity: 1001,
        facilitatorIds: [org.admin.user.id],
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['timezone', 'location', 'capacity']));

      const fran = await world.addPlatformStaff(['facilitator']);
      const semantic = await post(educator, '/api/v1/live-sessions', {
        ...sessionBody([org.admin.user.id, fran.user.id], at(day, 16), at(day, 15)),
        siteId: otherSiteId,
      });
      expect(semantic.status).toBe(400);
      expect((semantic.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'endsAt',
        'facilitatorIds',
        'siteId',
      ]);
      for (const bad of [
        { capacity: 0 },
        { capacity: 2.5 },
        { startsAt: '2031-03-04T14:00:00' },
        { startsAt: 'soon' },
        { facilitatorIds: [] },
        { courseId: 'not-a-course' },
      ]) {
        const one = await post(educator, '/api/v1/live-sessions', {
          ...sessionBody([fran.user.id], at(day, 14), at(day, 16)),
          ...bad,
        });
        expect(one.status).toBe(400);
        expect(one.body.errors.map((e: { field: string }) => e.field)).toEqual([Object.keys(bad)[0]]);
      }
      expect(await world.ownerQuery('SELECT id FROM live_sessions')).toHaveLength(before.length);
    });

    it('refuses a facilitator booked within the travel buffer (409), in either direction and across organizations', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const first = await schedule([fran.user.id], at(d, 14), at(d, 16));
      expect(first).toMatchObject({
        status: 'scheduled',
        sequence: 0,
        capacity: 10,
        timezone: 'America/Chicago',
        facilitators: [{ id: fran.user.id, name: 'Fran Facilitator' }],
        registeredCount: 0,
        waitlistCount: 0,
      });

      // Starts 30 minutes after the first ends: within the 60-minute buffer.
      const tooSoon = await post(
        educator,
        '/api/v1/live-sessions',
        sessionBody([fran.user.id], at(d, 16, 30), at(d, 18)),
      );
      expect(tooSoon.status).toBe(409);
      // Ends 30 minutes before the first starts.
      const tooLate = await post(
        educator,
        '/api/v1/live-sessions',
        sessionBody([fran.user.id], at(d, 11), at(d, 13, 30)),
      );
      expect(tooLate.status).toBe(409);
      // Another organization cannot see the first session, yet the facilitator is still busy.
      const elsewhere = await post(other.admin, '/api/v1/live-sessions', {
        ...sessionBody([fran.user.id], at(d, 15), at(d, 17)),
        siteId: otherSiteId,
      });
      expect(elsewhere.status).toBe(409);

      // 90 minutes after the first ends, and 90 minutes before it starts: free.
      await schedule([fran.user.id], at(d, 17, 30), at(d, 19));
      await schedule([fran.user.id], at(d, 11), at(d, 12, 30));
      expect(
        await world.ownerQuery('SELECT session_id FROM session_facilitators WHERE facilitator_id = $1', [
          fran.user.id,
        ]),
      ).toHaveLength(3);
    });

    it('books a facilitator once when two bookings for the same time arrive at once', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const [a, b] = await Promise.all([
        post(educator, '/api/v1/live-sessions', sessionBody([fran.user.id], at(d, 9), at(d, 11))),
        post(org.admin, '/api/v1/live-sessions', sessionBody([fran.user.id], at(d, 9), at(d, 11))),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(
        await world.ownerQuery('SELECT session_id FROM session_facilitators WHERE facilitator_id = $1', [
          fran.user.id,
        ]),
      ).toHaveLength(1);
    });

    it('cancels a session: SEQUENCE raised, the facilitator free again, a second cancel 409', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const session = await schedule([fran.user.id], at(d, 9), at(d, 11));
      const cancelled = await post(educator, `/api/v1/live-sessions/${session.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id: session.id, status: 'cancelled', sequence: 1 });
      expect((await post(educator, `/api/v1/live-sessions/${session.id}/cancel`)).status).toBe(409);
      await schedule([fran.user.id], at(d, 9), at(d, 11));
      const learner = await world.addMember(org, ['learner']);
      const late = await post(learner.session, `/api/v1/live-sessions/${session.id}/registrations`, {
        memberId: learner.memberId,
      });
      expect(late.status).toBe(409);
    });

    it('lets a platform admin schedule for an organization and read the session by id', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const missing = await post(
        platform,
        '/api/v1/live-sessions',
        sessionBody([fran.user.id], at(d, 9), at(d, 11)),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['organizationId']);
      const res = await post(
        platform,
        '/api/v1/live-sessions',
        sessionBody([fran.user.id], at(d, 9), at(d, 11), { organizationId: org.id }),
      );
      expect(res.status).toBe(201);
      expect(res.body.organizationId).toBe(org.id);
      expect((await get(platform, `/api/v1/live-sessions/${res.body.id}`)).status).toBe(200);
      expect((await get(educator, `/api/v1/live-sessions/${res.body.id}`)).body.id).toBe(res.body.id);
    });

    it('lists the sessions of a range, and answers 400 for a range that ends before it starts', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const inside = await schedule([fran.user.id], at(d, 9), at(d, 11));
      const outside = await schedule([fran.user.id], at(d + 1, 9), at(d + 1, 11));
      const res = await get(
        educator,
        `/api/v1/live-sessions?from=${encodeURIComponent(at(d, 0).toISOString())}&to=${encodeURIComponent(at(d, 23).toISOString())}`,
      );
      expect(res.status).toBe(200);
      const ids = res.body.items.map((s: SessionView) => s.id);
      expect(ids).toContain(inside.id);
      expect(ids).not.toContain(outside.id);
      const backwards = await get(
        educator,
        `/api/v1/live-sessions?from=${encodeURIComponent(at(d, 23).toISOString())}&to=${encodeURIComponent(at(d, 0).toISOString())}`,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    });
  });

  describe('who reaches a session', () => {
    it("answers 404 to another organization's staff for the same id A reads", async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const session = await schedule([fran.user.id], at(d, 9), at(d, 11));
      expect((await get(org.admin, `/api/v1/live-sessions/${session.id}`)).status).toBe(200);
      expect((await get(other.admin, `/api/v1/live-sessions/${session.id}`)).status).toBe(404);
      expect((await post(other.admin, `/api/v1/live-sessions/${session.id}/cancel`)).status).toBe(404);
      const outsider = await world.addMember(other, ['learner']);
      expect(
        (
          await post(other.admin, `/api/v1/live-sessions/${session.id}/registrations`, {
            memberId: outsider.memberId,
          })
        ).status,
      ).toBe(404);
      const listed = await get(other.admin, '/api/v1/live-sessions');
      expect(listed.body.items.map((s: SessionView) => s.id)).not.toContain(session.id);
      expect((await get(org.admin, `/api/v1/live-sessions/${session.id}`)).body.status).toBe('scheduled');
    });

    it('shows a facilitator the sessions they are assigned to, with the roster counts, and nothing else', async () => {
      const assigned = await world.addPlatformStaff(['facilitator'], 'Ava Assigned');
      const unassigned = await world.addPlatformStaff(['facilitator'], 'Uma Unassigned');
      const d = nextDay();
      const session = await schedule([assigned.user.id], at(d, 9), at(d, 11));
      const learner = await world.addMember(org, ['learner']);
      await post(learner.session, `/api/v1/live-sessions/${session.id}/registrations`, {
        memberId: learner.memberId,
      }).expect(201);

      const seen = await get(assigned, `/api/v1/live-sessions/${session.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ id: session.id, registeredCount: 1, waitlistCount: 0 });
      expect((await get(assigned, '/api/v1/live-sessions')).body.items.map((s: SessionView) => s.id)).toEqual(
        [session.id],
      );

      expect((await get(unassigned, `/api/v1/live-sessions/${session.id}`)).status).toBe(404);
      expect((await get(unassigned, '/api/v1/live-sessions')).body.items).toEqual([]);
      // Read-only: a facilitator neither cancels nor registers.
      expect((await post(assigned, `/api/v1/live-sessions/${session.id}/cancel`)).status).toBe(403);

      // The same in SQL, as the app role with only the facilitator's user id set.
      const visible = (userId: string) =>
        world.appTransaction({ 'app.user_id': userId }, async (client) => ({
          sessions: (await client.query('SELECT id FROM live_sessions')).rows,
          registrations: (await client.query('SELECT id FROM session_registrations')).rowCount,
          sites: (await client.query('SELECT id FROM sites')).rowCount,
        }));
      expect(await visible(assigned.user.id)).toEqual({
        sessions: [{ id: session.id }],
        registrations: 1,
        sites: 0,
      });
      expect(await visible(unassigned.user.id)).toEqual({ sessions: [], registrations: 0, sites: 0 });
    });
  });

  describe('registrations', () => {
    it('fills exactly 10 seats from 50 parallel registrations; the other 40 wait', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const session = await schedule([fran.user.id], at(d, 9), at(d, 11));
      const memberIds: string[] = [];
      for (let i = 0; i < 50; i += 1) {
        const res = await post(org.admin, '/api/v1/members', {
          email: world.email('seat'),
          name: `Seat ${i}`,
          roles: ['learner'],
          invite: false,
        });
        expect(res.status).toBe(201);
        memberIds.push(res.body.id as string);
      }
      const answers = await Promise.all(
        memberIds.map((memberId) =>
          post(org.admin, `/api/v1/live-sessions/${session.id}/registrations`, { memberId }),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(memberIds.map(() => 201));
      const statuses = answers.map((res) => res.body.status as string);
      expect(statuses.filter((s) => s === 'registered')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
      const counted = await get(educator, `/api/v1/live-sessions/${session.id}`);
      expect(counted.body).toMatchObject({ registeredCount: 10, waitlistCount: 40 });
      const again = await post(org.admin, `/api/v1/live-sessions/${session.id}/registrations`, {
        memberId: memberIds[0],
      });
      expect(again.status).toBe(409);
    });

    it('promotes the first waitlisted member when a seat frees, and tells them by mail', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const session = await schedule([fran.user.id], at(d, 9), at(d, 11), { capacity: 1 });
      const first = await world.addMember(org, ['learner']);
      const second = await world.addMember(org, ['learner']);
      const third = await world.addMember(org, ['learner']);
      const register = (who: { memberId: string; session: Session }) =>
        post(who.session, `/api/v1/live-sessions/${session.id}/registrations`, { memberId: who.memberId });
      expect((await register(first)).body.status).toBe('registered');
      expect((await register(second)).body.status).toBe('waitlisted');
      expect((await register(third)).body.status).toBe('waitlisted');
      // A learner registers and unregisters only themselves.
      expect(
        (
          await post(second.session, `/api/v1/live-sessions/${session.id}/registrations`, {
            memberId: third.memberId,
          })
        ).status,
      ).toBe(403);
      expect(
        (await del(second.session, `/api/v1/live-sessions/${session.id}/registrations/${first.memberId}`))
          .status,
      ).toBe(403);

      expect(
        (await del(first.session, `/api/v1/live-sessions/${session.id}/registrations/${first.memberId}`))
          .status,
      ).toBe(204);
      const after = await get(educator, `/api/v1/live-sessions/${session.id}`);
      expect(after.body).toMatchObject({ registeredCount: 1, waitlistCount: 1 });
      const [promoted] = await world.ownerQuery<{ member_id: string; status: string }>(
        `SELECT member_id, status FROM session_registrations WHERE session_id = $1 AND status = 'registered'`,
        [session.id],
      );
      expect(promoted.member_id).toBe(second.memberId);

      // Each had their registration confirmed by mail (see live-session-ics); only the promoted one gets a seat mail.
      const seat = (mail: { subject: string }) => mail.subject.startsWith('You have a seat');
      const mail = await world.mail.waitForMatching(second.email, seat);
      expect(mail.subject).toBe('You have a seat: ' + (await findHt101(world, org.admin)).title);
      expect(mail.text).toContain('Education room 2');
      expect(mail.text).toMatch(/C[SD]T|Central/);
      // The seat comes with its calendar invite, the promoted member its attendee.
      expect(mail.attachments.map((file) => [file.filename, file.contentType])).toEqual([
        ['session.ics', expect.stringMatching(/^text\/calendar; ?method=REQUEST/i)],
      ]);
      expect(mail.attachments[0].content).toContain(`UID:${session.id}@beacon.test`);
      expect(mail.attachments[0].content.replace(/\r\n[ \t]/g, '')).toContain(`MAILTO:${second.email}`);
      await world.settled();
      expect(world.mail.to(third.email).filter(seat)).toHaveLength(0);
      expect(world.mail.to(first.email).filter(seat)).toHaveLength(0);
      expect(
        (await del(first.session, `/api/v1/live-sessions/${session.id}/registrations/${first.memberId}`))
          .status,
      ).toBe(404);
    });

    it('lists my sessions: those I am registered or waitlisted for, and those I facilitate', async () => {
      const fran = await world.addPlatformStaff(['facilitator'], 'Mia Mine');
      const d = nextDay();
      const full = await schedule([fran.user.id], at(d, 9), at(d, 11), { capacity: 1 });
      const open = await schedule([fran.user.id], at(d + 1, 9), at(d + 1, 11));
      const unrelated = await schedule(
        [(await world.addPlatformStaff(['facilitator'])).user.id],
        at(d, 9),
        at(d, 11),
      );
      const taker = await world.addMember(org, ['learner']);
      const me = await world.addMember(org, ['learner']);
      await post(taker.session, `/api/v1/live-sessions/${full.id}/registrations`, {
        memberId: taker.memberId,
      }).expect(201);
      for (const id of [full.id, open.id])
        await post(me.session, `/api/v1/live-sessions/${id}/registrations`, { memberId: me.memberId }).expect(
          201,
        );

      const mine = await get(me.session, '/api/v1/me/live-sessions');
      expect(mine.status).toBe(200);
      expect(
        mine.body.items.map((s: SessionView & { registrationStatus: string; facilitating: boolean }) => [
          s.id,
          s.registrationStatus,
          s.facilitating,
        ]),
      ).toEqual([
        [full.id, 'waitlisted', false],
        [open.id, 'registered', false],
      ]);
      expect(mine.body.items.map((s: SessionView) => s.id)).not.toContain(unrelated.id);

      const facilitated = await get(fran, '/api/v1/me/live-sessions');
      expect(
        facilitated.body.items.map((s: SessionView & { facilitating: boolean }) => [s.id, s.facilitating]),
      ).toEqual([
        [full.id, true],
        [open.id, true],
      ]);
      const nobody = await world.addMember(other, ['learner']);
      expect((await get(nobody.session, '/api/v1/me/live-sessions')).body.items).toEqual([]);
    });

    it('closes registration when the session starts', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const started = await schedule(
        [fran.user.id],
        new Date(Date.now() - 30 * MINUTE),
        new Date(Date.now() + HOUR),
      );
      expect(started.registrationClosesAt).toBe(started.startsAt);
      const learner = await world.addMember(org, ['learner']);
      const res = await post(learner.session, `/api/v1/live-sessions/${started.id}/registrations`, {
        memberId: learner.memberId,
      });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('closed');
    });

    it('refuses a member of another organization as a 400 naming memberId', async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const d = nextDay();
      const session = await schedule([fran.user.id], at(d, 9), at(d, 11));
      const outsider = await world.addMember(other, ['learner']);
      const res = await post(org.admin, `/api/v1/live-sessions/${session.id}/registrations`, {
        memberId: outsider.memberId,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['memberId']);
    });
  });
});
