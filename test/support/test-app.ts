import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import argon2 from 'argon2';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { ARGON2_OPTIONS } from '@beacon/identity';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { dropDatabase, seedPlatformAdmin } from '../../tools/db/database-admin';
import { deleteKeysWithPrefix } from '../../tools/db/redis-admin';
import { isInvitation, MailSink, tokenFrom } from './mail-sink';
import { cloneTemplate, databaseUrl } from './template-db';
import { until } from './waiting';

export const PASSWORD = 'correct horse battery staple';
export const PLATFORM_ADMIN = 'platform-admin@beacon.test';

export interface Session {
  accessToken: string;
  refreshToken: string;
  organizationId: string | null;
  roles: string[];
  platformRoles: string[];
  user: { id: string; email: string; name: string };
  memberships: Array<{ organizationId: string; organizationName: string; roles: string[] }>;
}

export interface TestOrganization {
  id: string;
  name: string;
  admin: Session;
}

export interface FixtureOptions {
  /**
   * Signs the person in through the real invitation (mail, accept) instead of writing their password directly.
   * For tests about invitations, or that count the mail and audit events an invitation leaves.
   */
  viaInvitation?: boolean;
}

export interface StartOptions {
  /** Extra environment for this suite's app (e.g. LOGIN_MAX_FAILURES). */
  env?: Record<string, string>;
  /** Run the worker in-process (default true). */
  worker?: boolean;
}

/**
 * One e2e suite's world: its own database cloned from the migrated template, its own queue prefix, a real SMTP
 * sink, and the real api (and worker) booted exactly as production boots them.
 */
export class TestApp {
  readonly mail = new MailSink();
  app!: INestApplication;
  worker: INestApplicationContext | null = null;
  readonly database: string;
  readonly queuePrefix: string;
  /** This suite's STORAGE_DIR (generated files such as reports), deleted when it stops. */
  readonly storageDir: string;
  private counter = 0;
  /** PASSWORD hashed once per suite: fixtures write it directly instead of paying argon2 for each person. */
  private passwordHash!: string;
  private readonly queues: Queue[] = [];

  private constructor() {
    const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
    this.database = `beacon_e2e_${suffix}`;
    this.queuePrefix = `beacon-e2e-${suffix}`;
    this.storageDir = join(tmpdir(), `beacon-e2e-files-${suffix}`);
  }

  static async start(options: StartOptions = {}): Promise<TestApp> {
    const world = new TestApp();
    await world.boot(options);
    return world;
  }

  get ownerUrl(): string {
    return databaseUrl(this.database);
  }

  get appUrl(): string {
    return databaseUrl(this.database, 'beacon_app');
  }

