import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { createCohort, createDepartment, createSite, findHt101, myEnrollments } from '../support/learning';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

const COOKIE = 'beacon_refresh';
const LONE_SURROGATE = '\uD800';
const NUL = '\u0000';
const SECRET = 'outside-the-web-dir-8d2a';
const INDEX_HTML = '<!doctype html><html lang="en"><body><div id="root"></div></body></html>';

function expectProblem(res: Response, status: number, field?: string): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  if (field !== undefined)
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

/** The refresh cookie an answer sets: its value and lower-cased attributes, or null when it sets none. */
function refreshCookieOf(res: Response): { value: string; attributes: Map<string, string> } | null {
  const ours = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .filter((header) => header.startsWith(`${COOKIE}=`));
  expect(ours.length).toBeLessThanOrEqual(1);
  if (ours.length === 0) return null;
  const [pair, ...attributes] = ours[0].split(';').map((part) => part.trim());
  return {
    value: decodeURIComponent(pair.slice(COOKIE.length + 1)),
    attributes: new Map(
      attributes.map((attribute) => {
        const [name, ...value] = attribute.split('=');
        return [name.toLowerCase(), value.join('=')];
      }),
    ),
  };
}

function expectCleared(res: Response): void {
  expect(refreshCookieOf(res)).toMatchObject({ value: '' });
  expect(refreshCookieOf(res)?.attributes.get('max-age')).toBe('0');
}

