import { ICAL } from '../support/ical';
import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
const LOCATION = 'Education room 2, east wing; second floor\nAsk at the desk';

/** An invite read back by a real calendar parser. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vevent || !vtimezone) throw new Error(`no VEVENT or VTIMEZONE in:\n${text}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vtimezone.getFirstPropertyValue('tzid'),
    startTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    /** The start as written (wall clock in the session's zone), and the instant the VTIMEZONE makes of it. */
    startLocal: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
    description: event.description,
    organizer: String(vevent.getFirstPropertyValue('organizer')),
    organizerName: vevent.getFirstProperty('organizer')?.getParameter('cn'),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
  };
}

describe('live session calendar invites (ICS)', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let courseId: string;
  let courseTitle: string;
  let siteId: string;
  let day = 40;

  const at = (days: number, hour: number) => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hour, 0, 0, 0);
    return date;
  };
  const get = (session: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(session));
  const post = (session: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(session))
      .send(body);
  const ics = async (session: Session, id: string) => {
    const res = await get(session, `/api/v1/live-sessions/${id}/ics`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parse(res.text);
  };

  async function schedule(timezone: string) {
    const fran = await world.addPlatformStaff(['facilitator']);
    day += 2;
    const res = await post(educator, '/api/v1/live-sessions', {
      courseId,
      siteId,
      startsAt: at(day, 15).toISOString(),
      endsAt: at(day, 17).toISOString(),
      timezone,
      location: LOCATION,
      capacity: 1,
      facilitatorIds: [fran.user.id],
    });
    expect(res.status).toBe(201);
    return { session: res.body as { id: string; startsAt: string; endsAt: string }, fran };
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Calendar Health');
    other = await world.createOrganization('Other Calendar Clinic');
    educator = (await world.addMember(org, ['educator'])).session;
    const course = await findHt101(world, org.admin);
    courseId = course.id;
    courseTitle = course.title;
    siteId = await createSite(world, org.admin, 'Main Hospital');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('downloads one stable UID with SEQUENCE 0 and METHOD:REQUEST, then the raised SEQUENCE and METHOD:CANCEL', async () => {
    const { session } = await schedule('America/Chicago');
    const learner = await world.addMember(org, ['learner']);
    await post(learner.session, `/api/v1/live-sessions/${session.id}/registrations`, {
      memberId: learner.memberId,
    }).expect(201);

    const first = await ics(learner.session, session.id);
    expect(first).toMatchObject({
      method: 'REQUEST',
      uid: `${session.id}@beacon.test`,
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'America/Chicago',
      startTzid: 'America/Chicago',
      start: session.startsAt,
      end: session.endsAt,
      summary: courseTitle,
      location: LOCATION,
      organizer: 'mailto:training@beacon.local',
      organizerName: 'Beacon Training',
      attendees: [`mailto:${learner.email}`],
    });
    // 15:00 UTC is 09:00 or 10:00 in Chicago (CST or CDT): written as the zone's own wall clock.
    expect(first.startLocal).toMatch(/T(09|10):00:00$/);
    expect(first.description).toContain('Main Hospital');
    const again = await ics(educator, session.id);
    expect(again.uid).toBe(first.uid);
    expect(again.sequence).toBe(0);
    // Staff get the registered attendees.
    expect(again.attendees).toEqual([`mailto:${learner.email}`]);

    await post(educator, `/api/v1/live-sessions/${session.id}/cancel`).expect(200);
    const cancelled = await ics(learner.session, session.id);
    expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: first.uid, sequence: 1 });
  });

  it('writes the VTIMEZONE of each session its own zone', async () => {
    const { session } = await schedule('Europe/Madrid');
    const invite = await ics(org.admin, session.id);
    expect(invite).toMatchObject({
      tzid: 'Europe/Madrid',
      startTzid: 'Europe/Madrid',
      start: session.startsAt,
    });
    expect(invite.startLocal).toMatch(/T(16|17):00:00$/);
    expect(invite.attendees).toEqual([]);
  });

  it("answers 404 for another organization's session, and lets the assigned facilitator download it", async () => {
    const { session, fran } = await schedule('America/Chicago');
    expect((await get(other.admin, `/api/v1/live-sessions/${session.id}/ics`)).status).toBe(404);
    const outsider = await world.addMember(other, ['learner']);
    expect((await get(outsider.session, `/api/v1/live-sessions/${session.id}/ics`)).status).toBe(404);
    expect((await get(fran, `/api/v1/live-sessions/${session.id}/ics`)).status).toBe(200);
    const stranger = await world.addPlatformStaff(['facilitator'], 'Uma Unassigned');
    expect((await get(stranger, `/api/v1/live-sessions/${session.id}/ics`)).status).toBe(404);
    expect((await get(educator, `/api/v1/live-sessions/${crypto.randomUUID()}/ics`)).status).toBe(404);
  });

  it('mails the invite with the registration, tells the waitlisted so, and mails METHOD:CANCEL on cancelling', async () => {
    const { session } = await schedule('America/Chicago');
    const seated = await world.addMember(org, ['learner']);
    const waiting = await world.addMember(org, ['learner'], { locale: 'es' });
    for (const who of [seated, waiting])
      await post(who.session, `/api/v1/live-sessions/${session.id}/registrations`, {
        memberId: who.memberId,
      }).expect(201);

    const registered = await world.mail.waitFor(seated.email);
    expect(registered.subject).toBe(`You are registered: ${courseTitle}`);
    expect(registered.text).toMatch(/C[SD]T|Central/);
    expect(registered.attachments).toHaveLength(1);
    const [attachment] = registered.attachments;
    expect(attachment.filename).toBe('session.ics');
    expect(attachment.contentType).toMatch(/^text\/calendar; ?method=REQUEST/i);
    const mailed = parse(attachment.content);
    const downloaded = await ics(seated.session, session.id);
    expect(mailed).toMatchObject({
      method: 'REQUEST',
      uid: downloaded.uid,
      sequence: 0,
      start: downloaded.start,
      end: downloaded.end,
      location: LOCATION,
      attendees: [`mailto:${seated.email}`],
    });

    const waitlisted = await world.mail.waitFor(waiting.email);
    expect(waitlisted.subject).toBe(`En lista de espera: ${courseTitle}`);
    expect(waitlisted.attachments).toHaveLength(0);

    await post(educator, `/api/v1/live-sessions/${session.id}/cancel`).expect(200);
    const cancelled = await world.mail.waitFor(seated.email, 2);
    expect(cancelled.subject).toBe(`Session cancelled: ${courseTitle}`);
    expect(cancelled.attachments.map((a) => a.contentType)).toEqual([
      expect.stringMatching(/^text\/calendar; ?method=CANCEL/i),
    ]);
    expect(parse(cancelled.attachments[0].content)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: downloaded.uid,
      sequence: 1,
    });
    expect((await world.mail.waitFor(waiting.email, 2)).subject).toBe(`Sesión cancelada: ${courseTitle}`);
  });
});
