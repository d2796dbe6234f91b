import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { GroupCommit, TenantTransaction } from '@beacon/core/database';
import { MailRenderer, MailTransport } from '@beacon/core/mail';
import { Clock } from '@beacon/core/time';
import { DeliverNotificationJob, NotificationRepository, SendTimeChecks } from '@beacon/notifications';
import { isInvitation, tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

jest.setTimeout(60_000);

type LogLine = Record<string, unknown> & { msg?: string; reqId?: string };

/**
 * What the running app logs (api and worker in this process, both appending to LOG_FILE) when the database fails
 * under a request that carries secrets: the error is logged usefully, and no hash, token or email reaches the log.
 */
describe('logs', () => {
  const logFile = join(tmpdir(), `beacon-e2e-log-${process.pid}-${randomBytes(4).toString('hex')}.log`);
  let world: TestApp;
  let organization: TestOrganization;

  beforeAll(async () => {
    world = await TestApp.start({ env: { LOG_LEVEL: 'info', LOG_FILE: logFile, LOG_FORMAT: 'json' } });
    organization = await world.createOrganization('Logged Hospital');
  });

  afterAll(async () => {
    await world?.stop();
    rmSync(logFile, { force: true });
  });

  const logText = () => readFileSync(logFile, 'utf8');
  const logLines = (): LogLine[] =>
    logText()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);

  /** The request line of a response (written once the response has finished), with the lines logged under it. */
  async function linesOf(res: Response): Promise<{ request: LogLine; all: LogLine[] }> {
    const reqId = res.headers['x-request-id'] as string;
    const request = await until(`the request line of ${reqId} is written`, () =>
      logLines().find((line) => line.reqId === reqId && /^request (completed|failed)$/.test(line.msg ?? '')),
    );
    return { request, all: logLines().filter((line) => line.reqId === reqId) };
  }

  function expectNoSecrets(secrets: string[]): void {
    const text = logText();
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/Failing row|INSERT INTO|UPDATE users|"parameters"|"query"|"driverError"/);
    for (const secret of secrets) expect(text).not.toContain(secret);
  }

  function expectOpaque500(res: Response): void {
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  }

  async function withConstraint<T>(table: string, name: string, check: string, work: () => Promise<T>) {
    await world.ownerQuery(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${check}) NOT VALID`);
    try {
      return await work();
    } finally {
      await world.ownerQuery(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
    }
  }

  async function addMember(email: string) {
    return world
      .http()
      .post('/api/v1/members')
      .set(...bearer(organization.admin))
      .send({ email, name: 'Nora Nightingale', roles: ['learner'] });
  }

  it('logs a failed password change by class, SQLSTATE and constraint, without the hash, password or tokens', async () => {
    const { session, email } = await world.addMember(organization, ['learner']);
    const newPassword = `a brand new secret ${randomBytes(6).toString('hex')}`;

    const res = await withConstraint('users', 'e2e_refuse_password_change', 'password_hash IS NULL', () =>
      world
        .http()
        .post('/api/v1/auth/password')
        .set(...bearer(session))
        .send({ currentPassword: PASSWORD, newPassword }),
    );

    expectOpaque500(res);
    const { request, all } = await linesOf(res);
    expect(request).toMatchObject({ status: 500, route: '/api/v1/auth/password', method: 'POST' });
    const error = all.find((line) => line.msg === 'Unhandled error');
    expect(error?.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      constraint: 'e2e_refuse_password_change',
      table: 'users',
    });
    expect(Object.keys(error?.err as object).sort()).toEqual(
      ['code', 'constraint', 'message', 'stack', 'table', 'type'].sort(),
    );
    expectNoSecrets([email, newPassword, PASSWORD, session.accessToken, session.refreshToken]);
  });

  it('logs a failed invitation without the email, the token or its hash, and writes nothing', async () => {
    const email = world.email('never-invited');
    const res = await withConstraint('invitations', 'e2e_refuse_invitation', 'false', () => addMember(email));

    expectOpaque500(res);
    const { all } = await linesOf(res);
    expect(all.find((line) => line.msg === 'Unhandled error')?.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      constraint: 'e2e_refuse_invitation',
      table: 'invitations',
    });
    expect(await world.ownerQuery('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
    expectNoSecrets([email, organization.admin.accessToken]);
    expect(logText()).not.toMatch(/[0-9a-f]{64}/);
  });

  it('logs a failed invitation acceptance without the invitation token, the new hash or the email', async () => {
    const email = world.email('accepting');
    expect((await addMember(email)).status).toBe(201);
    const token = tokenFrom(await world.mail.waitForMatching(email, isInvitation, 1));

    const res = await withConstraint('invitations', 'e2e_refuse_acceptance', 'accepted_at IS NULL', () =>
      world.http().post('/api/v1/auth/invitations/accept').send({ token, password: PASSWORD }),
    );

    expectOpaque500(res);
    expect((await linesOf(res)).all.some((line) => line.msg === 'Unhandled error')).toBe(true);
    expectNoSecrets([email, token]);
  });

  it('logs one line per request: method, route pattern, status, time, request id and organization', async () => {
    const member = await world.addMember(organization, ['learner']);
    const res = await world
      .http()
      .get(`/api/v1/members/${member.memberId}`)
      .set(...bearer(organization.admin))
      .set('X-Request-Id', `log-line-${randomBytes(4).toString('hex')}`);
    expect(res.status).toBe(200);

    const { request, all } = await linesOf(res);
    expect(all).toHaveLength(1);
    expect(Object.keys(request).sort()).toEqual(
      ['level', 'time', 'msg', 'reqId', 'method', 'route', 'status', 'responseTime', 'organizationId'].sort(),
    );
    expect(request).toMatchObject({
      msg: 'request completed',
      reqId: res.headers['x-request-id'],
      method: 'GET',
      route: '/api/v1/members/:id',
      status: 200,
      organizationId: organization.id,
    });
    expect(typeof request.responseTime).toBe('number');
  });

  it('erases the link of a notification that ends failed, as of one that was sent', async () => {
    // Only this test's sender may deliver: the worker would retry the row on its own schedule.
    await world.worker?.close();
    world.worker = null;
    const email = world.email('undeliverable');
    expect((await addMember(email)).status).toBe(201);
    const [row] = await world.ownerQuery<{ id: string; payload: Record<string, unknown> }>(
      'SELECT id, payload FROM notifications WHERE recipient_email = $1',
      [email],
    );
    expect(row.payload.inviteUrl).toEqual(expect.stringContaining('token='));

    const sender = new DeliverNotificationJob(
      world.app.get(NotificationRepository),
      world.app.get(TenantTransaction),
      world.app.get(GroupCommit),
      world.app.get(MailRenderer),
      world.app.get(MailTransport),
      world.app.get<AppConfig>(APP_CONFIG),
      world.app.get(SendTimeChecks),
      world.app.get(Clock),
    );
    world.mail.rejecting = true;
    try {
      await expect(
        sender.run({ organizationId: organization.id, notificationId: row.id }, true),
      ).rejects.toThrow();
    } finally {
      world.mail.rejecting = false;
    }

    const [failed] = await world.ownerQuery<{ status: string; payload: Record<string, unknown> }>(
      'SELECT status, payload FROM notifications WHERE id = $1',
      [row.id],
    );
    expect(failed.status).toBe('failed');
    expect(failed.payload).not.toHaveProperty('inviteUrl');
    expect(failed.payload.recipientName).toBe('Nora Nightingale');
  });
});
