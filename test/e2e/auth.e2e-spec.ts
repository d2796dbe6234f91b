import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, PLATFORM_ADMIN, Session, TestApp, TestOrganization } from '../support/test-app';

const NEW_PASSWORD = 'a brand new passphrase';
const SESSION_KEYS = [
  'accessToken',
  'expiresIn',
  'memberships',
  'organizationId',
  'platformRoles',
  'refreshToken',
  'roles',
  'user',
];

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function expectProblem(res: Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}

function expectThrottled(res: Response): void {
  expectProblem(res, 429);
  const retryAfter = res.headers['retry-after'];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
}

function errorFields(res: Response): string[] {
  return ((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field).sort();
}

describe('auth: sessions, passwords and throttling', () => {
  let world: TestApp;
  let alpha: TestOrganization;
  let beta: TestOrganization;
  /** A learner of alpha who is also an educator of beta (alpha membership first). */
  let dual: { email: string; alphaMemberId: string; betaMemberId: string };

  const post = (path: string, body: object, session?: Session) => {
    const req = world.http().post(`/api/v1${path}`);
    return (session ? req.set(...bearer(session)) : req).send(body);
  };
  const get = (path: string, session: Session) =>
    world
      .http()
      .get(`/api/v1${path}`)
      .set(...bearer(session));
  const login = (body: object) => post('/auth/login', body);
  const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken });

  /** Invites an existing person (already a member elsewhere) into `org` and accepts with their own password. */
  async function joinAsExistingAccount(org: TestOrganization, email: string, roles: string[]) {
    const before = world.mail.to(email).length;
    const created = await post('/members', { email, name: 'Renamed By Org', roles }, org.admin).expect(201);
    const mail = await world.mail.waitFor(email, before + 1);
    const accepted = await post('/auth/invitations/accept', { token: tokenFrom(mail), password: PASSWORD });
    expect(accepted.status).toBe(200);
    return { memberId: created.body.id as string, session: accepted.body as Session };
  }

  beforeAll(async () => {
    world = await TestApp.start();
    alpha = await world.createOrganization('Auth Alpha');
    beta = await world.createOrganization('Auth Beta');
    const learner = await world.addMember(alpha, ['learner']);
    const joined = await joinAsExistingAccount(beta, learner.email, ['educator']);
    dual = { email: learner.email, alphaMemberId: learner.memberId, betaMemberId: joined.memberId };
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('login', () => {
    it('validates the body before any credential check: each bad field is a 400, even for a real account', async () => {
      const empty = await login({});
      expectProblem(empty, 400);
      expect(errorFields(empty)).toEqual(['email', 'password']);

      const noPassword = await login({ email: dual.email });
      expectProblem(noPassword, 400);
      expect(errorFields(noPassword)).toEqual(['password']);

      const noEmail = await login({ password: PASSWORD });
      expectProblem(noEmail, 400);
      expect(errorFields(noEmail)).toEqual(['email']);

      const notAnEmail = await login({ email: 'not-an-email', password: PASSWORD });
      expectProblem(notAnEmail, 400);
      expect(errorFields(notAnEmail)).toEqual(['email']);

      const badOrganization = await login({ email: dual.email, password: PASSWORD, organizationId: 'nope' });
      expectProblem(badOrganization, 400);
      expect(errorFields(badOrganization)).toEqual(['organizationId']);

      const wrongPasswordAndBadOrg = await login({
        email: dual.email,
        password: 'wrong',
        organizationId: 'x',
      });
      expectProblem(wrongPasswordAndBadOrg, 400);
      expect(errorFields(wrongPasswordAndBadOrg)).toEqual(['organizationId']);

      const unknownField = await login({ email: dual.email, password: PASSWORD, rememberMe: true });
      expectProblem(unknownField, 400);
      expect(errorFields(unknownField)).toEqual(['rememberMe']);
    });

    it('answers a wrong password and an unknown email with the same 401 body', async () => {
      const wrongPassword = await login({ email: dual.email, password: 'not the right password' });
      const unknownEmail = await login({ email: world.email('nobody'), password: PASSWORD });
      expectProblem(wrongPassword, 401);
      expectProblem(unknownEmail, 401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body.errors).toBeUndefined();
    });

    it('returns the session body with exactly the documented fields, compares emails case-insensitively', async () => {
      const res = await login({ email: dual.email.toUpperCase(), password: PASSWORD }).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(SESSION_KEYS);
      expect(Object.keys(res.body.user).sort()).toEqual(['email', 'id', 'name']);
      expect(res.body.user.email).toBe(dual.email);
      expect(typeof res.body.accessToken).toBe('string');
      expect(typeof res.body.refreshToken).toBe('string');
      expect(res.body.expiresIn).toEqual(expect.any(Number));
      expect(res.body.expiresIn).toBeGreaterThan(0);
      expect(res.body.platformRoles).toEqual([]);
      for (const membership of res.body.memberships) {
        expect(Object.keys(membership).sort()).toEqual(['organizationId', 'organizationName', 'roles']);
      }
      const me = await get('/me', res.body).expect(200);
      expect(me.body.user).toEqual(res.body.user);
    });

    it('binds to the first membership by default and to the requested one when given', async () => {
      const memberships = [
        { organizationId: alpha.id, organizationName: 'Auth Alpha', roles: ['learner'] },
        { organizationId: beta.id, organizationName: 'Auth Beta', roles: ['educator'] },
      ];
      const byDefault = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body;
      expect(byDefault).toMatchObject({ organizationId: alpha.id, roles: ['learner'], memberships });

      const inBeta = (
        await login({ email: dual.email, password: PASSWORD, organizationId: beta.id }).expect(200)
      ).body;
      expect(inBeta).toMatchObject({ organizationId: beta.id, roles: ['educator'], memberships });
      const me = await get('/me', inBeta).expect(200);
      expect(me.body).toMatchObject({ organizationId: beta.id, roles: ['educator'] });
    });

    it('refuses an organization the person does not belong to with 403', async () => {
      const admin = alpha.admin.user.email;
      expectProblem(await login({ email: admin, password: PASSWORD, organizationId: beta.id }), 403);
      const unknownOrg = '00000000-0000-4000-8000-000000000000';
      expectProblem(await login({ email: admin, password: PASSWORD, organizationId: unknownOrg }), 403);
    });

    it('signs platform staff in bound to no organization', async () => {
      const res = await login({ email: PLATFORM_ADMIN, password: PASSWORD }).expect(200);
      expect(res.body).toMatchObject({ organizationId: null, roles: [], platformRoles: ['platform_admin'] });
    });
  });

  describe('refresh and logout', () => {
    it('rotates the refresh token; reusing a spent one revokes the whole family, access tokens included', async () => {
      const first = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body as Session;
      const other = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body as Session;

      const rotated = await refresh(first.refreshToken).expect(200);
      expect(Object.keys(rotated.body).sort()).toEqual(SESSION_KEYS);
      expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
      expect(rotated.body.organizationId).toBe(alpha.id);
      const second = rotated.body as Session;
      await get('/me', second).expect(200);

      expectProblem(await refresh(first.refreshToken), 401);
      expectProblem(await refresh(second.refreshToken), 401);
      expectProblem(await get('/me', second), 401);
      expectProblem(await get('/me', first), 401);

      // Another login of the same person is another family and keeps working.
      await get('/me', other).expect(200);
      await refresh(other.refreshToken).expect(200);
    });

    it('keeps the organization a refreshed session was bound to', async () => {
      const inBeta = (
        await login({ email: dual.email, password: PASSWORD, organizationId: beta.id }).expect(200)
      ).body as Session;
      const res = await refresh(inBeta.refreshToken).expect(200);
      expect(res.body).toMatchObject({ organizationId: beta.id, roles: ['educator'] });
    });

    it('refuses an unknown refresh token with 401 and a missing one with 400', async () => {
      expectProblem(await refresh('not-a-token-we-ever-issued'), 401);
      const missing = await post('/auth/refresh', {});
      expectProblem(missing, 400);
      expect(errorFields(missing)).toEqual(['refreshToken']);
    });

    it('logs out with 204, after which the refresh token no longer works', async () => {
      const session = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body as Session;
      await post('/auth/logout', { refreshToken: session.refreshToken }).expect(204);
      expectProblem(await refresh(session.refreshToken), 401);
    });
  });

  describe('switching organization', () => {
    it('binds a new session to another membership with the roles held there', async () => {
      const inAlpha = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body as Session;
      expectProblem(await get('/members', inAlpha), 403);

      const res = await post('/auth/switch', { organizationId: beta.id }, inAlpha).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(SESSION_KEYS);
      expect(res.body).toMatchObject({ organizationId: beta.id, roles: ['educator'] });
      const inBeta = res.body as Session;
      const me = await get('/me', inBeta).expect(200);
      expect(me.body).toMatchObject({ organizationId: beta.id, roles: ['educator'] });
      const members = await get('/members', inBeta).expect(200);
      expect((members.body.items as Array<{ id: string }>).map((m) => m.id)).toContain(dual.betaMemberId);
      const refreshed = await refresh(inBeta.refreshToken).expect(200);
      expect(refreshed.body.organizationId).toBe(beta.id);
    });

    it('refuses an organization without membership with 403 and an anonymous caller with 401', async () => {
      expectProblem(await post('/auth/switch', { organizationId: beta.id }, alpha.admin), 403);
      expectProblem(await post('/auth/switch', { organizationId: beta.id }), 401);
      const bad = await post('/auth/switch', { organizationId: 'beta' }, alpha.admin);
      expectProblem(bad, 400);
      expect(errorFields(bad)).toEqual(['organizationId']);
    });
  });

  describe('password change', () => {
    it('names a wrong currentPassword and a short newPassword as 400s', async () => {
      const { session } = await world.addMember(alpha, ['learner']);
      const wrong = await post(
        '/auth/password',
        { currentPassword: 'wrong', newPassword: NEW_PASSWORD },
        session,
      );
      expectProblem(wrong, 400);
      expect(errorFields(wrong)).toEqual(['currentPassword']);
      const short = await post(
        '/auth/password',
        { currentPassword: PASSWORD, newPassword: 'elevenchars' },
        session,
      );
      expectProblem(short, 400);
      expect(errorFields(short)).toEqual(['newPassword']);
      expectProblem(
        await post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        401,
      );
    });

    it("changes the password and revokes the person's other sessions, keeping the current one", async () => {
      const { email, session: current } = await world.addMember(alpha, ['learner']);
      const other = await world.login(email);
      await get('/me', other).expect(200);

      await post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, current).expect(
        204,
      );

      expectProblem(await get('/me', other), 401);
      expectProblem(await refresh(other.refreshToken), 401);
      await get('/me', current).expect(200);
      await refresh(current.refreshToken).expect(200);

      await login({ email, password: NEW_PASSWORD }).expect(200);
      expectProblem(await login({ email, password: PASSWORD }), 401);
    });
  });

  describe('password reset', () => {
    it('answers 202 for known and unknown emails alike, mailing only the known one', async () => {
      const { email } = await world.addMember(alpha, ['learner']);
      const unknown = world.email('unknown-reset');
      await post('/auth/password-reset', { email: unknown }).expect(202);
      await post('/auth/password-reset', { email }).expect(202);
      const mail = await world.mail.waitFor(email);
      expect(mail.text).toMatch(/http:\/\/beacon\.test\/reset-password\?token=[A-Za-z0-9_-]+/);
      const outbox = await world.ownerQuery('SELECT id FROM notifications WHERE recipient_email = $1', [
        unknown,
      ]);
      expect(outbox).toHaveLength(0);
      expect(world.mail.to(unknown)).toHaveLength(0);
      const bad = await post('/auth/password-reset', { email: 'nope' });
      expectProblem(bad, 400);
      expect(errorFields(bad)).toEqual(['email']);
    });

    it('sends at most 3 mails per email per hour and still answers 202', async () => {
      const { email } = await world.addMember(alpha, ['learner']);
      for (const address of [email, email, email.toUpperCase(), email]) {
        await post('/auth/password-reset', { email: address }).expect(202);
      }
      await world.mail.waitFor(email, 3);
      await world.settled(); // a 4th mail, had one been owed, would have been sent by now
      expect(world.mail.to(email)).toHaveLength(3);
      const rows = await world.ownerQuery(
        "SELECT id FROM notifications WHERE recipient_email = $1 AND kind = 'password_reset'",
        [email],
      );
      expect(rows).toHaveLength(3);
    });

    it('sets a new password with the mailed single-use token and revokes existing sessions', async () => {
      const { email, session } = await world.addMember(alpha, ['learner']);
      await post('/auth/password-reset', { email }).expect(202);
      const token = tokenFrom(await world.mail.waitFor(email));

      const short = await post('/auth/password-reset/confirm', { token, password: 'short' });
      expectProblem(short, 400);
      expect(errorFields(short)).toEqual(['password']);

      await post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD }).expect(204);
      await login({ email, password: NEW_PASSWORD }).expect(200);
      expectProblem(await login({ email, password: PASSWORD }), 401);
      expectProblem(await refresh(session.refreshToken), 401);
      expectProblem(await get('/me', session), 401);

      expectProblem(
        await post('/auth/password-reset/confirm', { token, password: 'yet another passphrase' }),
        410,
      );
      await login({ email, password: NEW_PASSWORD }).expect(200);
      expectProblem(
        await post('/auth/password-reset/confirm', { token: 'unknown-token', password: NEW_PASSWORD }),
        404,
      );
    });
  });

  describe('deactivation', () => {
    it("ends the member's access token and refresh token at once", async () => {
      const { memberId, session } = await world.addMember(alpha, ['learner']);
      await get('/me', session).expect(200);
      const res = await post(`/members/${memberId}/deactivate`, {}, alpha.admin).expect(200);
      expect(res.body.status).toBe('deactivated');
      expectProblem(await get('/me', session), 401);
      expectProblem(await refresh(session.refreshToken), 401);
    });

    it('ends only the sessions in the deactivating organization for a person in two', async () => {
      const { email, session: inAlpha } = await world.addMember(alpha, ['learner']);
      const { memberId, session: inBeta } = await joinAsExistingAccount(beta, email, ['learner']);
      expect(inBeta.organizationId).toBe(beta.id);
      await post(`/members/${memberId}/deactivate`, {}, beta.admin).expect(200);
      expectProblem(await get('/me', inBeta), 401);
      expectProblem(await refresh(inBeta.refreshToken), 401);
      await get('/me', inAlpha).expect(200);
      const refreshed = await refresh(inAlpha.refreshToken).expect(200);
      expect(refreshed.body.memberships).toEqual([
        { organizationId: alpha.id, organizationName: 'Auth Alpha', roles: ['learner'] },
      ]);
    });
  });

  describe('a person in two organizations', () => {
    it("lets no organization change the person's global email or name", async () => {
      for (const field of ['email', 'name']) {
        const body = field === 'email' ? { email: world.email('hijack') } : { name: 'Hijacked' };
        const res = await world
          .http()
          .patch(`/api/v1/members/${dual.betaMemberId}`)
          .set(...bearer(beta.admin))
          .send(body);
        expectProblem(res, 400);
        expect(errorFields(res)).toEqual([field]);
      }
      const member = await get(`/members/${dual.betaMemberId}`, beta.admin).expect(200);
      expect(member.body.email).toBe(dual.email);
      expect(member.body.name).not.toBe('Hijacked');
      expect(member.body.name).not.toBe('Renamed By Org');
    });

    it('renames the person everywhere through PATCH /me and lists both memberships in GET /me', async () => {
      const session = await world.login(dual.email);
      const res = await world
        .http()
        .patch('/api/v1/me')
        .set(...bearer(session))
        .send({ name: '  Dana Dual  ' })
        .expect(200);
      expect(res.body.user.name).toBe('Dana Dual');
      expect((await get(`/members/${dual.alphaMemberId}`, alpha.admin).expect(200)).body.name).toBe(
        'Dana Dual',
      );
      expect((await get(`/members/${dual.betaMemberId}`, beta.admin).expect(200)).body.name).toBe(
        'Dana Dual',
      );

      const me = await get('/me', session).expect(200);
      expect(me.body).toEqual({
        user: { id: session.user.id, email: dual.email, name: 'Dana Dual' },
        organizationId: alpha.id,
        roles: ['learner'],
        platformRoles: [],
        memberships: [
          { organizationId: alpha.id, organizationName: 'Auth Alpha', roles: ['learner'] },
          { organizationId: beta.id, organizationName: 'Auth Beta', roles: ['educator'] },
        ],
        preferences: { locale: 'en', escalationDigest: 'daily' },
      });
    });
  });

  describe('token storage', () => {
    it('stores refresh, invitation and reset tokens only as their SHA-256', async () => {
      const session = (await login({ email: dual.email, password: PASSWORD }).expect(200)).body as Session;
      const refreshRows = await world.ownerQuery<{ token_hash: string }>(
        'SELECT token_hash FROM refresh_tokens WHERE user_id = $1',
        [session.user.id],
      );
      expect(refreshRows.map((r) => r.token_hash)).toContain(sha256(session.refreshToken));
      expect(refreshRows.some((r) => r.token_hash.includes(session.refreshToken))).toBe(false);

      const email = world.email('hashed');
      await post('/members', { email, name: 'Hashed Person', roles: ['learner'] }, alpha.admin).expect(201);
      const invitationToken = tokenFrom(await world.mail.waitFor(email));
      const invitationRows = await world.ownerQuery<{ token_hash: string }>(
        'SELECT i.token_hash FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1',
        [email],
      );
      expect(invitationRows.map((r) => r.token_hash)).toEqual([sha256(invitationToken)]);
      expect(invitationRows[0].token_hash).not.toContain(invitationToken);

      await post('/auth/password-reset', { email: dual.email }).expect(202);
      // dual's mail so far: Auth Beta's invitation (Auth Alpha's fixture added them without one).
      const resetToken = tokenFrom(await world.mail.waitFor(dual.email, 2));
      const resetRows = await world.ownerQuery<{ token_hash: string }>(
        'SELECT token_hash FROM password_resets WHERE user_id = $1',
        [session.user.id],
      );
      expect(resetRows.map((r) => r.token_hash)).toEqual([sha256(resetToken)]);
    });
  });

  describe('login throttling (LOGIN_MAX_FAILURES=3, LOGIN_MAX_FAILURES_PER_IP=1000)', () => {
    let strict: TestApp;
    let second: string;
    let third: string;

    const strictLogin = (email: string, password: string) =>
      strict.http().post('/api/v1/auth/login').send({ email, password });

    beforeAll(async () => {
      strict = await TestApp.start({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' } });
      second = (await strict.createOrganization('Throttle Two')).admin.user.email;
      third = (await strict.createOrganization('Throttle Three')).admin.user.email;
    });

    afterAll(async () => {
      await strict?.stop();
    });

    it('refuses an email after 3 failures with 429 and Retry-After, even with the right password', async () => {
      // Emails are compared case-insensitively, for counting failures too.
      for (const email of [PLATFORM_ADMIN, PLATFORM_ADMIN.toUpperCase(), PLATFORM_ADMIN]) {
        expectProblem(await strictLogin(email, 'wrong password'), 401);
      }
      expectThrottled(await strictLogin(PLATFORM_ADMIN, PASSWORD));
      // The body is still validated first.
      const invalid = await strict.http().post('/api/v1/auth/login').send({ email: PLATFORM_ADMIN });
      expectProblem(invalid, 400);
    });

    it('checks the password of at most LOGIN_MAX_FAILURES of 40 parallel attempts; the rest get 429', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => strictLogin(second, 'wrong password')),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(37);
      for (const res of answers.filter((r) => r.status === 429)) expectThrottled(res);
      expectThrottled(await strictLogin(second, PASSWORD));
    });

    it("clears an email's count when it signs in", async () => {
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        expectProblem(await strictLogin(third, 'wrong password'), 401);
      }
      await strictLogin(third, PASSWORD).expect(200);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        expectProblem(await strictLogin(third, 'wrong password'), 401);
      }
      expectThrottled(await strictLogin(third, PASSWORD));
    });
  });

  describe('login throttling per IP (LOGIN_MAX_FAILURES_PER_IP=6)', () => {
    let shared: TestApp;
    let nurse: string;

    const sharedLogin = (email: string, password: string) =>
      shared.http().post('/api/v1/auth/login').send({ email, password });

    beforeAll(async () => {
      shared = await TestApp.start({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '6' } });
      nurse = (await shared.createOrganization('Shared Address')).admin.user.email;
    });

    afterAll(async () => {
      await shared?.stop();
    });

    it('never locks out an address by successful sign-ins, only by failures past the limit', async () => {
      // Far more successes than the IP limit, with a typo before some of them: all given back.
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        if (attempt % 2 === 0) expectProblem(await sharedLogin(nurse, 'typo password'), 401);
        await sharedLogin(nurse, PASSWORD).expect(200);
      }
      // Six failures spread over three unknown emails (none reaches its own limit of 3) use up the address.
      for (const email of [shared.email('ghost'), shared.email('ghost'), shared.email('ghost')]) {
        for (let attempt = 1; attempt <= 2; attempt += 1) {
          expectProblem(await sharedLogin(email, 'wrong password'), 401);
        }
      }
      expectThrottled(await sharedLogin(nurse, PASSWORD));
      expectThrottled(await sharedLogin(shared.email('ghost'), 'wrong password'));
    });
  });
});
