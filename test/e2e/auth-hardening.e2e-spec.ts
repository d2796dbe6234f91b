import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(30_000);

const PROBLEM = /^application\/problem\+json/;

function expectNoStore(res: Response): void {
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers.pragma).toBe('no-cache');
}

describe('tokens, caching and the password-reset answer', () => {
  let world: TestApp;
  let org: TestOrganization;
  let learner: { memberId: string; email: string; session: Session };

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Hardening Health');
    learner = await world.addMember(org, ['learner']);
  });

  afterAll(async () => {
    await world.stop();
  });

  describe('access tokens', () => {
    const secret = () => process.env.JWT_SECRET as string;
    const claims = () => ({ org: org.id, sid: randomUUID() });
    const sign = (payload: object, options: jwt.SignOptions = {}) =>
      jwt.sign(payload, secret(), {
        algorithm: 'HS256',
        subject: org.admin.user.id,
        issuer: 'beacon',
        expiresIn: 300,
        ...options,
      });
    const me = (token: string) => world.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

    async function expectUnauthorized(token: string): Promise<void> {
      const res = await me(token);
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 401 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: expect.any(String) });
    }

    it('accepts the tokens it signs itself', async () => {
      await world
        .http()
        .get('/api/v1/me')
        .set(...bearer(org.admin))
        .expect(200);
    });

    it('refuses a correctly signed token without exp (it would never expire)', async () => {
      await expectUnauthorized(
        jwt.sign(
          { ...claims(), sub: org.admin.user.id, iss: 'beacon', iat: Math.floor(Date.now() / 1000) },
          secret(),
          {
            algorithm: 'HS256',
          },
        ),
      );
    });

    it('refuses a correctly signed token without sid or without iat', async () => {
      await expectUnauthorized(sign({ org: org.id }));
      await expectUnauthorized(sign(claims(), { noTimestamp: true }));
    });

    it('refuses a sub or sid that is not a UUID and an org that is neither a UUID nor null', async () => {
      await expectUnauthorized(sign(claims(), { subject: 'admin' }));
      await expectUnauthorized(sign({ ...claims(), sid: 'session-1' }));
      await expectUnauthorized(sign({ ...claims(), org: 'hardening-health' }));
      await expectUnauthorized(sign({ sid: randomUUID() }));
    });

    it('refuses another algorithm (HS512), alg none, another issuer and an expired token', async () => {
      await expectUnauthorized(sign(claims(), { algorithm: 'HS512' }));
      const unsigned = jwt.sign(
        { ...claims(), sub: org.admin.user.id, iss: 'beacon', exp: Math.floor(Date.now() / 1000) + 300 },
        '',
        { algorithm: 'none' },
      );
      await expectUnauthorized(unsigned);
      await expectUnauthorized(sign(claims(), { issuer: 'someone-else' }));
      await expectUnauthorized(sign(claims(), { expiresIn: -10 }));
    });
  });

  describe('Cache-Control: no-store on token and personal-data answers', () => {
    it('sets no-store and Pragma: no-cache on every auth answer, errors included', async () => {
      const login = await world
        .http()
        .post('/api/v1/auth/login')
        .send({ email: learner.email, password: PASSWORD })
        .expect(200);
      expectNoStore(login);
      expectNoStore(
        await world
          .http()
          .post('/api/v1/auth/refresh')
          .send({ refreshToken: login.body.refreshToken })
          .expect(200),
      );
      expectNoStore(
        await world.http().post('/api/v1/auth/login').send({ email: learner.email, password: 'nope' }),
      );
      expectNoStore(await world.http().post('/api/v1/auth/password-reset').send({ email: learner.email }));
      expectNoStore(await world.http().post('/api/v1/auth/invitations/accept').send({}));
    });

    it('sets it on /me, members, certificates and the other personal reads', async () => {
      const as = (session: Session, path: string) =>
        world
          .http()
          .get(path)
          .set(...bearer(session));
      expectNoStore(await as(learner.session, '/api/v1/me').expect(200));
      expectNoStore(await as(learner.session, '/api/v1/me/enrollments').expect(200));
      expectNoStore(await as(learner.session, '/api/v1/me/certificates').expect(200));
      expectNoStore(await as(org.admin, '/api/v1/members').expect(200));
      expectNoStore(await as(org.admin, `/api/v1/members/${learner.memberId}`).expect(200));
      expectNoStore(await as(org.admin, `/api/v1/certificates/${randomUUID()}`).expect(404));
      expectNoStore(await as(org.admin, `/api/v1/certificates/${randomUUID()}/pdf`).expect(404));
      expectNoStore(await as(org.admin, '/api/v1/audit-events').expect(200));
    });

    it('leaves the public certificate check and the catalog cacheable', async () => {
      const check = await world.http().get('/api/v1/public/certificates/NO-SUCH-CODE').expect(404);
      expect(check.headers['cache-control']).toBeUndefined();
      const catalog = await world
        .http()
        .get('/api/v1/courses')
        .set(...bearer(learner.session))
        .expect(200);
      expect(catalog.headers['cache-control']).toBeUndefined();
    });
  });

  describe('password reset', () => {
    const HEADERS = ['cache-control', 'pragma', 'content-type', 'content-length', 'etag', 'retry-after'];

    it('answers a known and an unknown email identically (status, headers that matter, body)', async () => {
      const answer = async (email: string) => {
        const res = await world.http().post('/api/v1/auth/password-reset').send({ email });
        return {
          status: res.status,
          headers: Object.fromEntries(HEADERS.map((name) => [name, res.headers[name]])),
          body: res.text,
        };
      };
      const known = await answer(learner.email);
      const unknown = await answer(world.email('nobody-here'));
      expect(known.status).toBe(202);
      expect(unknown).toEqual(known);
      // The known one is still mailed, after the answer (its 2nd reset mail: the fixture sent no invitation).
      await world.mail.waitFor(learner.email, 2);
    });
  });
});
