import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { isInvitation, tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

const COOKIE = 'beacon_refresh';
const MARKER = 'beacon_session';
const THIRTY_DAYS = 30 * 24 * 60 * 60;

interface SetCookie {
  value: string;
  /** Attribute names lower-cased; flags map to ''. */
  attributes: Map<string, string>;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The one Set-Cookie of a cookie (the refresh cookie unless named) in an answer, or null. */
function refreshCookieOf(res: Response, name = COOKIE): SetCookie | null {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const ours = headers.filter((header) => header.startsWith(`${name}=`));
  expect(ours.length).toBeLessThanOrEqual(1);
  if (ours.length === 0) return null;
  const [pair, ...attributes] = ours[0].split(';').map((part) => part.trim());
  return {
    value: decodeURIComponent(pair.slice(name.length + 1)),
    attributes: new Map(
      attributes.map((attribute) => {
        const [name, ...value] = attribute.split('=');
        return [name.toLowerCase(), value.join('=')];
      }),
    ),
  };
}

/** Asserts the browser-session cookie with the contract's attributes and answers its token. */
function expectSessionCookie(res: Response, lifetime: 'session' | 'remembered'): string {
  const cookie = refreshCookieOf(res);
  expect(cookie).not.toBeNull();
  const { value, attributes } = cookie as SetCookie;
  expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(attributes.get('path')).toBe('/api/v1/auth');
  expect(attributes.has('httponly')).toBe(true);
  expect(attributes.has('secure')).toBe(true);
  expect(attributes.get('samesite')).toBe('Strict');
  expect(attributes.has('domain')).toBe(false);
  if (lifetime === 'session') {
    expect(attributes.has('max-age')).toBe(false);
    expect(attributes.has('expires')).toBe(false);
  } else {
    expect(attributes.get('max-age')).toBe(String(THIRTY_DAYS));
  }
  expectMarkerLike(res, attributes);
  return value;
}

/** The page's readable marker beside the refresh cookie: a constant, on every path, with the same lifetime. */
function expectMarkerLike(res: Response, refresh: Map<string, string>): void {
  const marker = refreshCookieOf(res, MARKER);
  expect(marker).not.toBeNull();
  const { value, attributes } = marker as SetCookie;
  expect(value).toBe(refresh.get('max-age') === '0' ? '' : '1');
  expect(attributes.get('path')).toBe('/');
  expect(attributes.has('httponly')).toBe(false);
  expect(attributes.has('secure')).toBe(true);
  expect(attributes.get('samesite')).toBe('Strict');
  expect(attributes.get('max-age')).toBe(refresh.get('max-age'));
}

function expectCookieCleared(res: Response): void {
  const cookie = refreshCookieOf(res);
  expect(cookie).not.toBeNull();
  expect(cookie?.value).toBe('');
  expect(cookie?.attributes.get('max-age')).toBe('0');
  expect(cookie?.attributes.get('path')).toBe('/api/v1/auth');
  expectMarkerLike(res, (cookie as SetCookie).attributes);
}

/** A browser session's answer: the session body without the refresh token. */
function expectCookieBody(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.body).not.toHaveProperty('refreshToken');
  expect(res.body.accessToken).toEqual(expect.any(String));
  expect(res.body.expiresIn).toEqual(expect.any(Number));
  expect(res.body.user).toEqual(expect.objectContaining({ email: expect.any(String) }));
  expect(res.headers['cache-control']).toBe('no-store');
}

function expectProblem(res: Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let world: TestApp;
  let alpha: TestOrganization;
  let beta: TestOrganization;
  /** A learner of alpha who is also a learner of beta. */
  let dualEmail: string;
  let learnerEmail: string;

  const post = (path: string, body: object, cookie?: string) => {
    const req = world.http().post(`/api/v1/auth${path}`);
    return (cookie === undefined ? req : req.set('Cookie', `${COOKIE}=${cookie}`)).send(body);
  };
  const me = (accessToken: string) =>
    world.http().get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  const signIn = async (
    remember: boolean,
    email = learnerEmail,
  ): Promise<{ res: Response; token: string }> => {
    const res = await post('/login', { email, password: PASSWORD, cookie: true, remember });
    expectCookieBody(res);
    return { res, token: expectSessionCookie(res, remember ? 'remembered' : 'session') };
  };

  beforeAll(async () => {
    world = await TestApp.start();
    alpha = await world.createOrganization('Cookie Alpha');
    beta = await world.createOrganization('Cookie Beta');
    learnerEmail = (await world.addMember(alpha, ['learner'])).email;
    dualEmail = (await world.addMember(alpha, ['learner'])).email;
    await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(beta.admin))
      .send({ email: dualEmail, name: 'Dual Person', roles: ['learner'], invite: false })
      .expect(201);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('login with "cookie": true answers without refreshToken and sets a session cookie', async () => {
    const { res, token } = await signIn(false);
    await me(res.body.accessToken).expect(200);
    const rows = await world.ownerQuery<{ remember: boolean }>(
      'SELECT remember FROM refresh_tokens WHERE token_hash = $1',
      [sha256(token)],
    );
    expect(rows).toEqual([{ remember: false }]);
  });

  it('"remember": true makes the cookie last REFRESH_TOKEN_TTL, and every refresh by cookie keeps that choice', async () => {
    const { token } = await signIn(true);
    const first = await post('/refresh', {}, token);
    expectCookieBody(first);
    const second = expectSessionCookie(first, 'remembered');
    expect(second).not.toBe(token);
    const third = await post('/refresh', { cookie: true }, second);
    expectCookieBody(third);
    expectSessionCookie(third, 'remembered');
  });

  it('a session cookie stays a session cookie through refreshes, unless the refresh says otherwise', async () => {
    const { token } = await signIn(false);
    const refreshed = await post('/refresh', { cookie: true }, token);
    expectCookieBody(refreshed);
    const next = expectSessionCookie(refreshed, 'session');
    const remembered = await post('/refresh', { cookie: true, remember: true }, next);
    expectCookieBody(remembered);
    const last = expectSessionCookie(remembered, 'remembered');
    const rows = await world.ownerQuery<{ remember: boolean }>(
      'SELECT remember FROM refresh_tokens WHERE token_hash = $1',
      [sha256(last)],
    );
    expect(rows).toEqual([{ remember: true }]);
  });

  it('refresh by cookie rotates it; reusing the spent cookie revokes the family, clears the cookie and ends the access token', async () => {
    const { res: login, token: first } = await signIn(false);
    const rotated = await post('/refresh', { cookie: true }, first);
    expectCookieBody(rotated);
    const second = expectSessionCookie(rotated, 'session');
    expect(second).not.toBe(first);
    await me(rotated.body.accessToken).expect(200);

    const reuse = await post('/refresh', { cookie: true }, first);
    expectProblem(reuse, 401);
    expectCookieCleared(reuse);
    const afterReuse = await post('/refresh', { cookie: true }, second);
    expectProblem(afterReuse, 401);
    expectCookieCleared(afterReuse);
    expectProblem(await me(rotated.body.accessToken), 401);
    expectProblem(await me(login.body.accessToken), 401);
  });

  it('a token read from the cookie is answered in the cookie even without "cookie": true, never in the body', async () => {
    const { token } = await signIn(false);
    const res = await post('/refresh', {}, token);
    expectCookieBody(res);
    expectSessionCookie(res, 'session');
  });

  it('logout reads the cookie, revokes its session and clears the cookie', async () => {
    const { res: login, token } = await signIn(true);
    const res = await post('/logout', {}, token).expect(204);
    expectCookieCleared(res);
    expectProblem(await post('/refresh', { cookie: true }, token), 401);
    expectProblem(await me(login.body.accessToken), 401);
  });

  it('accepting an invitation with "cookie": true sets the cookie, which then refreshes', async () => {
    const email = world.email('invited');
    await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(alpha.admin))
      .send({ email, name: 'Invited Person', roles: ['learner'] })
      .expect(201);
    const mail = await world.mail.waitForMatching(email, isInvitation);
    const accepted = await post('/invitations/accept', {
      token: tokenFrom(mail),
      password: PASSWORD,
      cookie: true,
      remember: true,
    });
    expectCookieBody(accepted);
    expect(accepted.body.organizationId).toBe(alpha.id);
    const token = expectSessionCookie(accepted, 'remembered');
    const refreshed = await post('/refresh', { cookie: true }, token);
    expectCookieBody(refreshed);
    expect(refreshed.body.user.email).toBe(email);
    expectSessionCookie(refreshed, 'remembered');
  });

  it("switching organization with the cookie moves the browser's session: the new one keeps the remember choice, the old one ends", async () => {
    const { res: login, token } = await signIn(true, dualEmail);
    expect(login.body.organizationId).toBe(alpha.id);
    const switched = await world
      .http()
      .post('/api/v1/auth/switch')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .set('Cookie', `${COOKIE}=${token}`)
      .send({ organizationId: beta.id, cookie: true });
    expectCookieBody(switched);
    expect(switched.body.organizationId).toBe(beta.id);
    const inBeta = expectSessionCookie(switched, 'remembered');
    expect(inBeta).not.toBe(token);

    const refreshed = await post('/refresh', { cookie: true }, inBeta);
    expectCookieBody(refreshed);
    expect(refreshed.body.organizationId).toBe(beta.id);
    expectSessionCookie(refreshed, 'remembered');
    expectProblem(await post('/refresh', { cookie: true }, token), 401);
    expectProblem(await me(login.body.accessToken), 401);
  });

  it('a new sign-in in the browser ends the session its cookie held', async () => {
    const { token: old } = await signIn(false);
    const res = await world
      .http()
      .post('/api/v1/auth/login')
      .set('Cookie', `${COOKIE}=${old}`)
      .send({ email: dualEmail, password: PASSWORD, cookie: true });
    expectCookieBody(res);
    expect(res.body.user.email).toBe(dualEmail);
    expectSessionCookie(res, 'session');
    expectProblem(await post('/refresh', { cookie: true }, old), 401);
  });

  it('body tokens work as before: no cookie is set or read when the body carries the token', async () => {
    const login = await post('/login', { email: learnerEmail, password: PASSWORD }).expect(200);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(login)).toBeNull();
    expect(refreshCookieOf(login, MARKER)).toBeNull();
    const { token: cookieToken } = await signIn(false);
    // The body's token wins over a cookie the request also carries; the cookie's session is left alone.
    const refreshed = await post('/refresh', { refreshToken: login.body.refreshToken }, cookieToken).expect(
      200,
    );
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(refreshed)).toBeNull();
    const loggedOut = await post(
      '/logout',
      { refreshToken: refreshed.body.refreshToken },
      cookieToken,
    ).expect(204);
    expect(refreshCookieOf(loggedOut)).toBeNull();
    expectProblem(await post('/refresh', { refreshToken: refreshed.body.refreshToken }), 401);
    expectCookieBody(await post('/refresh', { cookie: true }, cookieToken));
    // A body token can move into the cookie.
    const fresh = (await post('/login', { email: learnerEmail, password: PASSWORD }).expect(200))
      .body as Session;
    const intoCookie = await post('/refresh', { refreshToken: fresh.refreshToken, cookie: true });
    expectCookieBody(intoCookie);
    expectSessionCookie(intoCookie, 'session');
  });

  it('answers a forged, garbled or missing cookie with 401 (clearing it), never 500', async () => {
    const forged = [
      'forged',
      'A'.repeat(43),
      'x'.repeat(4000),
      '%E0%A4%A',
      '%00',
      '"',
      '"quoted"',
      'a=b=c',
      '%F0%9F%92%A9',
      '..%2F..%2Fetc%2Fpasswd',
    ];
    for (const value of forged) {
      const res = await post('/refresh', { cookie: true }, value);
      expect({ value, status: res.status }).toEqual({ value, status: 401 });
      expectProblem(res, 401);
      expectCookieCleared(res);
      const out = await post('/logout', {}, value);
      expect({ value, status: out.status }).toEqual({ value, status: 204 });
    }
    const none = await post('/refresh', { cookie: true });
    expectProblem(none, 401);
    expectCookieCleared(none);
    const semicolons = await world
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `${COOKIE}=; ${COOKIE}=; other=1`)
      .send({ cookie: true });
    expectProblem(semicolons, 401);
    // Neither a token nor a cookie, and no "cookie": true: a request naming no session at all.
    const bare = await post('/refresh', {});
    expectProblem(bare, 400);
    expect(bare.body.errors).toEqual([{ field: 'refreshToken', message: expect.any(String) }]);
  });

  it('of 20 parallel refreshes with one cookie exactly one succeeds; the reuse then ends the whole family', async () => {
    const { token } = await signIn(false);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/refresh', { cookie: true }, token)),
    );
    const ok = answers.filter((res) => res.status === 200);
    expect(answers.map((res) => res.status).sort()).toEqual([200, ...Array<number>(19).fill(401)]);
    for (const res of answers.filter((r) => r.status === 401)) expectCookieCleared(res);
    expectCookieBody(ok[0]);
    const winner = expectSessionCookie(ok[0], 'session');
    // The losers found the token spent only once the winner's next token existed: it is revoked with the family.
    expectProblem(await post('/refresh', { cookie: true }, winner), 401);
    expectProblem(await me(ok[0].body.accessToken), 401);
    const live = await world.ownerQuery<{ live: number }>(
      `SELECT count(*)::int AS live FROM refresh_tokens
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [sha256(token)],
    );
    expect(live).toEqual([{ live: 0 }]);
  });

  it('documents the cookie fields and the Set-Cookie header in OpenAPI', async () => {
    const doc = (await world.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        {
          post: {
            requestBody: { content: Record<string, { schema: { $ref: string } }> };
            responses: Record<string, { headers?: Record<string, unknown> }>;
          };
        }
      >;
      components: {
        schemas: Record<string, { properties: Record<string, { type?: string }>; required?: string[] }>;
      };
    };
    const schemaOf = (path: string) => {
      const ref = doc.paths[path].post.requestBody.content['application/json'].schema.$ref;
      return doc.components.schemas[ref.split('/').pop() as string];
    };
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/switch',
      '/api/v1/auth/invitations/accept',
    ]) {
      const schema = schemaOf(path);
      expect({
        path,
        cookie: schema.properties.cookie?.type,
        remember: schema.properties.remember?.type,
      }).toEqual({
        path,
        cookie: 'boolean',
        remember: 'boolean',
      });
      expect(schema.required ?? []).not.toContain('cookie');
      expect(doc.paths[path].post.responses['200'].headers).toHaveProperty('Set-Cookie');
    }
    expect(schemaOf('/api/v1/auth/refresh').required ?? []).not.toContain('refreshToken');
    expect(schemaOf('/api/v1/auth/logout').required ?? []).not.toContain('refreshToken');
    expect(doc.paths['/api/v1/auth/logout'].post.responses['204'].headers).toHaveProperty('Set-Cookie');
    expect(doc.components.schemas.SessionResponse.required).not.toContain('refreshToken');
  });
});
