import { ICAL } from '../support/ical';
import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 86_400_000;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error(`no VEVENT in:\n${text}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    location: event.location,
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
  };
}

describe('changing a live session: SEQUENCE, update mail, capacity and facilitator time', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let courseId: string;
  let siteId: string;
  let day = 30;

  const at = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const send = (method: 'post' | 'patch' | 'get', who: Session, path: string, body?: unknown) => {
    const req = world
      .http()
      [method](path)
      .set(...bearer(who));
    return body === undefined ? req : req.send(body as object);
  };
  const patch = (who: Session, id: string, body: unknown) =>
    send('patch', who, `/api/v1/live-sessions/${id}`, body);
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) =>
    (res.body.errors ?? []).map((e) => e.field).sort();

  async function schedule(capacity = 5, facilitatorIds?: string[]) {
    const ids = facilitatorIds ?? [(await world.addPlatformStaff(['facilitator'])).user.id];
    day += 2;
    const res = await send('post', educator, '/api/v1/live-sessions', {
      courseId,
      siteId,
      startsAt: at(day, 15),
      endsAt: at(day, 17),
      timezone: 'America/Chicago',
      location: 'Room 1',
      capacity,
      facilitatorIds: ids,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; startsAt: string; sequence: number };
  }
  async function register(sessionId: string, locale?: string) {
    const member = await world.addMember(org, ['learner'], locale ? { locale } : {});
    const res = await send('post', member.session, `/api/v1/live-sessions/${sessionId}/registrations`, {
      memberId: member.memberId,
    });
    expect(res.status).toBe(201);
    return { ...member, status: res.body.status as string };
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Update Health');
    other = await world.createOrganization('Other Update Clinic');
    educator = (await world.addMember(org, ['educator'])).session;
    courseId = (await findHt101(world, org.admin)).id;
    siteId = await createSite(world, org.admin, 'Main Hospital');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('raises SEQUENCE by one and mails everyone seated the new time with the updated invite, in their language', async () => {
    const session = await schedule();
    const en = await register(session.id);
    const es = await register(session.id, 'es');
    await world.mail.waitFor(en.email);
    await world.mail.waitFor(es.email);

    const res = await patch(educator, session.id, {
      startsAt: at(day, 18),
      endsAt: at(day, 20),
      location: 'Room 9',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sequence: 1, startsAt: at(day, 18), location: 'Room 9' });

    const downloaded = await send('get', en.session, `/api/v1/live-sessions/${session.id}/ics`).buffer(true);
    expect(parse(downloaded.text)).toMatchObject({ method: 'REQUEST', sequence: 1, start: at(day, 18) });

    const mail = await world.mail.waitFor(en.email, 2);
    expect(mail.subject).toMatch(/^Session changed: /);
    expect(mail.text).toContain('Room 9');
    expect(mail.text).toMatch(/C[SD]T|Central/);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toMatch(/^text\/calendar; ?method=REQUEST/i);
    expect(parse(mail.attachments[0].content)).toMatchObject({
      method: 'REQUEST',
      uid: `${session.id}@beacon.test`,
      sequence: 1,
      start: at(day, 18),
      location: 'Room 9',
      attendees: [`mailto:${en.email}`],
    });
    expect((await world.mail.waitFor(es.email, 2)).subject).toMatch(/^Sesión modificada: /);

    const audit = await world.ownerQuery<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_events WHERE action = 'live_session.updated' AND entity_id = $1`,
      [session.id],
    );
    expect(Object.keys(audit[0].changes).sort()).toEqual(['endsAt', 'location', 'startsAt']);
  });

  it('loses no SEQUENCE increment under 5 concurrent changes', async () => {
    const session = await schedule();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => patch(educator, session.id, { location: `Room ${n}0` })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const final = await send('get', educator, `/api/v1/live-sessions/${session.id}`);
    expect(final.body.sequence).toBe(5);
  });

  it('refuses a capacity below the seats taken, and seats the waitlist in order when it grows', async () => {
    const session = await schedule(1);
    const seated = await register(session.id);
    const first = await register(session.id);
    const second = await register(session.id);
    const third = await register(session.id);
    expect([seated.status, first.status, second.status, third.status]).toEqual([
      'registered',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    const grown = await patch(educator, session.id, { capacity: 3 });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ capacity: 3, registeredCount: 3, waitlistCount: 1, sequence: 1 });
    for (const promoted of [first, second]) {
      const mail = await world.mail.waitFor(promoted.email, 2);
      expect(mail.subject).toMatch(/^You have a seat: /);
      expect(parse(mail.attachments[0].content).sequence).toBe(1);
    }
    const [waiting] = await world.ownerQuery<{ status: string }>(
      'SELECT status FROM session_registrations WHERE member_id = $1',
      [third.memberId],
    );
    expect(waiting.status).toBe('waitlisted');

    const shrunk = await patch(educator, session.id, { capacity: 2 });
    expect(shrunk.status).toBe(409);
    expect(fields(shrunk)).toEqual(['capacity']);
    expect((await send('get', educator, `/api/v1/live-sessions/${session.id}`)).body.capacity).toBe(3);
  });

  it('refuses a move onto a facilitator booked elsewhere, naming them, and changes nothing', async () => {
    const fran = await world.addPlatformStaff(['facilitator'], 'Fran Busy');
    const busy = await schedule(5, [fran.user.id]);
    const moving = await schedule(5, [fran.user.id]);
    const seated = await register(moving.id);
    await world.mail.waitFor(seated.email);
    const res = await patch(educator, moving.id, { startsAt: busy.startsAt, endsAt: at(day - 2, 16) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ facilitatorId: fran.user.id, errors: [{ field: 'facilitatorIds' }] });
    expect(res.body.detail).toContain('Fran Busy');
    const after = await send('get', educator, `/api/v1/live-sessions/${moving.id}`);
    expect(after.body).toMatchObject({ startsAt: moving.startsAt, sequence: 0 });

    const swap = await world.addPlatformStaff(['facilitator'], 'Sam Swap');
    const swapped = await patch(educator, moving.id, { facilitatorIds: [swap.user.id] });
    expect(swapped.status).toBe(200);
    expect(swapped.body.facilitators).toEqual([{ id: swap.user.id, name: 'Sam Swap' }]);
    expect((await send('get', fran, `/api/v1/live-sessions/${moving.id}`)).status).toBe(404);
    // Fran's time on that day is free again.
    expect((await patch(educator, busy.id, { endsAt: at(day, 16) })).status).toBe(200);
  });

  it("answers 404 for another organization's session and refuses hostile or cancelled changes", async () => {
    const session = await schedule();
    expect((await patch(other.admin, session.id, { location: 'Elsewhere' })).status).toBe(404);
    expect((await patch(educator, crypto.randomUUID(), { location: 'Nowhere' })).status).toBe(404);
    const learner = await world.addMember(org, ['learner']);
    expect((await patch(learner.session, session.id, { location: 'Mine' })).status).toBe(403);

    const hostile = await patch(educator, session.id, {
      location: '',
      capacity: '10',
      startsAt: '2031-03-04T09:00',
      timezone: 'Mars/Base',
      facilitatorIds: ['not-an-id'],
      siteId: 7,
    });
    expect(hostile.status).toBe(400);
    expect(fields(hostile)).toEqual(
      expect.arrayContaining(['capacity', 'facilitatorIds', 'location', 'siteId', 'startsAt', 'timezone']),
    );
    const nul = await patch(educator, session.id, { location: 'Room\u0000 1' });
    expect(nul.status).toBe(400);
    expect(fields(nul)).toEqual(['location']);
    const surrogate = await patch(educator, session.id, { location: 'Room \ud800' });
    expect(surrogate.status).toBe(400);
    expect(fields(surrogate)).toEqual(['location']);
    expect((await patch(educator, session.id, {})).status).toBe(400);
    const semantic = await patch(educator, session.id, {
      endsAt: at(day, 14),
      siteId: await createSite(world, other.admin, `Other ${day}`),
      facilitatorIds: [org.admin.user.id],
    });
    expect(semantic.status).toBe(400);
    expect(fields(semantic)).toEqual(['endsAt', 'facilitatorIds', 'siteId']);
    expect((await send('get', educator, `/api/v1/live-sessions/${session.id}`)).body.sequence).toBe(0);

    await send('post', educator, `/api/v1/live-sessions/${session.id}/cancel`).expect(200);
    expect((await patch(educator, session.id, { location: 'Too late' })).status).toBe(409);
  });
});
