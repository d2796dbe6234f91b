import { randomBytes, randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, PLATFORM_ADMIN, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks and tests under Jest 30: set it here.
jest.setTimeout(30_000);

const PROBLEM = /^application\/problem\+json/;
const LONG_TEXT = 'x'.repeat(5001);

/** Row counts and last-change times of every table a rejected request could have written to. */
const SNAPSHOT = `
  SELECT (SELECT count(*) FROM organizations) AS organizations,
         (SELECT max(updated_at) FROM organizations) AS organizations_changed,
         (SELECT count(*) FROM users) AS users,
         (SELECT max(updated_at) FROM users) AS users_changed,
         (SELECT count(*) FROM sites) AS sites,
         (SELECT max(updated_at) FROM sites) AS sites_changed,
         (SELECT count(*) FROM departments) AS departments,
         (SELECT max(updated_at) FROM departments) AS departments_changed,
         (SELECT count(*) FROM memberships) AS memberships,
         (SELECT max(updated_at) FROM memberships) AS memberships_changed,
         (SELECT count(*) FROM invitations) AS invitations,
         (SELECT count(*) FILTER (WHERE accepted_at IS NOT NULL OR revoked_at IS NOT NULL) FROM invitations)
           AS invitations_spent,
         (SELECT count(*) FROM refresh_tokens) AS refresh_tokens,
         (SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL OR used_at IS NOT NULL) FROM refresh_tokens)
           AS refresh_tokens_spent,
         (SELECT count(*) FROM password_resets) AS password_resets,
         (SELECT count(*) FROM notifications) AS notifications,
         (SELECT count(*) FROM audit_events) AS audit_events`;

describe('input validation on every endpoint that takes a body or a query', () => {
  let world: TestApp;
  let platform: Session;
  let org: TestOrganization;
  let siteId: string;
  let departmentId: string;
  let memberId: string;

  beforeAll(async () => {
    world = await TestApp.start();
    platform = await world.platformAdmin();
    org = await world.createOrganization('Validation Health');
    const site = await world
      .http()
      .post('/api/v1/sites')
      .set(...bearer(org.admin))
      .send({ name: 'Main', kind: 'hospital' })
      .expect(201);
    siteId = site.body.id;
    const dept = await world
      .http()
      .post('/api/v1/departments')
      .set(...bearer(org.admin))
      .send({ siteId, name: 'ED', kind: 'emergency' })
      .expect(201);
    departmentId = dept.body.id;
    const member = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email: world.email('member'), name: 'Member', roles: ['learner'], invite: false })
      .expect(201);
    memberId = member.body.id;
  });

  afterAll(async () => {
    await world.stop();
  });

  const snapshot = async () => (await world.ownerQuery(SNAPSHOT))[0];

  /**
   * Sends the request and asserts a problem+json answer with the given status that names exactly the given fields
   * (when given), and that no table was written.
   */
  async function rejects(send: () => Test, status: number, fields?: string[]): Promise<Response> {
    const before = await snapshot();
    const res = await send();
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
    if (fields) {
      const errors = res.body.errors as Array<{ field: string; message: string }>;
      expect(errors.map((e) => e.field).sort()).toEqual([...fields].sort());
      for (const error of errors) expect(error.message).toEqual(expect.any(String));
    }
    expect(await snapshot()).toEqual(before);
    return res;
  }

  const anon = (method: 'post' | 'get' | 'patch', path: string) => world.http()[method](path);
  const as = (session: Session, method: 'post' | 'get' | 'patch' | 'delete', path: string) =>
    world
      .http()
      [method](path)
      .set(...bearer(session));

  describe('malformed requests', () => {
    it('answers malformed JSON with 400 problem+json', async () => {
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/sites')
            .set('Content-Type', 'application/json')
            .send('{"name": "Broken", "kind":'),
        400,
      );
      await rejects(
        () => anon('post', '/api/v1/auth/login').set('Content-Type', 'application/json').send("{'email': 1}"),
        400,
      );
    });

    it('answers a body over 1 MB with 413 problem+json, never a 500', async () => {
      const big = { name: 'Big', kind: 'hospital', address: 'a'.repeat(1024 * 1024 + 16) };
      await rejects(() => as(org.admin, 'post', '/api/v1/sites').send(big), 413);
      await rejects(
        () =>
          anon('post', '/api/v1/auth/login').send({ email: 'a@b.test', password: 'p'.repeat(1100 * 1024) }),
        413,
      );
      await rejects(() => as(org.admin, 'patch', `/api/v1/members/${memberId}`).send(big), 413);
    });

    it('refuses an array or a bare value as the body', async () => {
      await rejects(
        () => as(org.admin, 'post', '/api/v1/sites').send([{ name: 'Array', kind: 'hospital' }]),
        400,
      );
      await rejects(
        () =>
          as(platform, 'post', '/api/v1/platform/users').send([
            { email: world.email('arr'), name: 'Arr', platformRoles: ['facilitator'] },
          ]),
        400,
      );
      await rejects(
        () => as(org.admin, 'post', '/api/v1/members').set('Content-Type', 'application/json').send('"text"'),
        400,
      );
      await rejects(() => anon('post', '/api/v1/auth/login').send([PLATFORM_ADMIN, PASSWORD]), 400);
    });

    it('refuses JSON nested deeper than any request needs with 400, never a 500', async () => {
      const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/sites')
            .set('Content-Type', 'application/json')
            .send(`{"name":"Deep","kind":"hospital","address":${deep(5000)}}`),
        400,
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/login')
            .set('Content-Type', 'application/json')
            .send(`{"email":"a@b.test","password":${deep(5000)}}`),
        400,
      );
    });

    it('names a string holding a NUL character (400), in a body, a nested field or a query, never a 500', async () => {
      await rejects(
        () => as(org.admin, 'post', '/api/v1/sites').send({ name: 'Nul\u0000Site', kind: 'hospital' }),
        400,
        ['name'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/members').send({
            email: world.email('nul'),
            name: 'Nul',
            license: { type: 'R\u0000N', state: 'TX' },
          }),
        400,
        ['license.type'],
      );
      await rejects(() => as(org.admin, 'patch', '/api/v1/me').send({ name: '\u0000' }), 400, ['name']);
      await rejects(() => as(org.admin, 'get', '/api/v1/members?q=a%00b'), 400, ['q']);
      await rejects(() => as(org.admin, 'get', '/api/v1/audit-events?entityId=%00'), 400, ['entityId']);
      await rejects(() => anon('post', '/api/v1/auth/refresh').send({ refreshToken: 'a\u0000b' }), 400, [
        'refreshToken',
      ]);
    });

    it('treats __proto__ and constructor keys as the unknown fields they are (400 naming them)', async () => {
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/sites')
            .set('Content-Type', 'application/json')
            .send('{"name":"Proto","kind":"hospital","__proto__":{"archived":true}}'),
        400,
        ['__proto__'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/sites').send({
            name: 'Ctor',
            kind: 'hospital',
            constructor: { prototype: { archived: true } },
          }),
        400,
        ['constructor'],
      );
    });

    // Other paths belong to the web app (its own "page not found"): web-serving.e2e-spec.ts pins them.
    it('answers an unknown API or health route with 404 problem+json', async () => {
      await rejects(() => anon('get', '/api/v1/nothing-here'), 404);
      await rejects(() => as(org.admin, 'post', '/api/v1/sites/extra/path').send({}), 404);
      await rejects(() => anon('get', '/health/nothing-here'), 404);
    });
  });

  describe('fault classes on every endpoint (from the OpenAPI document)', () => {
    interface Operation {
      method: 'get' | 'post' | 'patch' | 'delete';
      path: string;
      bodyField: string | null;
      queryParams: string[];
    }
    interface OpenApiSchema {
      $ref?: string;
      type?: string;
      properties?: Record<string, OpenApiSchema>;
    }
    interface OpenApiOperation {
      parameters?: Array<{ in: string; name: string }>;
      requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
    }

    /** Every operation that takes a JSON body or a query, with a string field of its body and its query names. */
    async function operations(): Promise<Operation[]> {
      const doc = (await world.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, OpenApiOperation>>;
        components: { schemas: Record<string, OpenApiSchema> };
      };
      const resolve = (schema: OpenApiSchema): OpenApiSchema =>
        schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema;
      const found: Operation[] = [];
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          const json = operation.requestBody?.content['application/json'];
          const properties = json ? Object.entries(resolve(json.schema).properties ?? {}) : [];
          const stringField =
            properties.find(([, schema]) => resolve(schema).type === 'string') ?? properties[0];
          const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
          if (!stringField && queryParams.length === 0) continue;
          found.push({
            method: method as Operation['method'],
            path: path.replace(/\{[^}]+\}/g, () => randomUUID()),
            bodyField: stringField?.[0] ?? null,
            queryParams,
          });
        }
      }
      return found;
    }

    it('names a lone UTF-16 surrogate or a NUL in a body field of every endpoint that takes one (400, nothing written)', async () => {
      const withBody = (await operations()).filter((op) => op.bodyField !== null);
      // The endpoints the probe got a 500 from are among them.
      expect(withBody.map((op) => `${op.method} ${op.path}`)).toEqual(
        expect.arrayContaining([
          'post /api/v1/auth/login',
          'post /api/v1/auth/password-reset',
          'post /api/v1/sites',
          'post /api/v1/departments',
          'post /api/v1/cohorts',
          'patch /api/v1/me',
        ]),
      );
      expect(withBody.length).toBeGreaterThanOrEqual(20);
      for (const { method, path, bodyField } of withBody) {
        const field = bodyField as string;
        for (const value of ['a\ud800', '\udc00b', 'a\u0000b']) {
          await rejects(() => as(org.admin, method, path).send({ [field]: value }), 400, [field]);
        }
        await rejects(() => as(org.admin, method, path).send({ [field]: ['ok', 'x\ud83d'] }), 400, [
          `${field}.1`,
        ]);
      }
    });

    it('names a NUL in a query parameter of every endpoint that takes a query, and never answers 500 to bad bytes', async () => {
      const withQuery = (await operations()).filter((op) => op.queryParams.length > 0);
      expect(withQuery.length).toBeGreaterThanOrEqual(12);
      for (const { method, path, queryParams } of withQuery) {
        for (const name of queryParams) {
          await rejects(() => as(org.admin, method, `${path}?${name}=a%00b`), 400, [name]);
          // Percent-encoded bytes of a surrogate are not UTF-8: they decode to U+FFFD, a value like any other.
          const res = await as(org.admin, method, `${path}?${name}=%ED%A0%80`);
          expect({ path, name, status: res.status }).toEqual({ path, name, status: expect.any(Number) });
          expect(res.status).toBeLessThan(500);
        }
      }
    });

    it('answers 404, never 400 or 500, to a path id that is not a UUID or does not even percent-decode', async () => {
      const doc = (await world.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const withIds = Object.entries(doc.paths).flatMap(([path, methods]) =>
        path.includes('{') && path.startsWith('/api/v1/') && !path.includes('/public/')
          ? Object.keys(methods).map((method) => ({ method: method as Operation['method'], path }))
          : [],
      );
      expect(withIds.length).toBeGreaterThanOrEqual(20);
      for (const { method, path } of withIds) {
        for (const bad of ['not-a-uuid', '%ED%A0%80', '%zz', `${randomUUID()}%00`]) {
          const res = await as(
            path.includes('/platform/') ? platform : org.admin,
            method,
            path.replace(/\{[^}]+\}/, bad).replace(/\{[^}]+\}/g, () => randomUUID()),
          ).send({});
          expect({ method, path, bad, status: res.status }).toEqual({ method, path, bad, status: 404 });
        }
      }
    });

    it('names the nested field: admin.email, license.type, an array element', async () => {
      await rejects(
        () =>
          as(platform, 'post', '/api/v1/platform/organizations').send({
            name: 'Surrogate Org',
            slug: 'surrogate-org',
            timezone: 'America/Chicago',
            admin: { email: 'a\ud800@b.test', name: 'A' },
          }),
        400,
        ['admin.email'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/members').send({
            email: world.email('surrogate'),
            name: 'Surrogate',
            license: { type: 'R\udfffN', state: 'TX' },
          }),
        400,
        ['license.type'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/members').send({
            email: world.email('surrogate'),
            name: 'Surrogate',
            roles: ['learner', 'educator\ud800'],
          }),
        400,
        ['roles.1'],
      );
    });
  });

  describe('auth', () => {
    it('login: names missing and invalid fields and unknown ones (400, before any credential check)', async () => {
      await rejects(() => anon('post', '/api/v1/auth/login').send({}), 400, ['email', 'password']);
      await rejects(
        () => anon('post', '/api/v1/auth/login').send({ email: 'not-an-email', password: 42 }),
        400,
        ['email', 'password'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/login').send({
            email: PLATFORM_ADMIN,
            password: PASSWORD,
            organizationId: 'org-1',
          }),
        400,
        ['organizationId'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/login').send({
            email: PLATFORM_ADMIN,
            password: PASSWORD,
            rememberMe: true,
          }),
        400,
        ['rememberMe'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/login').send({
            email: PLATFORM_ADMIN,
            password: PASSWORD,
            cookie: 'true',
            remember: 1,
          }),
        400,
        ['cookie', 'remember'],
      );
      await rejects(
        () => anon('post', '/api/v1/auth/login').send({ email: ['a@b.test'], password: PASSWORD }),
        400,
        ['email'],
      );
    });

    it('refresh and logout: refreshToken is required and must be a string', async () => {
      for (const path of ['/api/v1/auth/refresh', '/api/v1/auth/logout']) {
        await rejects(() => anon('post', path).send({}), 400, ['refreshToken']);
        await rejects(() => anon('post', path).send({ refreshToken: 12345 }), 400, ['refreshToken']);
        await rejects(() => anon('post', path).send({ refreshToken: ['a'] }), 400, ['refreshToken']);
        await rejects(() => anon('post', path).send({ refreshToken: 'abc', everywhere: true }), 400, [
          'everywhere',
        ]);
      }
      await rejects(
        () =>
          anon('post', '/api/v1/auth/refresh').send({ refreshToken: 'abc', cookie: 'yes', remember: null }),
        400,
        ['cookie', 'remember'],
      );
      // Logout takes a token and nothing else: a browser's cookie says everything.
      await rejects(
        () => anon('post', '/api/v1/auth/logout').send({ refreshToken: 'abc', cookie: true }),
        400,
        ['cookie'],
      );
    });

    it('switch: organizationId is required and must be a UUID', async () => {
      await rejects(() => as(org.admin, 'post', '/api/v1/auth/switch').send({}), 400, ['organizationId']);
      await rejects(() => as(org.admin, 'post', '/api/v1/auth/switch').send({ organizationId: 7 }), 400, [
        'organizationId',
      ]);
      await rejects(
        () => as(org.admin, 'post', '/api/v1/auth/switch').send({ organizationId: org.id, role: 'x' }),
        400,
        ['role'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/auth/switch').send({
            organizationId: org.id,
            cookie: 1,
            remember: 'no',
          }),
        400,
        ['cookie', 'remember'],
      );
    });

    it('password change: both passwords required, the new one at least 12 characters', async () => {
      await rejects(() => as(org.admin, 'post', '/api/v1/auth/password').send({}), 400, [
        'currentPassword',
        'newPassword',
      ]);
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/auth/password').send({
            currentPassword: PASSWORD,
            newPassword: 'short-pass1',
          }),
        400,
        ['newPassword'],
      );
      await rejects(
        () =>
          as(org.admin, 'post', '/api/v1/auth/password').send({
            currentPassword: PASSWORD,
            newPassword: 123456789012,
          }),
        400,
        ['newPassword'],
      );
      // Nothing changed: the old password still signs in.
      await world.login(org.admin.user.email);
    });

    it('invitation acceptance: token and password required; a new password under 12 characters is refused and the invitation stays usable', async () => {
      await rejects(() => anon('post', '/api/v1/auth/invitations/accept').send({}), 400, [
        'token',
        'password',
      ]);
      await rejects(
        () =>
          anon('post', '/api/v1/auth/invitations/accept').send({
            token: 'abc',
            password: PASSWORD,
            name: '',
          }),
        400,
        ['name'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/invitations/accept').send({ token: 5, password: PASSWORD, extra: 1 }),
        400,
        ['token', 'extra'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/invitations/accept').send({
            token: 'abc',
            password: PASSWORD,
            cookie: 'on',
            remember: [true],
          }),
        400,
        ['cookie', 'remember'],
      );
      const email = world.email('short-pass');
      await as(org.admin, 'post', '/api/v1/members')
        .send({ email, name: 'Short Pass', roles: ['learner'] })
        .expect(201);
      const token = tokenFrom(await world.mail.waitFor(email));
      await rejects(
        () => anon('post', '/api/v1/auth/invitations/accept').send({ token, password: 'elevenchars' }),
        400,
        ['password'],
      );
      const session = await anon('post', '/api/v1/auth/invitations/accept')
        .send({ token, password: 'twelve chars' })
        .expect(200);
      expect(session.body.organizationId).toBe(org.id);
    });

    it('password reset: a valid email is required; confirmation needs a token and a 12-character password', async () => {
      await rejects(() => anon('post', '/api/v1/auth/password-reset').send({}), 400, ['email']);
      await rejects(() => anon('post', '/api/v1/auth/password-reset').send({ email: 'nobody' }), 400, [
        'email',
      ]);
      await rejects(
        () => anon('post', '/api/v1/auth/password-reset').send({ email: 'a@b.test', name: 'x' }),
        400,
        ['name'],
      );
      await rejects(() => anon('post', '/api/v1/auth/password-reset/confirm').send({}), 400, [
        'token',
        'password',
      ]);
      await rejects(
        () =>
          anon('post', '/api/v1/auth/password-reset/confirm').send({ token: 'abc', password: 'too-short' }),
        400,
        ['password'],
      );
      await rejects(
        () =>
          anon('post', '/api/v1/auth/password-reset/confirm').send({
            token: 'abc',
            password: { value: PASSWORD },
          }),
        400,
        ['password'],
      );
    });
  });

  describe('me', () => {
    it('PATCH /me: name, when given, a non-empty string of reasonable length; email is not changeable here', async () => {
      // Every field is optional (API.md: `{ name?, preferences? }`); null is not a way to leave one out.
      await rejects(() => as(org.admin, 'patch', '/api/v1/me').send({ name: null }), 400, ['name']);
      await rejects(() => as(org.admin, 'patch', '/api/v1/me').send({ name: '   ' }), 400, ['name']);
      await rejects(() => as(org.admin, 'patch', '/api/v1/me').send({ name: 42 }), 400, ['name']);
      await rejects(() => as(org.admin, 'patch', '/api/v1/me').send({ name: LONG_TEXT }), 400, ['name']);
      await rejects(
        () => as(org.admin, 'patch', '/api/v1/me').send({ name: 'Ok', email: 'new@b.test' }),
        400,
        ['email'],
      );
    });
  });

  describe('platform', () => {
    const organization = (overrides: Record<string, unknown> = {}) => ({
      name: 'New Org',
      slug: `new-org-${randomBytes(3).toString('hex')}`,
      timezone: 'America/Chicago',
      admin: { email: world.email('new-admin'), name: 'New Admin' },
      ...overrides,
    });
    const createOrganization = (body: object) => () =>
      as(platform, 'post', '/api/v1/platform/organizations').send(body);

    it('organizations: names every missing field, including nested admin fields', async () => {
      await rejects(createOrganization({}), 400, ['name', 'slug', 'timezone', 'admin']);
      await rejects(createOrganization(organization({ admin: {} })), 400, ['admin.email', 'admin.name']);
      await rejects(createOrganization(organization({ admin: { email: 'nope', name: 'A' } })), 400, [
        'admin.email',
      ]);
      await rejects(createOrganization(organization({ admin: 'someone@b.test' })), 400, ['admin']);
      await rejects(createOrganization(organization({ admin: null })), 400, ['admin']);
      await rejects(
        createOrganization(
          organization({ admin: { email: world.email('x'), name: 'A', role: 'org_admin' } }),
        ),
        400,
        ['admin.role'],
      );
      await rejects(createOrganization(organization({ plan: 'gold' })), 400, ['plan']);
      await rejects(createOrganization(organization({ name: 12, timezone: 5 })), 400, ['name', 'timezone']);
      await rejects(createOrganization(organization({ name: LONG_TEXT })), 400, ['name']);
    });

    it.each([
      ['too short', 'ab'],
      ['too long', 'a'.repeat(64)],
      ['upper case', 'St-Mary'],
      ['underscore', 'st_mary'],
      ['space', 'st mary'],
      ['dot', 'st.mary'],
      ['not a string', 123],
    ])('organizations: refuses a slug that is %s', async (_label, slug) => {
      await rejects(createOrganization(organization({ slug })), 400, ['slug']);
    });

    it('organizations: accepts a slug of exactly 3 and exactly 63 characters of a-z, 0-9 and -', async () => {
      const short = `${randomBytes(1).toString('hex')}-`;
      await as(platform, 'post', '/api/v1/platform/organizations')
        .send(organization({ slug: short }))
        .expect(201);
      const long = `a-${randomBytes(4).toString('hex')}-`.padEnd(63, '9');
      expect(long).toHaveLength(63);
      await as(platform, 'post', '/api/v1/platform/organizations')
        .send(organization({ slug: long }))
        .expect(201);
    });

    it.each([['Mars/Olympus_Mons'], ['america/chicago'], ['GMT+5'], [''], ['Central Time']])(
      'organizations: refuses the time zone %j',
      async (timezone) => {
        await rejects(createOrganization(organization({ timezone })), 400, ['timezone']);
      },
    );

    it.each([['Asia/Kolkata'], ['Europe/Kyiv'], ['Etc/UTC'], ['UTC'], ['America/Argentina/Buenos_Aires']])(
      'organizations and sites: accept the IANA time zone %s',
      async (timezone) => {
        const res = await as(platform, 'post', '/api/v1/platform/organizations')
          .send(organization({ timezone }))
          .expect(201);
        expect(res.body.timezone).toBe(timezone);
        const site = await as(org.admin, 'post', '/api/v1/sites')
          .send({ name: `Zone ${timezone}`, kind: 'other', timezone })
          .expect(201);
        expect(site.body.timezone).toBe(timezone);
      },
    );

    it('users: names missing fields, platformRoles must be a non-empty array of platform roles', async () => {
      const create = (body: object) => () => as(platform, 'post', '/api/v1/platform/users').send(body);
      await rejects(create({}), 400, ['email', 'name', 'platformRoles']);
      const person = () => ({ email: world.email('staff'), name: 'Staff' });
      await rejects(create({ ...person(), platformRoles: 'facilitator' }), 400, ['platformRoles']);
      await rejects(create({ ...person(), platformRoles: [] }), 400, ['platformRoles']);
      await rejects(create({ ...person(), platformRoles: ['org_admin'] }), 400, ['platformRoles']);
      await rejects(create({ ...person(), platformRoles: ['facilitator', 'facilitator'] }), 400, [
        'platformRoles',
      ]);
      await rejects(create({ ...person(), platformRoles: ['facilitator'], password: PASSWORD }), 400, [
        'password',
      ]);
      await rejects(create({ email: 'x@', name: ['A'], platformRoles: ['facilitator'] }), 400, [
        'email',
        'name',
      ]);
    });

    it('lists: limit 1–200, a cursor that decodes, and no unknown query parameters', async () => {
      for (const path of ['/api/v1/platform/organizations', '/api/v1/platform/users']) {
        await rejects(() => as(platform, 'get', `${path}?limit=201`), 400, ['limit']);
        await rejects(() => as(platform, 'get', `${path}?limit=0`), 400, ['limit']);
        await rejects(() => as(platform, 'get', `${path}?limit=1.5`), 400, ['limit']);
        await rejects(() => as(platform, 'get', `${path}?cursor=garbage`), 400, ['cursor']);
        // The right shape but no real instant (month 13): PostgreSQL would refuse it, so the API must first.
        const impossible = Buffer.from(JSON.stringify(['2024-13-45 10:00:00+00', org.id])).toString(
          'base64url',
        );
        await rejects(() => as(platform, 'get', `${path}?cursor=${impossible}`), 400, ['cursor']);
        await rejects(() => as(platform, 'get', `${path}?sort=name`), 400, ['sort']);
        await as(platform, 'get', `${path}?limit=200`).expect(200);
      }
    });
  });

  describe('sites', () => {
    const create = (body: object) => () => as(org.admin, 'post', '/api/v1/sites').send(body);
    const update = (body: object) => () => as(org.admin, 'patch', `/api/v1/sites/${siteId}`).send(body);

    it('create: names missing fields, a bad kind, time zone or address, and unknown fields', async () => {
      await rejects(create({}), 400, ['name', 'kind']);
      await rejects(create({ name: 'Clinic', kind: 'clinic' }), 400, ['kind']);
      await rejects(create({ name: 'Clinic', kind: ['hospital'] }), 400, ['kind']);
      await rejects(create({ name: 'Clinic', kind: 'hospital', timezone: 'Central' }), 400, ['timezone']);
      await rejects(create({ name: 'Clinic', kind: 'hospital', address: LONG_TEXT }), 400, ['address']);
      await rejects(create({ name: 'Clinic', kind: 'hospital', address: { street: 'Main' } }), 400, [
        'address',
      ]);
      await rejects(create({ name: 1234, kind: 'hospital' }), 400, ['name']);
      await rejects(create({ name: '  ', kind: 'hospital' }), 400, ['name']);
      await rejects(create({ name: LONG_TEXT, kind: 'hospital' }), 400, ['name']);
      await rejects(create({ name: 'Clinic', kind: 'hospital', beds: 40, phone: '555' }), 400, [
        'beds',
        'phone',
      ]);
      // The limit itself is accepted.
      const ok = await as(org.admin, 'post', '/api/v1/sites')
        .send({ name: 'Long Address', kind: 'other', address: 'y'.repeat(5000) })
        .expect(201);
      expect(ok.body.address).toHaveLength(5000);
    });

    it('update: refuses bad fields and leaves the site unchanged', async () => {
      await rejects(update({ kind: 'castle' }), 400, ['kind']);
      await rejects(update({ name: '' }), 400, ['name']);
      await rejects(update({ timezone: 'Nowhere/City' }), 400, ['timezone']);
      await rejects(update({ address: LONG_TEXT }), 400, ['address']);
      await rejects(update({ archived: true }), 400, ['archived']);
      const site = await as(org.admin, 'get', `/api/v1/sites/${siteId}`).expect(200);
      expect(site.body).toMatchObject({ name: 'Main', kind: 'hospital', archived: false });
    });

    it('list: includeArchived must be true or false; paging and unknown parameters are checked', async () => {
      await rejects(() => as(org.admin, 'get', '/api/v1/sites?includeArchived=maybe'), 400, [
        'includeArchived',
      ]);
      await rejects(() => as(org.admin, 'get', '/api/v1/sites?limit=201'), 400, ['limit']);
      await rejects(() => as(org.admin, 'get', '/api/v1/sites?cursor=abc'), 400, ['cursor']);
      await rejects(() => as(org.admin, 'get', '/api/v1/sites?kind=hospital'), 400, ['kind']);
    });
  });

  describe('departments', () => {
    const create = (body: object) => () => as(org.admin, 'post', '/api/v1/departments').send(body);

    it('create: names missing fields, a bad kind, a siteId that is not a UUID and unknown fields', async () => {
      await rejects(create({}), 400, ['siteId', 'name', 'kind']);
      await rejects(create({ siteId, name: 'Lab', kind: 'laboratory' }), 400, ['kind']);
      await rejects(create({ siteId: 'main', name: 'Lab', kind: 'other' }), 400, ['siteId']);
      await rejects(create({ siteId: 42, name: 'Lab', kind: 'other' }), 400, ['siteId']);
      await rejects(create({ siteId, name: LONG_TEXT, kind: 'other' }), 400, ['name']);
      await rejects(create({ siteId, name: 'Lab', kind: 'other', floor: 2 }), 400, ['floor']);
    });

    it('update and list: bad fields and parameters are refused', async () => {
      const update = (body: object) => () =>
        as(org.admin, 'patch', `/api/v1/departments/${departmentId}`).send(body);
      await rejects(update({ kind: 'icu' }), 400, ['kind']);
      await rejects(update({ siteId: 'elsewhere' }), 400, ['siteId']);
      await rejects(update({ name: false }), 400, ['name']);
      await rejects(update({ code: 'ED' }), 400, ['code']);
      await rejects(() => as(org.admin, 'get', '/api/v1/departments?siteId=main'), 400, ['siteId']);
      await rejects(() => as(org.admin, 'get', '/api/v1/departments?includeArchived=1'), 400, [
        'includeArchived',
      ]);
      await rejects(() => as(org.admin, 'get', '/api/v1/departments?limit=-1'), 400, ['limit']);
      const dept = await as(org.admin, 'get', `/api/v1/departments/${departmentId}`).expect(200);
      expect(dept.body).toMatchObject({ name: 'ED', kind: 'emergency', siteId });
    });
  });

  describe('members', () => {
    const create = (body: object) => () => as(org.admin, 'post', '/api/v1/members').send(body);
    const person = () => ({ email: world.email('new-member'), name: 'New Member' });

    it('create: names missing fields, bad roles, and wrong types', async () => {
      await rejects(create({}), 400, ['email', 'name']);
      await rejects(create({ ...person(), email: 'nope' }), 400, ['email']);
      await rejects(create({ ...person(), roles: 'learner' }), 400, ['roles']);
      await rejects(create({ ...person(), roles: [] }), 400, ['roles']);
      await rejects(create({ ...person(), roles: ['learner', 'boss'] }), 400, ['roles']);
      await rejects(create({ ...person(), roles: ['platform_admin'] }), 400, ['roles']);
      await rejects(create({ ...person(), invite: 'yes' }), 400, ['invite']);
      await rejects(create({ ...person(), siteId: 'main', departmentId: 5, managerId: 'boss' }), 400, [
        'siteId',
        'departmentId',
        'managerId',
      ]);
      await rejects(create({ ...person(), jobTitle: LONG_TEXT }), 400, ['jobTitle']);
      await rejects(create({ ...person(), employeeId: 1234 }), 400, ['employeeId']);
      await rejects(create({ ...person(), status: 'active', password: PASSWORD }), 400, [
        'status',
        'password',
      ]);
    });

    it('create: names nested license fields (license.type, license.state, license.expiresOn)', async () => {
      await rejects(create({ ...person(), license: {} }), 400, ['license.type', 'license.state']);
      await rejects(create({ ...person(), license: { type: 'RN', state: 'Texas' } }), 400, ['license.state']);
      await rejects(
        create({ ...person(), license: { type: 'RN', state: 'TX', expiresOn: '2027-13-45' } }),
        400,
        ['license.expiresOn'],
      );
      await rejects(
        create({ ...person(), license: { type: 'RN', state: 'TX', expiresOn: '2027-06-30T00:00:00Z' } }),
        400,
        ['license.expiresOn'],
      );
      await rejects(create({ ...person(), license: { type: 'RN', state: 'TX', issuer: 'Board' } }), 400, [
        'license.issuer',
      ]);
      await rejects(create({ ...person(), license: 'RN TX' }), 400, ['license']);
      await rejects(create({ ...person(), license: [{ type: 'RN', state: 'TX' }] }), 400, ['license']);
    });

    it('update: refuses bad fields, the person’s email and name, and leaves the member unchanged', async () => {
      const update = (body: object) => () => as(org.admin, 'patch', `/api/v1/members/${memberId}`).send(body);
      await rejects(update({ roles: ['chief'] }), 400, ['roles']);
      await rejects(update({ roles: 'manager' }), 400, ['roles']);
      await rejects(update({ license: { type: '', state: 'tx' } }), 400, ['license.type', 'license.state']);
      await rejects(update({ email: 'new@b.test', name: 'New Name' }), 400, ['email', 'name']);
      await rejects(update({ status: 'deactivated' }), 400, ['status']);
      await rejects(update({ jobTitle: LONG_TEXT }), 400, ['jobTitle']);
      const member = await as(org.admin, 'get', `/api/v1/members/${memberId}`).expect(200);
      expect(member.body).toMatchObject({
        roles: ['learner'],
        status: 'active',
        license: null,
        jobTitle: null,
      });
    });

    it('create and update: locale is en or es, a license expiry a real date, limits as for the roster import', async () => {
      await rejects(create({ ...person(), locale: 'fr' }), 400, ['locale']);
      await rejects(create({ ...person(), locale: 5 }), 400, ['locale']);
      await rejects(create({ ...person(), name: 'n'.repeat(201), employeeId: 'e'.repeat(101) }), 400, [
        'name',
        'employeeId',
      ]);
      await rejects(
        create({
          ...person(),
          license: { type: 't'.repeat(101), state: 'TX', number: 'n'.repeat(101), expiresOn: '2027-02-29' },
        }),
        400,
        ['license.type', 'license.number', 'license.expiresOn'],
      );
      const update = (body: object) => () => as(org.admin, 'patch', `/api/v1/members/${memberId}`).send(body);
      await rejects(update({ locale: 'EN' }), 400, ['locale']);
      const member = await as(org.admin, 'get', `/api/v1/members/${memberId}`).expect(200);
      expect(member.body.locale).toBeNull();
    });

    it('reactivate: a path id that is not a member’s is a 404 problem, never a 500', async () => {
      await rejects(() => as(org.admin, 'post', '/api/v1/members/not-a-uuid/reactivate'), 404);
      await rejects(() => as(org.admin, 'post', `/api/v1/members/${randomUUID()}/reactivate`), 404);
    });

    it('list: every filter and paging parameter is checked', async () => {
      const list = (query: string) => () => as(org.admin, 'get', `/api/v1/members?${query}`);
      await rejects(list('role=boss'), 400, ['role']);
      await rejects(list('status=gone'), 400, ['status']);
      await rejects(list('siteId=main'), 400, ['siteId']);
      await rejects(list('departmentId=ed'), 400, ['departmentId']);
      await rejects(list(`q=${'q'.repeat(201)}`), 400, ['q']);
      await rejects(list('limit=201'), 400, ['limit']);
      await rejects(list('cursor=%%%'), 400);
      const forged = Buffer.from(JSON.stringify(['2025-02-30 25:61:00+00', memberId])).toString('base64url');
      await rejects(list(`cursor=${forged}`), 400, ['cursor']);
      await rejects(list('email=a@b.test'), 400, ['email']);
    });
  });

  describe('audit events', () => {
    it('list: entityType must be a snake_case entity name; paging is checked', async () => {
      await rejects(() => as(org.admin, 'get', '/api/v1/audit-events?entityType=Site!'), 400, ['entityType']);
      await rejects(() => as(org.admin, 'get', '/api/v1/audit-events?limit=500'), 400, ['limit']);
      await rejects(() => as(org.admin, 'get', '/api/v1/audit-events?cursor=zzz'), 400, ['cursor']);
    });
  });
});