/** A GET whose path goes on the wire exactly as written (supertest resolves `..` before sending). */
function rawGet(server: Server, path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the web app api under hostile input', () => {
  let world: TestApp;
  let root: string;
  let server: Server;
  let org: TestOrganization;
  let other: TestOrganization;
  let courseId: string;
  let site: string;
  let department: string;
  let otherSite: string;
  let otherDepartment: string;
  let otherCohort: string;
  let otherMember: string;
  let otherEnrollment: string;
  /** Morgan manages Dana (a manager too), Dana manages Avery; Casey reports to nobody; Noah manages nobody. */
  const people = {} as Record<
    'morgan' | 'dana' | 'avery' | 'casey' | 'noah',
    { memberId: string; email: string; session: Session }
  >;

  const team = (session: Session, query: string) =>
    world
      .http()
      .get(`/api/v1/team/enrollments${query}`)
      .set(...bearer(session));
  const preview = (body: unknown) =>
    world
      .http()
      .post('/api/v1/cohorts/preview')
      .set(...bearer(org.admin))
      .send(body as object);
  const auth = (path: string, body: object, cookie?: string) => {
    const req = world.http().post(`/api/v1/auth${path}`);
    return (cookie === undefined ? req : req.set('Cookie', `${COOKIE}=${cookie}`)).send(body);
  };
  const cookieLogin = async (email: string, remember?: boolean): Promise<string> => {
    const res = await auth('/login', { email, password: PASSWORD, cookie: true, remember });
    expect(res.status).toBe(200);
    return (refreshCookieOf(res) as { value: string }).value;
  };
  const rowCounts = async () =>
    (
      await world.ownerQuery<{ cohorts: number; enrollments: number; tokens: number }>(
        `SELECT (SELECT count(*)::int FROM cohorts) AS cohorts, (SELECT count(*)::int FROM enrollments) AS enrollments,
                (SELECT count(*)::int FROM refresh_tokens) AS tokens`,
      )
    )[0];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'beacon-hostile-'));
    const web = join(root, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), INDEX_HTML);
    writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.info("app");');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    world = await TestApp.start({ env: { WEB_DIST_DIR: web } });
    server = world.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

    org = await world.createOrganization('Hostile Health');
    other = await world.createOrganization('Elsewhere Health');
    courseId = (await findHt101(world, org.admin)).id;
    site = await createSite(world, org.admin, 'Main');
    department = await createDepartment(world, org.admin, site, 'ED');
    otherSite = await createSite(world, other.admin, 'Far');
    otherDepartment = await createDepartment(world, other.admin, otherSite, 'Far ED');

    const add = async (key: keyof typeof people, name: string, roles: string[], fields = {}) => {
      people[key] = await world.addMember(org, roles, {
        name,
        siteId: site,
        departmentId: department,
        ...fields,
      });
    };
    await add('morgan', 'Morgan Top', ['manager', 'learner']);
    await add('dana', 'Dana Middle', ['manager', 'learner'], { managerId: people.morgan.memberId });
    await add('avery', 'Avery Leaf', ['learner'], { managerId: people.dana.memberId });
    await add('casey', 'Casey Alone', ['learner']);
    await add('noah', 'Noah Nobody', ['manager']);
    await createCohort(world, org.admin, {
      name: 'Everyone',
      courseId,
      target: { roles: ['learner'] },
      dueInDays: 30,
    });

    const bea = await world.addMember(other, ['learner'], { name: 'Bea Elsewhere', siteId: otherSite });
    otherMember = bea.memberId;
    otherCohort = (
      await createCohort(world, other.admin, {
        name: 'Theirs',
        courseId,
        target: { siteIds: [otherSite] },
        dueInDays: 30,
      })
    ).id;
    otherEnrollment = (await myEnrollments(world, bea.session))[0].id;
  });

  afterAll(async () => {
    await world?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  describe('GET /api/v1/team/enrollments', () => {
    it('refuses NUL and unpaired surrogates in every query parameter with a 400 naming it', async () => {
      for (const name of ['q', 'status', 'overdue', 'cursor', 'limit'])
        expectProblem(await team(org.admin, `?${name}=a%00b`), 400, name);
      expectProblem(await team(org.admin, '?a%00=1'), 400, 'query');
      expectProblem(await team(org.admin, '?%00'), 400, 'query');
      // A lone surrogate cannot be percent-encoded as UTF-8; its bytes and the %u form arrive as literal text.
      for (const value of ['%ED%A0%80', '%uD800', '%C0%80'])
        for (const name of ['q', 'status', 'overdue', 'cursor', 'limit']) {
          const res = await team(org.admin, `?${name}=${value}`);
          expect(res.status).toBe(name === 'q' ? 200 : 400);
          if (name === 'q') expect(res.body.items).toEqual([]);
          else expectProblem(res, 400, name);
        }
    });

    it('refuses forged, truncated and malformed cursors with a 400 naming cursor', async () => {
      const first = await team(org.admin, '?limit=1').expect(200);
      const cursor = first.body.nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      const uuid = '00000000-0000-4000-8000-000000000000';
      for (const bad of [
        cursor.slice(0, -3),
        `${cursor}x`,
        'not a cursor',
        '%25%25',
        base64url([2, 'infinity', uuid, uuid]),
        base64url([0, '2026-13-45 25:00:00+00', uuid, uuid]),
        base64url([0, 'infinity', 'x', uuid]),
        base64url([0, 'infinity', uuid]),
        base64url({ group: 0 }),
        base64url([0, `infinity${NUL}`, uuid, uuid]),
        base64url([0, LONE_SURROGATE, uuid, uuid]),
        'A'.repeat(201),
      ])
        expectProblem(await team(org.admin, `?cursor=${encodeURIComponent(bad)}`), 400, 'cursor');
    });

    it('answers nothing for a well-formed cursor naming another organization’s member and enrollment', async () => {
      const forged = base64url([0, 'infinity', otherMember, otherEnrollment]);
      const res = await team(org.admin, `?cursor=${forged}`).expect(200);
      for (const item of res.body.items) expect(item.memberId).not.toBe(otherMember);
    });

    it('tells a manager nothing about a member outside their chain named in a forged cursor', async () => {
      const morgan = people.morgan.session;
      const items = (await team(morgan, '?limit=200').expect(200)).body.items as Array<{ dueAt: string }>;
      expect(new Set(items.map((item) => item.dueAt)).size).toBe(1);
      const zero = '00000000-0000-4000-8000-000000000000';
      const after = async (memberId: string, enrollmentId = zero) =>
        (
          (
            await team(morgan, `?cursor=${base64url([1, items[0].dueAt, memberId, enrollmentId])}`).expect(
              200,
            )
          ).body.items as Array<{ memberName: string }>
        ).map((item) => item.memberName);
      // Casey sorts between Avery and Dana: where the cursor falls must not depend on her name.
      expect(await after(people.casey.memberId)).toEqual(await after(zero));
      expect(await after(otherMember)).toEqual(await after(zero));
      expect(await after(people.avery.memberId, 'ffffffff-ffff-4fff-bfff-ffffffffffff')).toEqual([
        'Dana Middle',
      ]);
    });

    it('refuses absurd limits and unknown enum values with a 400 naming the field', async () => {
      for (const limit of ['0', '-1', '201', '1e9', '1.5', 'NaN', 'Infinity', '99999999999999999999', ''])
        expectProblem(await team(org.admin, `?limit=${limit}`), 400, 'limit');
      expectProblem(await team(org.admin, '?limit=1&limit=2'), 400, 'limit');
      for (const status of ['withdrawn', 'COMPLETED', 'overdue', ''])
        expectProblem(await team(org.admin, `?status=${status}`), 400, 'status');
      for (const overdue of ['yes', '1', 'TRUE', ''])
        expectProblem(await team(org.admin, `?overdue=${overdue}`), 400, 'overdue');
      expectProblem(await team(org.admin, `?q=${'a'.repeat(201)}`), 400, 'q');
      // Brackets are no syntax to the query parser: an unknown parameter, named as sent.
      expectProblem(await team(org.admin, '?q[toString]=x'), 400, 'q[toString]');
      expectProblem(await team(org.admin, '?status[]=completed'), 400, 'status[]');
      expectProblem(await team(org.admin, '?q=a&q=b'), 400, 'q');
      expectProblem(await team(org.admin, '?organizationId=' + other.id), 400, 'organizationId');
    });

    it('shows a manager their direct and indirect reports only, and nothing of another organization', async () => {
      const names = async (session: Session, query = '') =>
        ((await team(session, `?limit=200${query}`).expect(200)).body.items as Array<{ memberName: string }>)
          .map((item) => item.memberName)
          .sort();
      expect(await names(people.morgan.session)).toEqual(['Avery Leaf', 'Dana Middle']);
      expect(await names(people.dana.session)).toEqual(['Avery Leaf']);
      expect(await names(people.noah.session)).toEqual([]);
      expect(await names(people.morgan.session, '&q=Casey')).toEqual([]);
      expect(await names(people.morgan.session, '&q=Bea')).toEqual([]);
      expect(await names(org.admin, '&q=Bea')).toEqual([]);
      expect(await names(other.admin)).toEqual(['Bea Elsewhere']);
      expectProblem(await team(people.casey.session, ''), 403);
      expectProblem(await team(people.avery.session, ''), 403);
    });
  });

  describe('POST /api/v1/cohorts/preview', () => {
    it('refuses NUL and unpaired surrogates in every target field with a 400 naming it', async () => {
      const before = await rowCounts();
      for (const bad of [NUL, LONE_SURROGATE, `RN${NUL}`, `${LONE_SURROGATE}RN`]) {
        for (const field of ['siteIds', 'departmentIds', 'jobTitles', 'roles'])
          expectProblem(await preview({ target: { [field]: [bad] } }), 400, `target.${field}.0`);
        expectProblem(await preview({ target: { [bad]: [] } }), 400, 'target');
        expectProblem(await preview({ target: {}, [`x${bad}`]: 1 }), 400);
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('answers 400 naming the field for ids of another organization, never a count of its members', async () => {
      const site400 = await preview({ target: { siteIds: [otherSite] } });
      expectProblem(site400, 400, 'target.siteIds');
      expect(site400.body).not.toHaveProperty('matching');
      expectProblem(
        await preview({ target: { departmentIds: [otherDepartment] } }),
        400,
        'target.departmentIds',
      );
      // Ids of other kinds (a cohort, an enrollment, a member, the organization) name no site or department either.
      for (const id of [otherCohort, otherEnrollment, otherMember, other.id, department]) {
        expectProblem(await preview({ target: { siteIds: [id] } }), 400, 'target.siteIds');
      }
      expectProblem(await preview({ target: { departmentIds: [site] } }), 400, 'target.departmentIds');
    });

    it('takes a site id in capitals as the same site', async () => {
      const lower = await preview({ target: { siteIds: [site] } }).expect(200);
      const upper = await preview({ target: { siteIds: [site.toUpperCase()] } });
      expect(upper.status).toBe(200);
      expect(upper.body).toEqual(lower.body);
      const departments = await preview({ target: { departmentIds: [department.toUpperCase()] } });
      expect(departments.status).toBe(200);
      expect(departments.body.matching).toBe(lower.body.matching);
      expectProblem(
        await preview({ target: { siteIds: [site, site.toUpperCase()] } }),
        400,
        'target.siteIds',
      );
      const created = await world
        .http()
        .post('/api/v1/cohorts')
        .set(...bearer(org.admin))
        .send({
          name: 'Capitals',
          courseId,
          target: { siteIds: [site.toUpperCase()], jobTitles: ['No Such Title'] },
          dueInDays: 30,
        });
      expect(created.status).toBe(201);
      expect(created.body.target.siteIds).toEqual([site]);
    });

    it('refuses malformed targets and unknown roles with a 400 naming the field', async () => {
      expectProblem(await preview({}), 400, 'target');
      expectProblem(await preview({ target: null }), 400, 'target');
      expectProblem(await preview({ target: [] }), 400, 'target');
      expectProblem(await preview({ target: 'all' }), 400, 'target');
      expectProblem(await preview({ target: { roles: ['platform_admin'] } }), 400, 'target.roles');
      expectProblem(await preview({ target: { roles: 'learner' } }), 400, 'target.roles');
      expectProblem(await preview({ target: { siteIds: ['not-a-uuid'] } }), 400, 'target.siteIds');
      expectProblem(await preview({ target: { jobTitles: [''] } }), 400, 'target.jobTitles');
      expectProblem(await preview({ target: { jobTitles: ['RN', ' \t '] } }), 400, 'target.jobTitles');
      expectProblem(await preview({ target: { jobTitles: [42] } }), 400, 'target.jobTitles');
      expectProblem(await preview({ target: { jobTitles: ['x'.repeat(201)] } }), 400, 'target.jobTitles');
      expectProblem(await preview({ target: { siteIds: Array(501).fill(site) } }), 400, 'target.siteIds');
      expectProblem(await preview({ target: { courseId } }), 400, 'target.courseId');
      expectProblem(await preview({ target: {}, name: 'x' }), 400, 'name');
      expectProblem(
        await world
          .http()
          .post('/api/v1/cohorts/preview')
          .set(...bearer(people.morgan.session))
          .send({ target: {} }),
        403,
      );
    });
  });

  it('refuses platform staff without an organization on the team view and the preview', async () => {
    const platform = await world.platformAdmin();
    expect((await team(platform, '')).status).toBe(403);
    const res = await world
      .http()
      .post('/api/v1/cohorts/preview')
      .set(...bearer(platform))
      .send({ target: {} });
    expect(res.status).toBe(403);
    const own = await world
      .http()
      .get(`/api/v1/me/enrollments/${otherEnrollment}`)
      .set(...bearer(platform));
    expectProblem(own, 404);
  });

  describe('GET /api/v1/me/enrollments/:id', () => {
    it('answers 404 for another person’s, another organization’s or a malformed id, and 200 for one’s own', async () => {
      const own = (await myEnrollments(world, people.avery.session))[0].id;
      await world
        .http()
        .get(`/api/v1/me/enrollments/${own}`)
        .set(...bearer(people.avery.session))
        .expect(200);
      const upper = await world
        .http()
        .get(`/api/v1/me/enrollments/${own.toUpperCase()}`)
        .set(...bearer(people.avery.session));
      expect(upper.status).toBe(200);
      const casey = (await myEnrollments(world, people.casey.session))[0].id;
      for (const [session, id] of [
        [people.avery.session, casey],
        [people.avery.session, otherEnrollment],
        [people.dana.session, own],
        [org.admin, own],
        [other.admin, own],
        [people.avery.session, otherCohort],
        [people.avery.session, otherMember],
        [people.avery.session, 'not-a-uuid'],
        [people.avery.session, '%00'],
        [people.avery.session, '%ED%A0%80'],
        [people.avery.session, `${own}%00`],
        [people.avery.session, '..%2F..%2Fcohorts'],
      ] as Array<[Session, string]>)
        expectProblem(
          await world
            .http()
            .get(`/api/v1/me/enrollments/${id}`)
            .set(...bearer(session)),
          404,
        );
    });
  });

  describe('browser sessions in the cookie', () => {
    it('refuses NUL and unpaired surrogates in every auth field with a 400 naming it', async () => {
      const email = people.casey.email;
      const before = await rowCounts();
      for (const bad of [NUL, LONE_SURROGATE]) {
        expectProblem(await auth('/login', { email: `${bad}${email}`, password: PASSWORD }), 400, 'email');
        expectProblem(
          await auth('/login', { email, password: `${PASSWORD}${bad}`, cookie: true }),
          400,
          'password',
        );
        expectProblem(await auth('/refresh', { refreshToken: `x${bad}` }), 400, 'refreshToken');
        expectProblem(await auth('/logout', { refreshToken: `x${bad}` }), 400, 'refreshToken');
        expectProblem(
          await auth('/invitations/accept', { token: `t${bad}`, password: PASSWORD, cookie: true }),
          400,
          'token',
        );
        expectProblem(
          await auth('/invitations/accept', {
            token: 't',
            name: `N${bad}`,
            password: PASSWORD,
            cookie: true,
          }),
          400,
          'name',
        );
      }
      for (const value of ['true', 1, null, [true], { yes: true }]) {
        expectProblem(await auth('/login', { email, password: PASSWORD, cookie: value }), 400, 'cookie');
        expectProblem(
          await auth('/login', { email, password: PASSWORD, cookie: true, remember: value }),
          400,
          'remember',
        );
        expectProblem(await auth('/refresh', { cookie: value }, 'x'), 400, 'cookie');
        expectProblem(await auth('/refresh', { cookie: true, remember: value }, 'x'), 400, 'remember');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('answers 401 and clears a forged, truncated or garbled cookie, leaving the real session alive', async () => {
      const real = await cookieLogin(people.casey.email);
      for (const forged of [
        'A'.repeat(43),
        real.slice(0, 20),
        `${real}x`,
        encodeURIComponent(NUL),
        '%ED%A0%80',
        '"quoted"',
        'x'.repeat(4000),
      ]) {
        const res = await auth('/refresh', { cookie: true }, forged);
        expectProblem(res, 401);
        expectCleared(res);
        expect(res.body).not.toHaveProperty('accessToken');
      }
      const noCookie = await auth('/refresh', { cookie: true });
      expectProblem(noCookie, 401);
      expectProblem(await auth('/refresh', {}), 400, 'refreshToken');
      expectProblem(await auth('/logout', {}), 400, 'refreshToken');
      const still = await auth('/refresh', { cookie: true }, real);
      expect(still.status).toBe(200);
      expect(refreshCookieOf(still)?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('uses the body token when a request carries both, leaving the cookie untouched', async () => {
      const cookie = await cookieLogin(people.casey.email);
      const bodyToken = (await world.login(people.casey.email)).refreshToken;
      const res = await auth('/refresh', { refreshToken: bodyToken }, cookie);
      expect(res.status).toBe(200);
      expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(refreshCookieOf(res)).toBeNull();
      // The cookie's own session was not spent by the body's refresh.
      expect((await auth('/refresh', { cookie: true }, cookie)).status).toBe(200);
    });

    it('ends the session a cookie held when a body token moves into the cookie', async () => {
      const cookie = await cookieLogin(people.casey.email);
      const bodyToken = (await world.login(people.casey.email)).refreshToken;
      const moved = await auth('/refresh', { refreshToken: bodyToken, cookie: true }, cookie);
      expect(moved.status).toBe(200);
      expect(moved.body).not.toHaveProperty('refreshToken');
      const next = (refreshCookieOf(moved) as { value: string }).value;
      expectProblem(await auth('/refresh', { cookie: true }, cookie), 401);
      expect((await auth('/refresh', { cookie: true }, next)).status).toBe(200);
      // The cookie's own token sent in the body as well is one session, not a replacement of itself.
      const same = await cookieLogin(people.casey.email);
      const again = await auth('/refresh', { refreshToken: same, cookie: true }, same);
      expect(again.status).toBe(200);
      expect(
        (await auth('/refresh', { cookie: true }, (refreshCookieOf(again) as { value: string }).value))
          .status,
      ).toBe(200);
    });

    it('revokes the family when a spent cookie is reused: the newer cookie then fails too', async () => {
      const first = await cookieLogin(people.casey.email);
      const rotated = await auth('/refresh', { cookie: true }, first);
      expect(rotated.status).toBe(200);
      const second = (refreshCookieOf(rotated) as { value: string }).value;
      expect(second).not.toBe(first);
      const reuse = await auth('/refresh', { cookie: true }, first);
      expectProblem(reuse, 401);
      expectCleared(reuse);
      const after = await auth('/refresh', { cookie: true }, second);
      expectProblem(after, 401);
      expectCleared(after);
    });

    it('lets at most one of 10 parallel refreshes with one cookie succeed, never a 500', async () => {
      const cookie = await cookieLogin(people.casey.email, true);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => auth('/refresh', { cookie: true }, cookie)),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 401)).toBe(true);
      for (const res of answers.filter((answer) => answer.status === 200)) {
        // The winner's token was revoked with its family by the losers' reuse.
        const next = (refreshCookieOf(res) as { value: string }).value;
        expectProblem(await auth('/refresh', { cookie: true }, next), 401);
      }
    });

    it('sets a session cookie without remember and a persistent one with it; logout clears it', async () => {
      for (const remember of [undefined, false]) {
        const res = await auth('/login', {
          email: people.casey.email,
          password: PASSWORD,
          cookie: true,
          remember,
        });
        const cookie = refreshCookieOf(res);
        expect(cookie?.attributes.has('max-age')).toBe(false);
        expect(cookie?.attributes.has('expires')).toBe(false);
        expect(cookie?.attributes.has('httponly')).toBe(true);
        expect(cookie?.attributes.has('secure')).toBe(true);
        expect(cookie?.attributes.get('samesite')).toBe('Strict');
        expect(cookie?.attributes.get('path')).toBe('/api/v1/auth');
        expect(res.body).not.toHaveProperty('refreshToken');
      }
      const kept = await auth('/login', {
        email: people.casey.email,
        password: PASSWORD,
        cookie: true,
        remember: true,
      });
      expect(Number(refreshCookieOf(kept)?.attributes.get('max-age'))).toBeGreaterThan(24 * 60 * 60);
      const token = (refreshCookieOf(kept) as { value: string }).value;
      const out = await auth('/logout', {}, token);
      expect(out.status).toBe(204);
      expectCleared(out);
      expectProblem(await auth('/refresh', { cookie: true }, token), 401);
      // Logging out a forged cookie changes nothing but the browser's cookie.
      const forged = await auth('/logout', {}, 'A'.repeat(43));
      expect(forged.status).toBe(204);
      expectCleared(forged);
    });

    it('refuses a switch to another organization with 403, leaving the cookie and its session alone', async () => {
      const cookie = await cookieLogin(people.casey.email);
      const session = await world.login(people.casey.email);
      for (const organizationId of [other.id, otherSite, '00000000-0000-4000-8000-000000000000']) {
        const res = await world
          .http()
          .post('/api/v1/auth/switch')
          .set(...bearer(session))
          .set('Cookie', `${COOKIE}=${cookie}`)
          .send({ organizationId, cookie: true });
        expectProblem(res, 403);
        expect(refreshCookieOf(res)).toBeNull();
      }
      for (const organizationId of [`${org.id}${NUL}`, LONE_SURROGATE, 'x', 42])
        expectProblem(
          await world
            .http()
            .post('/api/v1/auth/switch')
            .set(...bearer(session))
            .send({ organizationId, cookie: true }),
          400,
          'organizationId',
        );
      expect((await auth('/refresh', { cookie: true }, cookie)).status).toBe(200);
    });
  });

  describe('static serving of the web app', () => {
    it('serves no file outside the dist dir and never a 500 for traversal attempts', async () => {
      for (const path of [
        '/..%2f..%2fetc/passwd',
        '/..%2fsecret.txt',
        '/%2e%2e/secret.txt',
        '/%2e%2e/',
        '/%2e%2e%2fsecret.txt',
        '/..%5csecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/assets/%2e%2e/%2e%2e/secret.txt',
        '/%00',
        '/secret.txt%00.html',
        '/assets/%00',
        '/assets/app-abc123.js%00',
        '/%c0%ae%c0%ae/secret.txt',
        '/%ED%A0%80',
        '/..;/secret.txt',
      ]) {
        const res = await rawGet(server, path);
        expect({ path, status: res.status }).toEqual({ path, status: expect.any(Number) });
        expect(res.status).toBeLessThan(500);
        expect(res.body).not.toContain(SECRET);
        expect(res.body).not.toContain('root:');
      }
    });

    it('answers unknown /api and /health paths with a problem+json 404, never the app’s index.html', async () => {
      for (const path of [
        '/api/v1/nonexistent',
        '/api/v1/nonexistent/',
        '/api/',
        '/api/v1/%00',
        '/api/v1/%ED%A0%80',
        '/api/v1/../../secret.txt',
        '/health/nope',
        '/api/v1/me/enrollments/../../../index.html',
      ]) {
        const res = await rawGet(server, path);
        expect({ path, status: res.status, type: res.type }).toEqual({
          path,
          status: 404,
          type: expect.stringMatching(/^application\/problem\+json/),
        });
        expect(res.body).not.toContain('<div id="root">');
      }
    });

    it('keeps the policy on the app and serves index.html for deep links with hostile queries', async () => {
      const res = await world.http().get(`/learn?x=${encodeURIComponent(NUL)}`);
      expect(res.status).toBe(400);
      const deep = await world.http().get('/learn/enrollments/x').expect(200);
      expect(deep.text).toBe(INDEX_HTML);
      expect(String(deep.headers['content-security-policy'])).toContain("script-src 'self'");
      expect(String(deep.headers['content-security-policy'])).not.toContain('unsafe-eval');
    });
  });
});
