import { randomBytes } from 'node:crypto';
import { bearer, Session, TestApp } from '../support/test-app';
import { sleep } from '../support/waiting';

jest.setTimeout(60_000);

const INBOX = 'intake-inbox@provider.test';
const PROVIDER = 'Lifeline Training Co';
const PATH = '/api/v1/public/training-requests';

/** The suite believes X-Forwarded-For (TRUST_PROXY), so each test speaks from its own address. */
let ipCounter = 0;
const freshIp = () => {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
};

const tomorrowPlus = (days: number) =>
  new Date(Date.now() + (days + 1) * 86_400_000).toISOString().slice(0, 10);

describe('training requests: public intake and the pipeline', () => {
  let world: TestApp;
  let platform: Session;

  const valid = (overrides: Record<string, unknown> = {}) => ({
    organizationName: `Mercy ${randomBytes(3).toString('hex')}`,
    contactName: 'Casey Contact',
    email: world.email('requester'),
    phone: '+1 (512) 555-0100',
    role: 'Clinical educator',
    setting: 'emergency_department',
    staffCount: 40,
    preferredDates: [tomorrowPlus(30), tomorrowPlus(31)],
    location: { city: 'Austin', state: 'tx' },
    format: 'onsite',
    message: 'Two groups of twenty, nights and days.',
    ...overrides,
  });

  const submit = (body: unknown, ip = freshIp()) =>
    world
      .http()
      .post(PATH)
      .set('X-Forwarded-For', ip)
      .send(body as object);

  const admin = (method: 'get' | 'patch', path: string) =>
    world
      .http()
      [method](`/api/v1/platform/training-requests${path}`)
      .set(...bearer(platform));

  const counts = async () => {
    const [row] = await world.ownerQuery<{ requests: number; mail: number }>(
      `SELECT (SELECT count(*)::int FROM training_requests) AS requests,
              (SELECT count(*)::int FROM notifications WHERE kind LIKE 'training_request%') AS mail`,
    );
    return row;
  };

  beforeAll(async () => {
    world = await TestApp.start({
      env: { TRUST_PROXY: 'true', PROVIDER_INBOX: INBOX, PROVIDER_NAME: PROVIDER },
    });
    platform = await world.platformAdmin();
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('POST /public/training-requests', () => {
    it('stores the request, answers a reference, acknowledges the requester and tells the provider', async () => {
      const body = valid();
      const res = await submit(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reference: expect.stringMatching(/^TR-\d{4}-\d{6}$/),
        status: 'new',
      });
      const [row] = await world.ownerQuery<Record<string, unknown>>(
        `SELECT status, organization_name, state, staff_count, locale,
                ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(preferred_dates) d) AS dates
           FROM training_requests WHERE id = $1`,
        [res.body.id],
      );
      expect(row).toEqual({
        status: 'new',
        organization_name: body.organizationName,
        state: 'TX',
        staff_count: 40,
        locale: 'en',
        dates: body.preferredDates,
      });

      const ack = await world.mail.waitFor(body.email);
      expect(ack.subject).toContain(res.body.reference);
      expect(ack.text).toContain(res.body.reference);
      expect(ack.text).toContain(PROVIDER);
      for (const submitted of [body.organizationName, body.contactName, body.message, body.role]) {
        expect(ack.text).not.toContain(submitted);
        expect(ack.html).not.toContain(submitted);
      }

      const notice = await world.mail.waitForMatching(INBOX, (m) => m.subject.includes(res.body.reference));
      for (const submitted of [body.organizationName, body.contactName, body.email, body.message]) {
        expect(notice.text).toContain(submitted);
      }
      expect(notice.text).toContain('Austin, TX');
    });

    it('acknowledges in Spanish when the body says es, or else the Accept-Language does', async () => {
      const byField = valid({ locale: 'es' });
      const first = await submit(byField);
      expect(first.status).toBe(201);
      expect((await world.mail.waitFor(byField.email)).subject).toContain('Hemos recibido');

      const byHeader = valid();
      const second = await world
        .http()
        .post(PATH)
        .set('X-Forwarded-For', freshIp())
        .set('Accept-Language', 'es-MX,es;q=0.9,en;q=0.5')
        .send(byHeader);
      expect(second.status).toBe(201);
      expect((await world.mail.waitFor(byHeader.email)).subject).toContain('Hemos recibido');
      const [row] = await world.ownerQuery<{ locale: string }>(
        'SELECT locale FROM training_requests WHERE id = $1',
        [second.body.id],
      );
      expect(row.locale).toBe('es');
    });

    const INVALID: Array<[string, (body: Record<string, unknown>) => unknown, string[]]> = [
      ['an empty body', () => ({}), ['organizationName', 'contactName', 'email', 'setting', 'format']],
      ['a body that is an array', () => [], ['body']],
      ['an unknown field', (b) => ({ ...b, budget: 1000 }), ['budget']],
      ['a bad email', (b) => ({ ...b, email: 'not-an-email' }), ['email']],
      ['an unknown setting', (b) => ({ ...b, setting: 'icu' }), ['setting']],
      ['an unknown format', (b) => ({ ...b, format: 'hybrid' }), ['format']],
      ['an impossible date', (b) => ({ ...b, preferredDates: ['2031-02-30'] }), ['preferredDates']],
      ['a date in another shape', (b) => ({ ...b, preferredDates: ['03/15/2031'] }), ['preferredDates']],
      ['a date in the past', (b) => ({ ...b, preferredDates: ['2020-01-01'] }), ['preferredDates.0']],
      [
        'today as a date',
        (b) => ({ ...b, preferredDates: [new Date().toISOString().slice(0, 10)] }),
        ['preferredDates.0'],
      ],
      ['dates that are not a list', (b) => ({ ...b, preferredDates: '2031-01-01' }), ['preferredDates']],
      [
        'too many dates',
        (b) => ({ ...b, preferredDates: Array.from({ length: 11 }, (_, i) => tomorrowPlus(i)) }),
        ['preferredDates'],
      ],
      ['a staff count of zero', (b) => ({ ...b, staffCount: 0 }), ['staffCount']],
      ['a fractional staff count', (b) => ({ ...b, staffCount: 1.5 }), ['staffCount']],
      ['a staff count as text', (b) => ({ ...b, staffCount: '40' }), ['staffCount']],
      ['a huge staff count', (b) => ({ ...b, staffCount: 100_001 }), ['staffCount']],
      ['an unknown state', (b) => ({ ...b, location: { city: 'Austin', state: 'XX' } }), ['location.state']],
      ['a location without a city', (b) => ({ ...b, location: { state: 'TX' } }), ['location.city']],
      ['a location that is text', (b) => ({ ...b, location: 'Austin, TX' }), ['location']],
      [
        'an unknown location field',
        (b) => ({ ...b, location: { city: 'Austin', state: 'TX', zip: '78701' } }),
        ['location.zip'],
      ],
      [
        'an organization name too long',
        (b) => ({ ...b, organizationName: 'x'.repeat(201) }),
        ['organizationName'],
      ],
      ['a blank contact name', (b) => ({ ...b, contactName: '   ' }), ['contactName']],
      ['a line break in a name', (b) => ({ ...b, contactName: 'Casey\nBcc: x@y.test' }), ['contactName']],
      ['a message too long', (b) => ({ ...b, message: 'x'.repeat(5001) }), ['message']],
      ['a NUL byte', (b) => ({ ...b, message: 'hello\u0000world' }), ['message']],
      ['an unpaired surrogate', (b) => ({ ...b, contactName: 'Casey \ud800' }), ['contactName']],
      ['a phone with letters', (b) => ({ ...b, phone: 'call me maybe' }), ['phone']],
      ['an unknown locale', (b) => ({ ...b, locale: 'fr' }), ['locale']],
      ['a null organization name', (b) => ({ ...b, organizationName: null }), ['organizationName']],
    ];

    it.each(INVALID)(
      'answers 400 naming the field for %s, and stores and mails nothing',
      async (_label, make, fields) => {
        const before = await counts();
        const res = await submit(make(valid()));
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(
          [...fields].sort(),
        );
        expect(await counts()).toEqual(before);
      },
    );

    it('answers 413 to a body above 32 KB (and stores and mails nothing), while 32 KB of JSON is still read', async () => {
      const before = await counts();
      const res = await submit(valid({ message: 'x'.repeat(33 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await counts()).toEqual(before);
      // Just under the limit the body is read and judged on its fields (a 400 for the message, not a 413).
      const under = await submit(valid({ message: 'x'.repeat(30 * 1024) }));
      expect(under.status).toBe(400);
      expect(under.body.errors).toEqual([expect.objectContaining({ field: 'message' })]);
    });

    it('stores a filled honeypot as spam, answers like any request, and mails no one', async () => {
      const body = valid({ website: 'http://cheap-pills.example' });
      const res = await submit(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reference: expect.stringMatching(/^TR-\d{4}-\d{6}$/),
        status: 'new',
      });
      const [row] = await world.ownerQuery<{ status: string }>(
        'SELECT status FROM training_requests WHERE id = $1',
        [res.body.id],
      );
      expect(row.status).toBe('spam');
      await world.settled();
      expect(world.mail.to(body.email)).toHaveLength(0);
      expect(world.mail.messages.filter((m) => m.subject.includes(res.body.reference))).toHaveLength(0);
      const mail = await world.ownerQuery(`SELECT id FROM notifications WHERE payload->>'reference' = $1`, [
        res.body.reference,
      ]);
      expect(mail).toHaveLength(0);
    });

    it('allows 10 requests per IP a minute: the 11th is a 429 with Retry-After, another IP is unaffected', async () => {
      const ip = freshIp();
      for (let i = 0; i < 10; i += 1) expect((await submit(valid(), ip)).status).toBe(201);
      const before = await counts();
      const refused = await submit(valid(), ip);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(await counts()).toEqual(before);
      expect((await submit(valid())).status).toBe(201);
    });

    it('sends one address at most 3 acknowledgements a day, even to a parallel burst of 10', async () => {
      const email = world.email('burst');
      const ip = freshIp();
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          submit(valid({ email, organizationName: `Burst Clinic ${i}` }), ip),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
      await world.settled();
      const acks = await world.ownerQuery(
        `SELECT id FROM notifications WHERE kind = 'training_request_ack' AND recipient_email = $1`,
        [email],
      );
      expect(acks).toHaveLength(3);
      expect(world.mail.to(email)).toHaveLength(3);
      // Each is still a lead the provider hears about.
      const leads = await world.ownerQuery(
        `SELECT id FROM training_requests WHERE email = $1 AND status = 'new'`,
        [email],
      );
      expect(leads).toHaveLength(10);
    });

    it('links a second request from the same email and organization within a day to the first', async () => {
      const first = valid();
      const a = await submit(first);
      expect(a.status).toBe(201);
      const b = await submit({
        ...first,
        email: first.email.toUpperCase(),
        organizationName: first.organizationName.toLowerCase(),
        message: 'Also: could you do Saturdays?',
      });
      expect(b.status).toBe(201);
      expect(b.body).toEqual(a.body);

      const stored = await world.ownerQuery<{ id: string; status: string; duplicate_of: string | null }>(
        'SELECT id, status, duplicate_of FROM training_requests WHERE email = $1 ORDER BY created_at',
        [first.email],
      );
      expect(stored).toEqual([
        { id: a.body.id, status: 'new', duplicate_of: null },
        { id: expect.any(String), status: 'duplicate', duplicate_of: a.body.id },
      ]);
      await world.settled();
      // The requester is acknowledged twice (under the cap), both times with the first reference.
      const acks = world.mail.to(first.email);
      expect(acks).toHaveLength(2);
      for (const ack of acks) expect(ack.text).toContain(a.body.reference);
      // The provider hears of the lead once.
      const notices = await world.ownerQuery(
        `SELECT id FROM notifications WHERE kind = 'training_request_notice' AND payload->>'email' = $1`,
        [first.email],
      );
      expect(notices).toHaveLength(1);

      const detail = await admin('get', `/${a.body.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.linkedRequests).toEqual([
        expect.objectContaining({
          id: stored[1].id,
          duplicateOf: a.body.id,
          message: 'Also: could you do Saturdays?',
        }),
      ]);
      expect(detail.body.activity).toEqual([
        expect.objectContaining({ action: 'received', actorId: null, to: 'new' }),
        expect.objectContaining({ action: 'linked', linkedRequestId: stored[1].id }),
      ]);
    });

    it('stores text as typed and escapes every submitted value in the HTML notice', async () => {
      const body = valid({
        organizationName: '<b>Mercy</b> & "Sons"',
        message: '<script>alert("x")</script>\n<img src=x onerror=alert(1)>',
      });
      const res = await submit(body);
      expect(res.status).toBe(201);
      const [row] = await world.ownerQuery<{ organization_name: string; message: string }>(
        'SELECT organization_name, message FROM training_requests WHERE id = $1',
        [res.body.id],
      );
      expect(row).toEqual({ organization_name: body.organizationName, message: body.message });
      const notice = await world.mail.waitForMatching(INBOX, (m) => m.subject.includes(res.body.reference));
      expect(notice.html).not.toContain('<script>');
      expect(notice.html).not.toContain('<img');
      expect(notice.html).not.toContain('<b>Mercy');
      expect(notice.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(notice.html).toContain('&lt;b&gt;Mercy&lt;/b&gt; &amp; &quot;Sons&quot;');
      expect(notice.text).toContain('<script>alert("x")</script>');
    });
  });

  describe('the pipeline (platform_admin)', () => {
    async function freshRequest(): Promise<{ id: string; reference: string }> {
      const res = await submit(valid());
      expect(res.status).toBe(201);
      return res.body as { id: string; reference: string };
    }

    async function facilitator(name = 'Fay Facilitator'): Promise<{ id: string; email: string }> {
      const email = world.email('facilitator');
      const [row] = await world.ownerQuery<{ id: string }>(
        `INSERT INTO users (email, name, platform_roles) VALUES ($1, $2, '{facilitator}') RETURNING id`,
        [email, name],
      );
      return { id: row.id, email };
    }

    it('lists requests newest first, filtered by status, in pages', async () => {
      const older = await freshRequest();
      const newer = await freshRequest();
      expect((await admin('patch', `/${older.id}`).send({ status: 'triaged' })).status).toBe(200);

      const all = await admin('get', '?limit=200');
      expect(all.status).toBe(200);
      const ids = (all.body.items as Array<{ id: string }>).map((r) => r.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));

      const triaged = await admin('get', '?status=triaged');
      expect(triaged.body.items).toEqual([expect.objectContaining({ id: older.id, status: 'triaged' })]);
      const fresh = await admin('get', '?status=new&limit=1');
      expect(fresh.body.items).toEqual([expect.objectContaining({ id: newer.id })]);
      expect(fresh.body.nextCursor).toEqual(expect.any(String));
      const next = await admin('get', `?status=new&limit=1&cursor=${fresh.body.nextCursor}`);
      expect(next.body.items[0].id).not.toBe(newer.id);

      expect((await admin('get', '?status=lost')).status).toBe(400);
      expect((await admin('get', '?limit=201')).status).toBe(400);
    });

    it('moves new → triaged → proposed → scheduled → completed, and answers 409 to any other move', async () => {
      const { id } = await freshRequest();
      expect((await admin('patch', `/${id}`).send({ status: 'scheduled' })).status).toBe(409);
      expect((await admin('patch', `/${id}`).send({ status: 'new' })).status).toBe(409);
      for (const status of ['triaged', 'proposed', 'scheduled', 'completed']) {
        const res = await admin('patch', `/${id}`).send({ status });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(status);
      }
      const closed = await admin('patch', `/${id}`).send({ status: 'declined' });
      expect(closed.status).toBe(409);
      expect(closed.headers['content-type']).toMatch(/^application\/problem\+json/);

      const declined = await freshRequest();
      expect((await admin('patch', `/${declined.id}`).send({ status: 'triaged' })).status).toBe(200);
      expect((await admin('patch', `/${declined.id}`).send({ status: 'declined' })).status).toBe(200);
      expect((await admin('patch', `/${declined.id}`).send({ status: 'triaged' })).status).toBe(409);
      const spam = await freshRequest();
      expect((await admin('patch', `/${spam.id}`).send({ status: 'spam' })).status).toBe(200);
      expect((await admin('patch', `/${spam.id}`).send({ status: 'declined' })).status).toBe(409);

      const [row] = await world.ownerQuery<{ status: string }>(
        'SELECT status FROM training_requests WHERE id = $1',
        [id],
      );
      expect(row.status).toBe('completed');
    });

    it('lets only one of two concurrent identical moves succeed (the other finds the status moved: 409)', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { id } = await freshRequest();
        const answers = await Promise.all([
          admin('patch', `/${id}`).send({ status: 'triaged' }),
          admin('patch', `/${id}`).send({ status: 'triaged' }),
        ]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        const moves = await world.ownerQuery(
          `SELECT id FROM training_request_activity WHERE training_request_id = $1 AND action = 'status_changed'`,
          [id],
        );
        expect(moves).toHaveLength(1);
      }
    });

    it('assigns a facilitator, who is told by mail; anyone else is a 400 naming the field', async () => {
      const { id, reference } = await freshRequest();
      const fay = await facilitator();
      const res = await admin('patch', `/${id}`).send({ assignedFacilitatorId: fay.id });
      expect(res.status).toBe(200);
      expect(res.body.assignedFacilitatorId).toBe(fay.id);
      const mail = await world.mail.waitFor(fay.email);
      expect(mail.subject).toContain(reference);
      expect(mail.text).toContain(`http://beacon.test/platform/training-requests/${id}`);

      for (const other of [platform.user.id, '7d0c5b4e-8f43-4c1e-9a52-2f0d6b1d9e11', 'nope']) {
        const refused = await admin('patch', `/${id}`).send({ assignedFacilitatorId: other, note: 'x' });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'assignedFacilitatorId' })]);
      }
      // The refused PATCHes left nothing, not even their notes.
      const notes = await world.ownerQuery(
        `SELECT id FROM training_request_activity WHERE training_request_id = $1 AND action = 'note'`,
        [id],
      );
      expect(notes).toHaveLength(0);
    });

    it('keeps notes and the history of who did what, and when', async () => {
      const { id } = await freshRequest();
      const fay = await facilitator('Fred Facilitator');
      const res = await admin('patch', `/${id}`).send({
        status: 'triaged',
        assignedFacilitatorId: fay.id,
        note: 'Called them; <b>wants</b> nights.',
      });
      expect(res.status).toBe(200);
      await sleep(5);
      expect((await admin('patch', `/${id}`).send({ note: 'Sent a proposal.' })).status).toBe(200);

      const detail = await admin('get', `/${id}`);
      expect(detail.status).toBe(200);
      const me = platform.user.id;
      expect(detail.body.notes).toEqual([
        {
          id: expect.any(String),
          authorId: me,
          authorName: expect.any(String),
          text: 'Called them; <b>wants</b> nights.',
          at: expect.any(String),
        },
        {
          id: expect.any(String),
          authorId: me,
          authorName: expect.any(String),
          text: 'Sent a proposal.',
          at: expect.any(String),
        },
      ]);
      expect(detail.body.activity.map((a: { action: string }) => a.action)).toEqual([
        'received',
        'status_changed',
        'assigned',
        'note',
        'note',
      ]);
      expect(detail.body.activity[1]).toMatchObject({ actorId: me, from: 'new', to: 'triaged' });
      expect(detail.body.activity[2]).toMatchObject({ actorId: me, facilitatorId: fay.id });
      const times = (detail.body.activity as Array<{ at: string }>).map((a) => Date.parse(a.at));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
    });

    it('answers 404 to unknown and malformed ids, and 400 to empty or unknown PATCH fields', async () => {
      const { id } = await freshRequest();
      expect((await admin('get', '/7d0c5b4e-8f43-4c1e-9a52-2f0d6b1d9e11')).status).toBe(404);
      expect((await admin('get', '/not-a-uuid')).status).toBe(404);
      expect((await admin('patch', '/7d0c5b4e-8f43-4c1e-9a52-2f0d6b1d9e11').send({ note: 'x' })).status).toBe(
        404,
      );
      const empty = await admin('patch', `/${id}`).send({});
      expect(empty.status).toBe(400);
      const unknown = await admin('patch', `/${id}`).send({ status: 'triaged', priority: 'high' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'priority' })]);
      const badStatus = await admin('patch', `/${id}`).send({ status: 'won' });
      expect(badStatus.status).toBe(400);
      const blankNote = await admin('patch', `/${id}`).send({ note: '  ' });
      expect(blankNote.status).toBe(400);
      const [row] = await world.ownerQuery<{ status: string }>(
        'SELECT status FROM training_requests WHERE id = $1',
        [id],
      );
      expect(row.status).toBe('new');
    });
  });
});
