import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface Conflict {
  facilitatorId: string;
  facilitatorName: string;
  busyFrom: string;
  busyUntil: string;
  sessionId: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** SESSION_TRAVEL_BUFFER's default. */
const BUFFER = 60 * MINUTE;

describe('live session conflicts: the preview of a booking before it is saved', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let siteId: string;
  let otherSiteId: string;
  let platform: Session;
  let educator: Session;
  /** Days from now each test books in, so no two tests share a facilitator's time. */
  let day = 40;
  const nextDay = () => (day += 2);

  const at = (days: number, hour: number, minute = 0) => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hour, minute, 0, 0);
    return date;
  };

  const body = (facilitatorIds: string[], startsAt: Date, endsAt: Date, site = siteId) => ({
    courseId,
    siteId: site,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timezone: 'America/Chicago',
    location: 'Education room 2',
    capacity: 10,
    facilitatorIds,
  });

  const schedule = (session: Session, payload: object) =>
    world
      .http()
      .post('/api/v1/live-sessions')
      .set(...bearer(session))
      .send(payload);

  const preview = (session: Session, query: string) =>
    world
      .http()
      .get(`/api/v1/live-sessions/conflicts?${query}`)
      .set(...bearer(session));

  const probe = (facilitatorIds: string[], startsAt: Date, endsAt: Date, extra = '') =>
    [
      ...facilitatorIds.map((id) => `facilitatorIds=${id}`),
      `startsAt=${encodeURIComponent(startsAt.toISOString())}`,
      `endsAt=${encodeURIComponent(endsAt.toISOString())}`,
    ].join('&') + extra;

  const fields = (res: { body: { errors?: Array<{ field: string }> } }) =>
    (res.body.errors ?? []).map((e) => e.field).sort();

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Preview Health');
    other = await world.createOrganization('Elsewhere Clinic');
    platform = await world.platformAdmin();
    educator = (await world.addMember(org, ['educator'])).session;
    courseId = (await findHt101(world, org.admin)).id;
    siteId = await createSite(world, org.admin, 'Main Hospital');
    otherSiteId = await createSite(world, other.admin, 'Other Hospital');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it("names the organization's own booking by its session, with the buffer in the busy time", async () => {
    const fran = await world.addPlatformStaff(['facilitator'], 'Fran Preview');
    const free = await world.addPlatformStaff(['facilitator'], 'Free Facilitator');
    const d = nextDay();
    const booked = await schedule(educator, body([fran.user.id], at(d, 14), at(d, 16)));
    expect(booked.status).toBe(201);

    const res = await preview(educator, probe([fran.user.id, free.user.id], at(d, 16, 30), at(d, 18)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          facilitatorId: fran.user.id,
          facilitatorName: 'Fran Preview',
          busyFrom: at(d, 14).toISOString(),
          busyUntil: new Date(at(d, 16).getTime() + BUFFER).toISOString(),
          sessionId: booked.body.id,
        },
      ],
      nextCursor: null,
    });
    // The session being changed is not in its own way.
    const excluded = await preview(
      educator,
      probe([fran.user.id], at(d, 16, 30), at(d, 18), `&excludeSessionId=${booked.body.id}`),
    );
    expect(excluded.status).toBe(200);
    expect(excluded.body.items).toEqual([]);
  });

  it("shows another organization's booking as busy time only, never its session", async () => {
    const fran = await world.addPlatformStaff(['facilitator'], 'Fran Elsewhere');
    const d = nextDay();
    const theirs = await schedule(other.admin, body([fran.user.id], at(d, 9), at(d, 11), otherSiteId));
    expect(theirs.status).toBe(201);

    const res = await preview(educator, probe([fran.user.id], at(d, 10), at(d, 12)));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        facilitatorId: fran.user.id,
        facilitatorName: 'Fran Elsewhere',
        busyFrom: at(d, 9).toISOString(),
        busyUntil: new Date(at(d, 11).getTime() + BUFFER).toISOString(),
        sessionId: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(other.id);
    expect(JSON.stringify(res.body)).not.toContain('Other Hospital');
    // Excluding their session's id does not hide it: it is not this organization's to change.
    const excluded = await preview(
      educator,
      probe([fran.user.id], at(d, 10), at(d, 12), `&excludeSessionId=${theirs.body.id}`),
    );
    expect(excluded.body.items).toHaveLength(1);
  });

  it('agrees with the 409 of scheduling on both sides of the buffer edge, before and after', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const d = nextDay();
    expect(
      (await schedule(other.admin, body([fran.user.id], at(d, 12), at(d, 14), otherSiteId))).status,
    ).toBe(201);
    const cases: Array<[Date, Date]> = [
      // After: starting exactly when the buffer ends is free; a minute earlier is not.
      [new Date(at(d, 14).getTime() + BUFFER), at(d, 17)],
      [new Date(at(d, 14).getTime() + BUFFER - MINUTE), at(d, 17)],
      // Before: the new session's own buffer must end by the booked start.
      [at(d, 8), new Date(at(d, 12).getTime() - BUFFER)],
      [at(d, 8), new Date(at(d, 12).getTime() - BUFFER + MINUTE)],
    ];
    const answers: Array<[number, number]> = [];
    for (const [startsAt, endsAt] of cases) {
      const seen = await preview(educator, probe([fran.user.id], startsAt, endsAt));
      expect(seen.status).toBe(200);
      const saved = await schedule(educator, body([fran.user.id], startsAt, endsAt));
      answers.push([seen.body.items.length, saved.status]);
      if (saved.status === 201)
        await world
          .http()
          .post(`/api/v1/live-sessions/${saved.body.id}/cancel`)
          .set(...bearer(educator))
          .expect(200);
    }
    expect(answers).toEqual([
      [0, 201],
      [1, 409],
      [0, 201],
      [1, 409],
    ]);
  });

  it('ignores cancelled bookings', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const d = nextDay();
    const booked = await schedule(educator, body([fran.user.id], at(d, 14), at(d, 16)));
    await world
      .http()
      .post(`/api/v1/live-sessions/${booked.body.id}/cancel`)
      .set(...bearer(educator))
      .expect(200);
    const res = await preview(educator, probe([fran.user.id], at(d, 15), at(d, 17)));
    expect(res.body.items).toEqual([]);
  });

  it('lets a platform admin preview for a named organization, and requires one', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const d = nextDay();
    const booked = await schedule(educator, body([fran.user.id], at(d, 14), at(d, 16)));
    const named = await preview(
      platform,
      probe([fran.user.id], at(d, 15), at(d, 17), `&organizationId=${org.id}`),
    );
    expect(named.status).toBe(200);
    expect(named.body.items.map((c: Conflict) => c.sessionId)).toEqual([booked.body.id]);
    const asOther = await preview(
      platform,
      probe([fran.user.id], at(d, 15), at(d, 17), `&organizationId=${other.id}`),
    );
    expect(asOther.body.items.map((c: Conflict) => c.sessionId)).toEqual([null]);

    const missing = await preview(platform, probe([fran.user.id], at(d, 15), at(d, 17)));
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual(['organizationId']);
    const unknown = await preview(
      platform,
      probe([fran.user.id], at(d, 15), at(d, 17), `&organizationId=${fran.user.id}`),
    );
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual(['organizationId']);
  });

  it('is for schedulers only', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const learner = await world.addMember(org, ['learner']);
    const query = probe([fran.user.id], at(nextDay(), 15), at(day, 17));
    expect((await preview(learner.session, query)).status).toBe(403);
    expect((await preview(fran, query)).status).toBe(403);
    expect((await world.http().get(`/api/v1/live-sessions/conflicts?${query}`)).status).toBe(401);
    expect((await preview(org.admin, query)).status).toBe(200);
  });

  it('names each bad field with 400, never a 500', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const d = nextDay();
    const ok = probe([fran.user.id], at(d, 15), at(d, 17));
    const eleven = Array.from({ length: 11 }, () => `facilitatorIds=${crypto.randomUUID()}`);
    const cases: Array<[string, string[]]> = [
      [probe([fran.user.id], at(d, 17), at(d, 15)), ['endsAt']],
      [probe([fran.user.id], at(d, 15), at(d, 15)), ['endsAt']],
      [`${ok}&startsAt=${encodeURIComponent(at(d, 14).toISOString())}`, ['startsAt']],
      [`startsAt=soon&endsAt=2031-03-04T14:00:00&facilitatorIds=${fran.user.id}`, ['endsAt', 'startsAt']],
      [probe(['not-a-uuid'], at(d, 15), at(d, 17)), ['facilitatorIds']],
      [probe([org.admin.user.id], at(d, 15), at(d, 17)), ['facilitatorIds']],
      [
        `startsAt=${encodeURIComponent(at(d, 15).toISOString())}&endsAt=${encodeURIComponent(at(d, 17).toISOString())}`,
        ['facilitatorIds'],
      ],
      [
        `${eleven.join('&')}&startsAt=${encodeURIComponent(at(d, 15).toISOString())}&endsAt=${encodeURIComponent(at(d, 17).toISOString())}`,
        ['facilitatorIds'],
      ],
      [`${ok}&excludeSessionId=x`, ['excludeSessionId']],
      [`${ok}&location=x`, ['location']],
      [probe([fran.user.id], at(d, 15), at(d, 17)).replace('startsAt=', 'startsAt=%00'), ['startsAt']],
      [`${ok}&excludeSessionId=%ED%A0%80`, ['excludeSessionId']],
    ];
    for (const [query, expected] of cases) {
      const res = await preview(educator, query);
      expect({ query, status: res.status, fields: fields(res) }).toEqual({
        query,
        status: 400,
        fields: expected,
      });
    }
  });

  it('is not taken for a session id (the route comes before GET /live-sessions/:id)', async () => {
    const res = await preview(educator, '');
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['endsAt', 'facilitatorIds', 'startsAt']));
  });

  it('answers a burst of previews alike', async () => {
    const fran = await world.addPlatformStaff(['facilitator']);
    const d = nextDay();
    await schedule(other.admin, body([fran.user.id], at(d, 9), at(d, 11), otherSiteId)).expect(201);
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => preview(educator, probe([fran.user.id], at(d, 10), at(d, 12)))),
    );
    expect(burst.map((res) => [res.status, res.body.items.length])).toEqual(
      Array.from({ length: 8 }, () => [200, 1]),
    );
  });
});
