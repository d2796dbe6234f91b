import { randomBytes } from 'node:crypto';
import { isInvitation } from '../support/mail-sink';
import { createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Converted {
  request: {
    id: string;
    status: string;
    organizationId: string | null;
    activity: Array<Record<string, unknown>>;
  };
  organizationId: string;
  organizationCreated: boolean;
  invitedEmail: string | null;
  sessionId: string;
}

describe('converting a training request: organization, invitation and a draft session', () => {
  let world: TestApp;
  let platform: Session;
  let ip = 0;

  const submit = async (overrides: Record<string, unknown> = {}) => {
    ip += 1;
    const body = {
      organizationName: `Mercy ${randomBytes(3).toString('hex')}`,
      contactName: 'Casey Contact',
      email: world.email('contact'),
      setting: 'emergency_department',
      staffCount: 40,
      preferredDates: [dateIn(40), dateIn(41)],
      location: { city: 'Austin', state: 'TX' },
      format: 'onsite',
      ...overrides,
    };
    const res = await world
      .http()
      .post('/api/v1/public/training-requests')
      .set('X-Forwarded-For', `198.51.100.${ip}`)
      .send(body);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email: body.email, body };
  };
  const convert = (id: string, body: unknown, who: Session = platform) =>
    world
      .http()
      .post(`/api/v1/platform/training-requests/${id}/convert`)
      .set(...bearer(who))
      .send(body as object);
  const get = (who: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(who));
  const post = (who: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(who))
      .send(body);
  const slug = () => `converted-${randomBytes(4).toString('hex')}`;
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) =>
    (res.body.errors ?? []).map((e) => e.field).sort();

  beforeAll(async () => {
    world = await TestApp.start({ env: { TRUST_PROXY: 'true' } });
    platform = await world.platformAdmin();
  });

  afterAll(async () => {
    await world?.stop();
  });

  it("creates the organization, invites the contact as org_admin and drafts the session from the request's details", async () => {
    const fran = await world.addPlatformStaff(['facilitator'], 'Fran Assigned');
    const request = await submit({ staffCount: 1500 });
    await world
      .http()
      .patch(`/api/v1/platform/training-requests/${request.id}`)
      .set(...bearer(platform))
      .send({ assignedFacilitatorId: fran.user.id })
      .expect(200);

    const res = await convert(request.id, {
      organization: { name: 'Austin Mercy', slug: slug(), timezone: 'America/Chicago' },
    });
    expect(res.status).toBe(200);
    const converted = res.body as Converted;
    expect(converted).toMatchObject({
      organizationCreated: true,
      invitedEmail: request.email,
      request: { id: request.id, organizationId: converted.organizationId },
    });
    expect(converted.request.activity).toContainEqual(
      expect.objectContaining({
        action: 'converted',
        actorId: platform.user.id,
        organizationId: converted.organizationId,
        organizationCreated: true,
        sessionId: converted.sessionId,
      }),
    );
    // The drafted session is the date put to the hospital: the request moves on to `proposed`, by the converter.
    expect(converted.request.status).toBe('proposed');
    expect(converted.request.activity).toContainEqual(
      expect.objectContaining({
        action: 'status_changed',
        actorId: platform.user.id,
        from: 'new',
        to: 'proposed',
      }),
    );
    const invitation = await world.mail.waitForMatching(request.email, isInvitation);
    expect(invitation.text).toContain('Austin Mercy');
    const [member] = await world.ownerQuery<{ roles: string[]; status: string }>(
      `SELECT m.roles, m.status FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND u.email = $2`,
      [converted.organizationId, request.email],
    );
    expect(member).toEqual({ roles: ['org_admin'], status: 'invited' });

    const session = await get(platform, `/api/v1/live-sessions/${converted.sessionId}`);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      status: 'draft',
      sequence: 0,
      organizationId: converted.organizationId,
      timezone: 'America/Chicago',
      location: 'Austin, TX',
      capacity: 1000,
      trainingRequestId: request.id,
      facilitators: [{ id: fran.user.id, name: 'Fran Assigned' }],
    });
    const [row] = await world.ownerQuery<Record<string, unknown>>(
      `SELECT to_char(s.starts_at AT TIME ZONE s.timezone, 'YYYY-MM-DD HH24:MI') AS local_start,
              extract(epoch FROM s.ends_at - s.starts_at)::int AS seconds, st.name AS site,
              (SELECT bool_or(active) FROM session_facilitators f WHERE f.session_id = s.id) AS holds_time
         FROM live_sessions s JOIN sites st ON st.id = s.site_id WHERE s.id = $1`,
      [converted.sessionId],
    );
    expect(row).toEqual({
      local_start: `${request.body.preferredDates[0]} 09:00`,
      seconds: 4 * 3600,
      site: 'Austin',
      holds_time: false,
    });
  });

  it('links an existing organization, invites nobody, and refuses a second conversion', async () => {
    const org = await world.createOrganization('Linked Health');
    const siteId = await createSite(world, org.admin, 'Zeta Campus');
    await createSite(world, org.admin, 'Alpha Campus');
    const request = await submit({ preferredDates: [], location: undefined, staffCount: undefined });
    const res = await convert(request.id, { organizationId: org.id, session: { siteId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      organizationId: org.id,
      organizationCreated: false,
      invitedEmail: null,
    });
    const session = await get(org.admin, `/api/v1/live-sessions/${res.body.sessionId}`);
    expect(session.body).toMatchObject({ status: 'draft', siteId, location: 'Zeta Campus', capacity: 30 });
    expect(session.body.facilitators).toEqual([]);
    const [row] = await world.ownerQuery<{ days: number; local: string }>(
      `SELECT round(extract(epoch FROM starts_at - now()) / 86400)::int AS days,
              to_char(starts_at AT TIME ZONE timezone, 'HH24:MI') AS local
         FROM live_sessions WHERE id = $1`,
      [res.body.sessionId],
    );
    expect(row.local).toBe('09:00');
    expect([13, 14, 15]).toContain(row.days);

    const again = await convert(request.id, { organizationId: org.id });
    expect(again.status).toBe(409);
    await world.settled();
    expect(world.mail.to(request.email).filter(isInvitation)).toHaveLength(0);
    const memberships = await world.ownerQuery(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [request.email],
    );
    expect(memberships).toHaveLength(0);
  });

  it("picks a linked organization's first site by name, and answers 409 naming session.siteId when it has none", async () => {
    const org = await world.createOrganization('Siteless Clinic');
    const request = await submit();
    const none = await convert(request.id, { organizationId: org.id });
    expect(none.status).toBe(409);
    expect(fields(none)).toEqual(['session.siteId']);
    expect(
      (await get(platform, `/api/v1/platform/training-requests/${request.id}`)).body.organizationId,
    ).toBeNull();

    await createSite(world, org.admin, 'Zulu Wing');
    const alpha = await createSite(world, org.admin, 'alpha wing');
    const res = await convert(request.id, { organizationId: org.id });
    expect(res.status).toBe(200);
    expect((await get(org.admin, `/api/v1/live-sessions/${res.body.sessionId}`)).body.siteId).toBe(alpha);
  });

  it('refuses spam, declined and duplicate requests, an unknown organization, and bad bodies', async () => {
    const org = await world.createOrganization('Refusing Health');
    await createSite(world, org.admin, 'Main');
    const spam = await submit({ website: 'http://spam.test' });
    expect((await convert(spam.id, { organizationId: org.id })).status).toBe(409);

    const declined = await submit();
    await world
      .http()
      .patch(`/api/v1/platform/training-requests/${declined.id}`)
      .set(...bearer(platform))
      .send({ status: 'declined' })
      .expect(200);
    expect((await convert(declined.id, { organizationId: org.id })).status).toBe(409);

    const first = await submit();
    const duplicate = await submit({ email: first.email, organizationName: first.body.organizationName });
    const [dup] = await world.ownerQuery<{ id: string }>(
      `SELECT id FROM training_requests WHERE duplicate_of = $1`,
      [first.id],
    );
    expect(duplicate.id).toBe(first.id);
    expect((await convert(dup.id, { organizationId: org.id })).status).toBe(409);

    const open = await submit();
    expect((await convert(open.id, { organizationId: crypto.randomUUID() })).status).toBe(404);
    expect((await convert(crypto.randomUUID(), { organizationId: org.id })).status).toBe(404);
    const both = await convert(open.id, {
      organizationId: org.id,
      organization: { name: 'X', slug: slug(), timezone: 'UTC' },
    });
    expect(both.status).toBe(400);
    expect(fields(both)).toEqual(['organization', 'organizationId']);
    expect(fields(await convert(open.id, {}))).toEqual(['organization', 'organizationId']);
    const bad = await convert(open.id, {
      organization: { name: 'Bad Name', slug: 'NO', timezone: 'Mars/Base' },
      session: { startsAt: '2031-03-04T09:00', courseId: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual([
      'organization.slug',
      'organization.timezone',
      'session.courseId',
      'session.startsAt',
    ]);
    const nul = await convert(open.id, {
      organization: { name: 'Bad\u0000Name', slug: slug(), timezone: 'UTC' },
    });
    expect(nul.status).toBe(400);
    expect(fields(nul)).toEqual(['organization.name']);
    const inverted = await convert(open.id, {
      organizationId: org.id,
      session: { startsAt: `${dateIn(50)}T15:00:00Z`, endsAt: `${dateIn(50)}T14:00:00Z` },
    });
    expect(inverted.status).toBe(400);
    expect(fields(inverted)).toEqual(['session.endsAt']);
    const learner = await world.addMember(org, ['org_admin']);
    expect((await convert(open.id, { organizationId: org.id }, learner.session)).status).toBe(403);
    const [stored] = await world.ownerQuery<{ organization_id: string | null }>(
      'SELECT organization_id FROM training_requests WHERE id = $1',
      [open.id],
    );
    expect(stored.organization_id).toBeNull();
  });

  it('converts a request once under a burst of 5: one organization, one session, four 409s', async () => {
    const request = await submit();
    const name = `Burst Health ${randomBytes(2).toString('hex')}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        convert(request.id, { organization: { name, slug: `${slug()}-${i}`, timezone: 'America/New_York' } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const [counts] = await world.ownerQuery<{ organizations: number; sessions: number; converted: number }>(
      `SELECT (SELECT count(*)::int FROM organizations WHERE name = $1) AS organizations,
              (SELECT count(*)::int FROM live_sessions WHERE training_request_id = $2) AS sessions,
              (SELECT count(*)::int FROM training_request_activity
                WHERE training_request_id = $2 AND action = 'converted') AS converted`,
      [name, request.id],
    );
    expect(counts).toEqual({ organizations: 1, sessions: 1, converted: 1 });
  });

  describe('draft sessions', () => {
    let org: TestOrganization;
    let educator: Session;
    let courseId: string;
    let siteId: string;

    beforeAll(async () => {
      org = await world.createOrganization('Draft Health');
      educator = (await world.addMember(org, ['educator'])).session;
      siteId = await createSite(world, org.admin, 'Draft Main');
      courseId = (await findHt101(world, org.admin)).id;
    });

    it('holds no facilitator time, is hidden from learners, takes no registrations, and publishing into a clash is a 409 naming the facilitator', async () => {
      const fran = await world.addPlatformStaff(['facilitator'], 'Fran Double');
      const request = await submit();
      await world
        .http()
        .patch(`/api/v1/platform/training-requests/${request.id}`)
        .set(...bearer(platform))
        .send({ assignedFacilitatorId: fran.user.id })
        .expect(200);
      const startsAt = `${dateIn(60)}T15:00:00.000Z`;
      const endsAt = `${dateIn(60)}T17:00:00.000Z`;
      const converted = await convert(request.id, { organizationId: org.id, session: { startsAt, endsAt } });
      expect(converted.status).toBe(200);
      const draftId = converted.body.sessionId as string;

      // The same facilitator, the same hours: the draft does not stand in the way.
      const booked = await post(educator, '/api/v1/live-sessions', {
        courseId,
        siteId,
        startsAt,
        endsAt,
        timezone: 'America/Chicago',
        location: 'Room 1',
        capacity: 5,
        facilitatorIds: [fran.user.id],
      });
      expect(booked.status).toBe(201);

      const learner = await world.addMember(org, ['learner']);
      expect((await get(learner.session, `/api/v1/live-sessions/${draftId}`)).status).toBe(404);
      const range = `from=${encodeURIComponent(`${dateIn(59)}T00:00:00Z`)}&to=${encodeURIComponent(`${dateIn(62)}T00:00:00Z`)}`;
      const listed = await get(learner.session, `/api/v1/live-sessions?${range}`);
      expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([booked.body.id]);
      const staffList = await get(educator, `/api/v1/live-sessions?${range}`);
      expect(staffList.body.items.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual(
        expect.arrayContaining([
          [draftId, 'draft'],
          [booked.body.id, 'scheduled'],
        ]),
      );
      expect((await get(fran, `/api/v1/live-sessions/${draftId}`)).status).toBe(404);
      const mine = await get(fran, '/api/v1/me/live-sessions');
      expect(mine.body.items.map((s: { id: string }) => s.id)).not.toContain(draftId);
      expect((await get(learner.session, `/api/v1/live-sessions/${draftId}/ics`)).status).toBe(404);
      // Nor does the session page's registration read, nor the roster, let a learner see that the draft exists.
      expect((await get(learner.session, `/api/v1/me/live-sessions/${draftId}/registration`)).status).toBe(
        404,
      );
      expect((await get(learner.session, `/api/v1/live-sessions/${draftId}/roster`)).status).not.toBe(200);
      expect((await get(educator, `/api/v1/live-sessions/${draftId}/ics`)).status).toBe(409);
      const registering = await post(learner.session, `/api/v1/live-sessions/${draftId}/registrations`, {
        memberId: learner.memberId,
      });
      expect(registering.status).toBe(409);

      const clash = await post(educator, `/api/v1/live-sessions/${draftId}/publish`);
      expect(clash.status).toBe(409);
      expect(clash.body).toMatchObject({
        facilitatorId: fran.user.id,
        errors: [{ field: 'facilitatorIds' }],
      });
      expect(clash.body.detail).toContain('Fran Double');
      expect((await get(educator, `/api/v1/live-sessions/${draftId}`)).body.status).toBe('draft');

      const moved = await world
        .http()
        .patch(`/api/v1/live-sessions/${draftId}`)
        .set(...bearer(educator))
        .send({ startsAt: `${dateIn(64)}T15:00:00Z`, endsAt: `${dateIn(64)}T17:00:00Z` });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'draft', sequence: 0 });
      const published = await post(educator, `/api/v1/live-sessions/${draftId}/publish`);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'scheduled', sequence: 0 });
      expect((await post(educator, `/api/v1/live-sessions/${draftId}/publish`)).status).toBe(409);
      // Publishing moves the request on to `scheduled`, as a change by the publisher, recorded once.
      const board = await get(platform, `/api/v1/platform/training-requests/${request.id}`);
      expect(board.body.status).toBe('scheduled');
      const moves = (
        board.body.activity as Array<{ action: string; actorId: string | null; to: string | null }>
      )
        .filter((entry) => entry.action === 'status_changed')
        .map((entry) => [entry.actorId, entry.to]);
      expect(moves).toEqual([
        [platform.user.id, 'proposed'],
        [educator.user.id, 'scheduled'],
      ]);
      const [active] = await world.ownerQuery<{ active: boolean }>(
        'SELECT active FROM session_facilitators WHERE session_id = $1',
        [draftId],
      );
      expect(active.active).toBe(true);
      expect((await get(learner.session, `/api/v1/live-sessions/${draftId}`)).status).toBe(200);
      const other = await world.createOrganization('Other Draft Clinic');
      expect((await post(other.admin, `/api/v1/live-sessions/${draftId}/publish`)).status).toBe(404);
    });

    it("schedules a session for a request converted for the organization, in the request's activity, and refuses another's", async () => {
      const fran = await world.addPlatformStaff(['facilitator']);
      const request = await submit();
      expect((await convert(request.id, { organizationId: org.id })).status).toBe(200);
      const body = {
        courseId,
        siteId,
        startsAt: `${dateIn(70)}T15:00:00Z`,
        endsAt: `${dateIn(70)}T17:00:00Z`,
        timezone: 'America/Chicago',
        location: 'Room 2',
        capacity: 5,
        facilitatorIds: [fran.user.id],
      };
      const created = await post(educator, '/api/v1/live-sessions', {
        ...body,
        trainingRequestId: request.id,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'scheduled', trainingRequestId: request.id });
      const detail = await get(platform, `/api/v1/platform/training-requests/${request.id}`);
      expect(detail.body.activity).toContainEqual(
        expect.objectContaining({
          action: 'session_linked',
          sessionId: created.body.id,
          actorId: educator.user.id,
        }),
      );
      expect(detail.body.status).toBe('scheduled');

      const unconverted = await submit();
      for (const trainingRequestId of [unconverted.id, crypto.randomUUID()]) {
        const refused = await post(educator, '/api/v1/live-sessions', {
          ...body,
          startsAt: `${dateIn(72)}T15:00:00Z`,
          endsAt: `${dateIn(72)}T17:00:00Z`,
          trainingRequestId,
        });
        expect(refused.status).toBe(400);
        expect(fields(refused)).toEqual(['trainingRequestId']);
      }
    });
  });
});