  private async boot(options: StartOptions): Promise<void> {
    await cloneTemplate(this.ownerUrl);
    await this.mail.start();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: this.ownerUrl,
      DATABASE_APP_URL: this.appUrl,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: this.queuePrefix,
      STORAGE_DIR: this.storageDir,
      SMTP_URL: this.mail.url,
      PUBLIC_URL: 'http://beacon.test',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      OUTBOX_POLL_EVERY: '1s',
      LOGIN_MAX_FAILURES: '10',
      LOGIN_WINDOW: '15m',
      TRUST_PROXY: 'false',
      // Learner paths elsewhere click through modules; the ce-credit suite tests the minimum time with its default.
      MODULE_MIN_TIME_SHARE: '0',
      ...options.env,
    });
    this.passwordHash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
    await seedPlatformAdmin(this.ownerUrl, PLATFORM_ADMIN, this.passwordHash);
    this.app = await createApp();
    await this.app.init();
    if (options.worker !== false) this.worker = await createWorker();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** A unique email for this suite. */
  email(label: string): string {
    this.counter += 1;
    return `${label}-${this.counter}@example.test`;
  }

  /** Runs SQL as the database owner (for assertions and fixtures the API cannot make). */
  async ownerQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Runs statements as the app role in one transaction with the given settings (for RLS checks). */
  async appTransaction<T>(
    settings: Record<string, string>,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    const client = new Client({ connectionString: this.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const [name, value] of Object.entries(settings)) {
        await client.query('SELECT set_config($1, $2, true)', [name, value]);
      }
      const result = await work(client);
      await client.query('ROLLBACK');
      return result;
    } finally {
      await client.end();
    }
  }

  async login(email: string, password = PASSWORD, organizationId?: string): Promise<Session> {
    const res = await this.http()
      .post('/api/v1/auth/login')
      .send({ email, password, ...(organizationId ? { organizationId } : {}) });
    if (res.status !== 200)
      throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Session;
  }

  platformAdmin(): Promise<Session> {
    return this.login(PLATFORM_ADMIN);
  }

  /** Accepts the newest invitation mailed to the address. */
  async acceptInvitation(email: string, count = 1, password = PASSWORD): Promise<Session> {
    const mail = await this.mail.waitForMatching(email, isInvitation, count);
    const res = await this.http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: tokenFrom(mail), password });
    if (res.status !== 200)
      throw new Error(
        `accepting the invitation of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body as Session;
  }

  /**
   * Creates an organization through the platform API and signs its first org_admin in. The API always invites the
   * admin; unless `viaInvitation`, the fixture accepts on their behalf in SQL (see `joinDirectly`) and the
   * invitation mail, once it has arrived, is left unused.
   */
  async createOrganization(name: string, options: FixtureOptions = {}): Promise<TestOrganization> {
    const platform = await this.platformAdmin();
    const adminEmail = this.email(`admin-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
    const res = await this.http()
      .post('/api/v1/platform/organizations')
      .set('Authorization', `Bearer ${platform.accessToken}`)
      .send({
        name,
        slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
        timezone: 'America/Chicago',
        admin: { email: adminEmail, name: `${name} Admin` },
      });
    if (res.status !== 201)
      throw new Error(`creating ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.id as string;
    if (options.viaInvitation) return { id, name, admin: await this.acceptInvitation(adminEmail) };
    await this.joinDirectly(adminEmail, id);
    // The invitation mail is on its way already; waiting for it keeps mail counts in the tests exact.
    await this.mail.waitForMatching(adminEmail, isInvitation);
    return { id, name, admin: await this.login(adminEmail) };
  }

  /**
   * Adds a member with the given roles and signs them in. Unless `viaInvitation`, the member is created with
   * `invite: false` (active, no mail) and given a password and the joined marker in SQL, as accepting would.
   */
  async addMember(
    organization: TestOrganization,
    roles: string[],
    extra: Record<string, unknown> = {},
    options: FixtureOptions = {},
  ): Promise<{ memberId: string; email: string; session: Session }> {
    const email = this.email(roles.join('-'));
    const res = await this.http()
      .post('/api/v1/members')
      .set('Authorization', `Bearer ${organization.admin.accessToken}`)
      .send({
        email,
        name: `${roles.join(' ')} person`,
        roles,
        ...(options.viaInvitation ? {} : { invite: false }),
        ...extra,
      });
    if (res.status !== 201)
      throw new Error(`adding a member failed: ${res.status} ${JSON.stringify(res.body)}`);
    const memberId = res.body.id as string;
    if (options.viaInvitation) return { memberId, email, session: await this.acceptInvitation(email) };
    await this.joinDirectly(email, organization.id);
    return { memberId, email, session: await this.login(email) };
  }

  /**
   * Adds a member of the provider's staff with the given platform roles and signs them in. The API always
   * invites; unless `viaInvitation`, the fixture accepts in SQL and waits only for the mail to have arrived.
   */
  async addPlatformStaff(
    platformRoles: string[],
    name = 'Fran Facilitator',
    options: FixtureOptions = {},
  ): Promise<Session> {
    const platform = await this.platformAdmin();
    const email = this.email(platformRoles.join('-'));
    const res = await this.http()
      .post('/api/v1/platform/users')
      .set('Authorization', `Bearer ${platform.accessToken}`)
      .send({ email, name, platformRoles });
    if (res.status !== 201)
      throw new Error(`adding platform staff failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (options.viaInvitation) return this.acceptInvitation(email);
    await this.joinDirectly(email, null);
    await this.mail.waitForMatching(email, isInvitation);
    return this.login(email);
  }

  /**
   * What accepting an invitation writes, minus the argon2 hash: the password (hashed once per suite), the
   * person's open invitations marked accepted, and their membership (if any) active and joined.
   */
  private async joinDirectly(email: string, organizationId: string | null): Promise<void> {
    await this.ownerQuery(
      `WITH person AS (UPDATE users SET password_hash = $2, updated_at = now() WHERE email = $1 RETURNING id),
            accepted AS (
              UPDATE invitations i SET accepted_at = now() FROM person
               WHERE i.user_id = person.id AND i.accepted_at IS NULL AND i.revoked_at IS NULL
                 AND i.organization_id IS NOT DISTINCT FROM $3::uuid)
       UPDATE memberships m SET status = 'active', joined_at = coalesce(m.joined_at, now()), updated_at = now()
         FROM person WHERE m.user_id = person.id AND m.organization_id = $3::uuid AND m.status IN ('invited', 'active')`,
      [email, this.passwordHash, organizationId],
    );
  }

  /**
   * Waits until nothing more can be mailed or run on its own: no notification pending or sending, and no job of
   * this suite's queues waiting, active or delayed other than the job schedulers' own next runs (`repeat:…`).
   * Jobs a killed worker left active (they stay so until BullMQ finds them stalled) are named in `ignoreJobIds`.
   */
  async settled(options: { ignoreJobIds?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const ignored = new Set(options.ignoreJobIds ?? []);
    const mailOwed = async () =>
      this.ownerQuery<{ id: string; status: string }>(
        `SELECT id, status FROM notifications WHERE status IN ('pending', 'sending')`,
      );
    const busyJobs = async () => {
      const busy: string[] = [];
      for (const queue of this.suiteQueues()) {
        const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
        for (const job of jobs)
          if (job?.id && !job.id.startsWith('repeat:') && !ignored.has(job.id))
            busy.push(`${queue.name}/${job.name}/${job.id}`);
      }
      return busy;
    };
    // Mail owed is checked on both sides of the queues: a row is claimed by a job and a job ends after its row.
    const quiet = async () =>
      (await mailOwed()).length === 0 && (await busyJobs()).length === 0 && (await mailOwed()).length === 0;
    try {
      await until('the outbox and the queues are quiet', quiet, options.timeoutMs ?? 15_000);
    } catch (error) {
      // Name what kept them busy: a bare timeout in a CI log cannot be told apart from any other.
      const owed = (await mailOwed()).map((row) => `${row.id}:${row.status}`);
      throw new Error(
        `${(error as Error).message}; mail owed [${owed.join(', ')}], jobs [${(await busyJobs()).join(', ')}]`,
      );
    }
  }

  /** Ids of the jobs active right now in this suite's queues: after a SIGKILL, the ones the dead worker held. */
  async activeJobIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const queue of this.suiteQueues())
      for (const job of await queue.getJobs(['active'])) if (job?.id) ids.push(job.id);
    return ids;
  }

  private suiteQueues(): Queue[] {
    if (this.queues.length === 0) {
      const connection = redisOptionsFromUrl(process.env.REDIS_URL as string);
      for (const name of Object.values(QueueName))
        this.queues.push(new Queue(name, { connection, prefix: this.queuePrefix }));
    }
    return this.queues;
  }

  async stop(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
    await this.worker?.close();
    await this.app?.close();
    await this.mail.stop();
    await deleteKeysWithPrefix(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', this.queuePrefix);
    await dropDatabase(this.ownerUrl);
    await rm(this.storageDir, { recursive: true, force: true });
  }
}

export function bearer(session: Session): [string, string] {
  return ['Authorization', `Bearer ${session.accessToken}`];
}
