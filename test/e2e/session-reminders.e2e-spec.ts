import { Clock } from '@beacon/core/time';
import { ReminderSweepJob } from '@beacon/reminders';
import { ICAL } from '../support/ical';
import { createSite, findHt101 } from '../support/learning';
import type { CapturedMail } from '../support/mail-sink';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const LOCATION = 'Education room 2, east wing';

const isReminder = (mail: CapturedMail): boolean =>
  mail.subject.startsWith('Reminder: live session of') ||
  mail.subject.startsWith('Recordatorio: sesión presencial de');

interface ReminderRow {
  recipient_email: string;
  status: string;
  dedupe_key: string;
  send_after: Date | null;
}

/** The mailed invite, read back by a real calendar parser. */
function parseInvite(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error(`no VEVENT in:\n${text}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    summary: event.summary,
    location: event.location,
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
  };
}

describe('live session reminders: the day before, through the reminder sweep, once per member and start', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let courseTitle: string;
  let siteId: string;
  let otherSiteId: string;
  let now = new Date();

  const post = (session: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(session))
      .send(body);

  /** One sweep of the organization at the test clock's instant, as the worker's job runs it. */
  const sweep = (organization: TestOrganization) =>
    (world.worker as NonNullable<TestApp['worker']>).get(ReminderSweepJob).runFor(organization.id, now);

  /** A scheduled session (2 hours long, in Chicago) starting `hoursAway` from the real clock. */
  async function schedule(
    organization: TestOrganization,
    hoursAway: number,
    capacity = 10,
  ): Promise<{ id: string; startsAt: Date; endsAt: Date }> {
    const fran = await world.addPlatformStaff(['facilitator']);
    const base = new Date(Date.now() + hoursAway * HOUR);
    base.setUTCMinutes(0, 0, 0);
    const startsAt = base;
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
    const res = await post(organization.admin, '/api/v1/live-sessions', {
      courseId,
      siteId: organization === org ? siteId : otherSiteId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      timezone: 'America/Chicago',
      location: LOCATION,
      capacity,
      facilitatorIds: [fran.user.id],
    });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, startsAt, endsAt };
  }

  /** Moves a session in SQL to start `hoursAway` from the real clock (in the past too, which the API refuses). */
  async function move(session: { id: string }, hoursAway: number) {
    const startsAt = new Date(Date.now() + hoursAway * HOUR);
    // Whole minutes, as an invite writes them.
    startsAt.setUTCSeconds(0, 0);
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
    await world.ownerQuery('UPDATE live_sessions SET starts_at = $2, ends_at = $3 WHERE id = $1', [
      session.id,
      startsAt,
      endsAt,
    ]);
    return { id: session.id, startsAt, endsAt };
  }

  /** A session starting `hoursAway` from the real clock: scheduled a month ahead, then moved there. */
  const sessionAt = async (organization: TestOrganization, hoursAway: number, capacity = 10) =>
    move(await schedule(organization, 30 * 24, capacity), hoursAway);

  async function register(
    organization: TestOrganization,
    sessionId: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ memberId: string; email: string; status: string }> {
    const learner = await world.addMember(organization, ['learner'], extra);
    const res = await post(learner.session, `/api/v1/live-sessions/${sessionId}/registrations`, {
      memberId: learner.memberId,
    });
    expect(res.status).toBe(201);
    // The registration mail comes first; reminders are counted apart from it.
    await world.mail.waitFor(learner.email);
    return { memberId: learner.memberId, email: learner.email, status: res.body.status as string };
  }

  /** The seat as if it had been taken `hoursBefore` the session's start. */
  const seatTakenBefore = (sessionId: string, memberId: string, startsAt: Date, hoursBefore: number) =>
    world.ownerQuery(
      'UPDATE session_registrations SET created_at = $3 WHERE session_id = $1 AND member_id = $2',
      [sessionId, memberId, new Date(startsAt.getTime() - hoursBefore * HOUR)],
    );

  const reminderRows = (sessionId: string) =>
    world.ownerQuery<ReminderRow>(
      `SELECT recipient_email, status, dedupe_key, send_after FROM notifications
        WHERE kind = 'live_session_reminder' AND payload ->> 'sessionId' = $1 ORDER BY created_at, dedupe_key`,
      [sessionId],
    );

  const reminders = (email: string) => world.mail.to(email).filter(isReminder);

  beforeAll(async () => {
    world = await TestApp.start();
    // Both processes read the test clock: the api (registration closes at the start) and the worker (sweep, send).
    for (const context of [world.app, world.worker])
      jest.spyOn(context?.get(Clock) as Clock, 'now').mockImplementation(() => new Date(now));
    org = await world.createOrganization('Reminded Health');
    other = await world.createOrganization('Other Reminded Clinic');
    ({ id: courseId, title: courseTitle } = await findHt101(world, org.admin));
    siteId = await createSite(world, org.admin, 'Main Hospital');
    otherSiteId = await createSite(world, other.admin, 'Other Hospital');
  });

  beforeEach(() => {
    now = new Date();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await world?.stop();
  });

  it('mails each seat one reminder 24 h before, in their language, with the time, place, page and invite', async () => {
    const session = await schedule(org, 48);
    const english = await register(org, session.id);
    const spanish = await register(org, session.id, { locale: 'es' });

    now = new Date(session.startsAt.getTime() - 25 * HOUR);
    expect((await sweep(org)).sessions).toBe(0);
    now = new Date(session.startsAt.getTime() - 24 * HOUR + 60_000);
    expect((await sweep(org)).sessions).toBe(2);
    expect((await sweep(org)).sessions).toBe(0);
    await world.settled();

    const starts = session.startsAt.toISOString();
    const byRecipient = (a: { recipient_email: string }, b: { recipient_email: string }) =>
      a.recipient_email.localeCompare(b.recipient_email);
    expect((await reminderRows(session.id)).sort(byRecipient)).toEqual(
      [english, spanish]
        .map((who) => ({
          recipient_email: who.email,
          status: 'sent',
          dedupe_key: `live-session-reminder:${session.id}:${who.memberId}:${starts}`,
          // Not held by the reminder window: the session fixes its time.
          send_after: null,
        }))
        .sort(byRecipient),
    );
    const [mail] = reminders(english.email);
    expect(reminders(english.email)).toHaveLength(1);
    expect(mail.subject.startsWith(`Reminder: live session of ${courseTitle}, `)).toBe(true);
    expect(mail.subject).toMatch(/(CST|CDT|Central)$/);
    expect(mail.text).toContain(`Where: ${LOCATION}.`);
    expect(mail.text).toContain(`Open the session: http://beacon.test/sessions/${session.id}`);
    expect(mail.text).toContain('on behalf of Reminded Health');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('session.ics');
    expect(mail.attachments[0].contentType).toMatch(/^text\/calendar; ?method=REQUEST/i);
    expect(parseInvite(mail.attachments[0].content)).toEqual({
      method: 'REQUEST',
      uid: `${session.id}@beacon.test`,
      sequence: 0,
      start: starts,
      end: session.endsAt.toISOString(),
      tzid: 'America/Chicago',
      summary: courseTitle,
      location: LOCATION,
      attendees: [`mailto:${english.email}`],
    });

    const [spanishMail] = reminders(spanish.email);
    expect(reminders(spanish.email)).toHaveLength(1);
    expect(spanishMail.subject.startsWith(`Recordatorio: sesión presencial de ${courseTitle}, `)).toBe(true);
    expect(spanishMail.text).toContain(`Dónde: ${LOCATION}.`);
    expect(parseInvite(spanishMail.attachments[0].content).attendees).toEqual([`mailto:${spanish.email}`]);
  });

  it('writes one reminder when two sweeps run at once', async () => {
    const session = await sessionAt(org, 20);
    const learner = await register(org, session.id);
    await seatTakenBefore(session.id, learner.memberId, session.startsAt, 48);

    const results = await Promise.all([sweep(org), sweep(org)]);
    expect(results.map((result) => result.sessions).sort()).toEqual([0, 1]);
    await world.settled();
    expect(await reminderRows(session.id)).toHaveLength(1);
    expect(reminders(learner.email)).toHaveLength(1);
    expect(
      await world.ownerQuery('SELECT member_id FROM session_reminders WHERE session_id = $1', [session.id]),
    ).toEqual([{ member_id: learner.memberId }]);
  });

  it('reminds nobody waitlisted, deactivated, of a cancelled session, or once the session has started', async () => {
    const full = await sessionAt(org, 20, 1);
    const seated = await register(org, full.id);
    const waiting = await register(org, full.id);
    expect(waiting.status).toBe('waitlisted');
    const leaving = await sessionAt(org, 21);
    const deactivated = await register(org, leaving.id);
    await post(org.admin, `/api/v1/members/${deactivated.memberId}/deactivate`).expect(200);
    const cancelled = await sessionAt(org, 22);
    const dropped = await register(org, cancelled.id);
    await post(org.admin, `/api/v1/live-sessions/${cancelled.id}/cancel`).expect(200);
    const started = await sessionAt(org, 23);
    const late = await register(org, started.id);
    for (const [session, who] of [
      [full, seated],
      [full, waiting],
      [leaving, deactivated],
      [cancelled, dropped],
      [started, late],
    ] as const)
      await seatTakenBefore(session.id, who.memberId, session.startsAt, 48);
    // Started a minute ago, unswept until now.
    await move(started, -1 / 60);

    expect((await sweep(org)).sessions).toBe(1);
    await world.settled();

    expect((await reminderRows(full.id)).map((row) => row.recipient_email)).toEqual([seated.email]);
    for (const session of [leaving, cancelled, started]) expect(await reminderRows(session.id)).toEqual([]);
    for (const who of [waiting, deactivated, dropped, late]) expect(reminders(who.email)).toEqual([]);
  });

  it('reminds a seat its time passed unswept until the start, and a late seat only while the start is 2 h away', async () => {
    const missed = await sessionAt(org, 1);
    const early = await register(org, missed.id);
    await seatTakenBefore(missed.id, early.memberId, missed.startsAt, 48);
    const lateButFar = await sessionAt(org, 10);
    const lateFar = await register(org, lateButFar.id);
    const lateAndNear = await sessionAt(org, 1.5);
    const lateNear = await register(org, lateAndNear.id);

    // The seat taken long before: its reminder was due 23 h ago (nobody swept), and still goes 1 h before.
    expect((await sweep(org)).sessions).toBe(2);
    await world.settled();
    expect((await reminderRows(missed.id)).map((row) => row.recipient_email)).toEqual([early.email]);
    expect((await reminderRows(lateButFar.id)).map((row) => row.recipient_email)).toEqual([lateFar.email]);
    expect(await reminderRows(lateAndNear.id)).toEqual([]);
    expect(reminders(lateNear.email)).toEqual([]);
    expect(reminders(lateFar.email)).toHaveLength(1);
    expect(reminders(early.email)).toHaveLength(1);
  });

  it('reminds again relative to the new start when the session is moved, with the raised SEQUENCE', async () => {
    const session = await sessionAt(org, 20);
    const learner = await register(org, session.id);
    await seatTakenBefore(session.id, learner.memberId, session.startsAt, 48);
    expect((await sweep(org)).sessions).toBe(1);
    await world.settled();

    // Moved 3 hours later, still within a day: reminded again, for the new start.
    const movedTo = new Date(session.startsAt.getTime() + 3 * HOUR);
    await world.ownerQuery(
      `UPDATE live_sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '2 hours',
              sequence = sequence + 1 WHERE id = $1`,
      [session.id, movedTo],
    );
    expect((await sweep(org)).sessions).toBe(1);
    expect((await sweep(org)).sessions).toBe(0);
    await world.settled();

    const rows = await reminderRows(session.id);
    expect(rows.map((row) => [row.dedupe_key, row.status])).toEqual([
      [`live-session-reminder:${session.id}:${learner.memberId}:${session.startsAt.toISOString()}`, 'sent'],
      [`live-session-reminder:${session.id}:${learner.memberId}:${movedTo.toISOString()}`, 'sent'],
    ]);
    const mails = reminders(learner.email);
    expect(mails).toHaveLength(2);
    const invite = parseInvite(mails[1].attachments[0].content);
    expect(invite).toMatchObject({
      uid: `${session.id}@beacon.test`,
      sequence: 1,
      start: movedTo.toISOString(),
    });
  });

  it("leaves another organization's sessions to its own sweep", async () => {
    const ours = await sessionAt(org, 20);
    const mine = await register(org, ours.id);
    await seatTakenBefore(ours.id, mine.memberId, ours.startsAt, 48);
    const theirs = await sessionAt(other, 20);
    const their = await register(other, theirs.id);
    await seatTakenBefore(theirs.id, their.memberId, theirs.startsAt, 48);

    expect((await sweep(org)).sessions).toBe(1);
    await world.settled();
    expect(await reminderRows(theirs.id)).toEqual([]);
    expect(reminders(their.email)).toEqual([]);
    expect(reminders(mine.email)).toHaveLength(1);

    expect((await sweep(other)).sessions).toBe(1);
    await world.settled();
    const [row] = await reminderRows(theirs.id);
    expect(row).toMatchObject({ recipient_email: their.email, status: 'sent' });
    const [mail] = reminders(their.email);
    expect(mail.text).toContain('on behalf of Other Reminded Clinic');
  });

  it('cancels at send time a reminder whose session was cancelled, moved or started, or whose seat was given up', async () => {
    const kept = await sessionAt(org, 20);
    const cancelled = await sessionAt(org, 20);
    const moved = await sessionAt(org, 20);
    const started = await sessionAt(org, 20);
    const givenUp = await sessionAt(org, 20);
    const seats = [];
    for (const session of [kept, cancelled, moved, started, givenUp]) {
      const who = await register(org, session.id);
      await seatTakenBefore(session.id, who.memberId, session.startsAt, 48);
      seats.push(who);
    }
    expect((await sweep(org)).sessions).toBe(5);
    await world.settled();

    await post(org.admin, `/api/v1/live-sessions/${cancelled.id}/cancel`).expect(200);
    await move(moved, 72);
    await move(started, -1 / 60);
    await world
      .http()
      .delete(`/api/v1/live-sessions/${givenUp.id}/registrations/${seats[4].memberId}`)
      .set(...bearer(org.admin))
      .expect(204);
    // Each reminder written again as a sweep would have written it before those changes, left to the outbox poll.
    await world.ownerQuery(
      `INSERT INTO notifications (organization_id, kind, recipient_email, recipient_user_id, dedupe_key, payload,
                                  message_id, created_at, updated_at)
       SELECT organization_id, kind, recipient_email, recipient_user_id, dedupe_key || ':again', payload,
              '<again-' || id || '@beacon.notification>', now() - interval '1 minute', now() - interval '1 minute'
         FROM notifications WHERE kind = 'live_session_reminder' AND payload ->> 'sessionId' = ANY ($1::text[])`,
      [[kept, cancelled, moved, started, givenUp].map((session) => session.id)],
    );
    await world.settled({ timeoutMs: 30_000 });

    const again = await world.ownerQuery<{ session_id: string; status: string }>(
      `SELECT payload ->> 'sessionId' AS session_id, status FROM notifications
        WHERE kind = 'live_session_reminder' AND dedupe_key LIKE '%:again'`,
    );
    expect(Object.fromEntries(again.map((row) => [row.session_id, row.status]))).toEqual({
      [kept.id]: 'sent',
      [cancelled.id]: 'cancelled',
      [moved.id]: 'cancelled',
      [started.id]: 'cancelled',
      [givenUp.id]: 'cancelled',
    });
    expect(reminders(seats[0].email)).toHaveLength(2);
    for (const who of seats.slice(1)) expect(reminders(who.email)).toHaveLength(1);
  });
});
