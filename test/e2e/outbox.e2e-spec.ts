import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { GroupCommit, TenantTransaction } from '@beacon/core/database';
import { MailRenderer, MailTransport } from '@beacon/core/mail';
import { JobName, jobOptions, QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import {
  DeliverNotificationJob,
  LeaseHeldError,
  NotificationRelay,
  NotificationInsert,
  NotificationRepository,
  OutboxService,
  SendTimeChecks,
} from '@beacon/notifications';
import { createWorker } from '../../apps/worker/src/create-worker';
import { bearer, Session, TestApp } from '../support/test-app';
import { sleep, until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/** The outbox of DESIGN.md "Jobs" against real PostgreSQL, Redis (BullMQ) and SMTP. */

/** The lease of this suite's workers (OUTBOX_LEASE): short, so a dead sender's lease runs out within the test. */
const LEASE_SECONDS = 5;

interface OutboxRow {
  id: string;
  organization_id: string | null;
  kind: string;
  recipient_email: string;
  status: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  message_id: string;
  smtp_response: string | null;
  last_error: string | null;
  lease_until: Date | null;
  lease_held: boolean | null;
  sent_at: Date | null;
}

// Several tests wait on real retries and leases; the e2e project's testTimeout is not applied per project.
jest.setTimeout(60_000);

describe('the mail outbox (DESIGN.md "Jobs")', () => {
  let world: TestApp;
  let queue: Queue;
  let organizationId: string;
  let admin: Session;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // No in-process worker at first: the first test shows what happens when nobody relays a committed row.
    world = await TestApp.start({ worker: false, env: { OUTBOX_LEASE: `${LEASE_SECONDS}s` } });
    queue = new Queue(QueueName.notifications, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
  });

  afterAll(async () => {
    killAll(children);
    await queue?.close();
    await world?.stop();
  });

  const rowsTo = (email: string) =>
    world.ownerQuery<OutboxRow>(
      `SELECT *, lease_until > now() AS lease_held FROM notifications
        WHERE recipient_email = $1 ORDER BY created_at`,
      [email],
    );

  async function rowTo(email: string): Promise<OutboxRow> {
    const rows = await rowsTo(email);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** The organization the first test creates; a test run on its own (jest -t) creates one with a worker. */
  async function ensureOrganization(): Promise<void> {
    if (organizationId) return;
    world.worker ??= await createWorker();
    const organization = await world.createOrganization('Outbox General');
    organizationId = organization.id;
    admin = organization.admin;
  }

  const addMember = (email: string, extra: Record<string, unknown> = {}) =>
    world
      .http()
      .post('/api/v1/members')
      .set(...bearer(admin))
      .send({ email, name: 'Outbox Person', roles: ['learner'], ...extra });

  /** Adds a delivery job of our own for a notification, as a second relay would, and waits until it ended. */
  async function deliverAgain(notificationId: string, timeoutMs = 10_000): Promise<void> {
    const jobId = `again-${notificationId}-${randomBytes(3).toString('hex')}`;
    await queue.add(
      JobName.deliverNotification,
      { organizationId, notificationId },
      { ...jobOptions(JobName.deliverNotification, jobId), removeOnComplete: false },
    );
    await until(
      `job ${jobId} completed`,
      async () => (await queue.getJobState(jobId)) === 'completed',
      timeoutMs,
    );
  }

  it('delivers a committed row whose relay never happened through the periodic poll, exactly once', async () => {
    const platform = await world.platformAdmin();
    const adminEmail = world.email('first-admin');
    const res = await world
      .http()
      .post('/api/v1/platform/organizations')
      .set(...bearer(platform))
      .send({
        name: 'Outbox General',
        slug: `outbox-${randomBytes(3).toString('hex')}`,
        timezone: 'America/Chicago',
        admin: { email: adminEmail, name: 'Outbox Admin' },
      })
      .expect(201);
    organizationId = res.body.id as string;

    const pending = await rowTo(adminEmail);
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, sent_at: null, kind: 'invitation' });
    expect(pending.organization_id).toBe(organizationId);
    // The relay after commit enqueued one job whose id is the notification id; losing it (Redis down at that moment)
    // must lose no mail.
    const relayed = await queue.getJob(pending.id);
    expect(relayed?.data).toEqual({ organizationId, notificationId: pending.id });
    await relayed?.remove();
    expect(await queue.getJob(pending.id)).toBeUndefined();

    expect(world.mail.to(adminEmail)).toHaveLength(0);
    world.worker = await createWorker();

    const mail = await world.mail.waitFor(adminEmail, 1, 15_000);
    const sent = await until('the row is sent', async () => {
      const row = await rowTo(adminEmail);
      return row.status === 'sent' && row;
    });
    expect(mail.messageId).toBe(sent.message_id);
    expect(sent.attempts).toBe(1);
    await world.settled();
    expect(world.mail.to(adminEmail)).toHaveLength(1);

    admin = await world.acceptInvitation(adminEmail);
    expect(admin.organizationId).toBe(organizationId);
  });

  it('sends exactly one mail for a committed write and records it on the row, the secret link erased', async () => {
    await ensureOrganization();
    const email = world.email('committed');
    const res = await addMember(email).expect(201);
    expect(res.body.status).toBe('invited');

    const mail = await world.mail.waitFor(email);
    const row = await until('the row is sent', async () => {
      const current = await rowTo(email);
      return current.status === 'sent' && current;
    });
    expect(row.organization_id).toBe(organizationId);
    expect(row.attempts).toBe(1);
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.smtp_response).toMatch(/^250\b/);
    expect(row.last_error).toBeNull();
    expect(row.lease_until).toBeNull();
    expect(row.message_id).toBe(`<${row.id}@beacon.notification>`);
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.text).toContain('http://beacon.test/invite?token=');

    // Once sent, the payload no longer holds the invitation link (a live token); the rest stays for the record.
    expect(row.payload).not.toHaveProperty('inviteUrl');
    expect(row.payload).toMatchObject({ recipientName: 'Outbox Person', organizationName: 'Outbox General' });

    const invitations = await world.ownerQuery<{ id: string }>(
      `SELECT i.id FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1`,
      [email],
    );
    expect(invitations).toHaveLength(1);
    const list = await world
      .http()
      .get('/api/v1/notifications')
      .query({ kind: 'invitation', recipient: email })
      .set(...bearer(admin))
      .expect(200);
    expect(list.body.items).toEqual([
      {
        id: row.id,
        kind: 'invitation',
        recipientEmail: email,
        status: 'sent',
        createdAt: expect.any(String),
        sendAfter: null,
        sentAt: (row.sent_at as Date).toISOString(),
        attempts: 1,
        lastError: null,
        dedupeKey: `invitation:${invitations[0].id}`,
      },
    ]);

    // Adding the same person again is refused (409) and mails nothing more.
    await addMember(email).expect(409);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
    expect(await rowsTo(email)).toHaveLength(1);
  });

  it('writes no notification and sends no mail when the transaction rolls back after the outbox write', async () => {
    await ensureOrganization();
    // The audit event is written after the invitation and its outbox row, in the same transaction: refusing it
    // makes the request fail (500) with everything already written, so only a rollback can explain no mail.
    await world.ownerQuery(`
      CREATE FUNCTION e2e_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.changes::text LIKE '%rolled-back-%' THEN RAISE EXCEPTION 'e2e: audit write refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER e2e_refuse_audit BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION e2e_refuse_audit();
    `);
    const email = world.email('rolled-back');
    try {
      const res = await addMember(email);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    } finally {
      await world.ownerQuery(
        'DROP TRIGGER e2e_refuse_audit ON audit_events; DROP FUNCTION e2e_refuse_audit();',
      );
    }
    expect(await rowsTo(email)).toHaveLength(0);
    expect(await world.ownerQuery('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(0);

    // The same request, committed this time, is mailed: the rollback was what kept the mail back.
    await addMember(email).expect(201);
    const mail = await world.mail.waitFor(email);
    expect(mail.messageId).toBe((await rowTo(email)).message_id);
  });

  it('writes no notification and sends no mail for a request refused by validation (400)', async () => {
    await ensureOrganization();
    const email = world.email('invalid');
    const res = await addMember(email, { siteId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'siteId', message: expect.any(String) }]);
    await world.settled();
    expect(await rowsTo(email)).toHaveLength(0);
    expect(world.mail.to(email)).toHaveLength(0);
  });

  it('keeps one row per (organization, dedupe key), in an organization and for the platform', async () => {
    await ensureOrganization();
    const tx = world.app.get(TenantTransaction);
    const outbox = world.app.get(OutboxService);
    const notification = (email: string, dedupeKey: string): NotificationInsert => ({
      kind: 'invitation',
      recipientEmail: email,
      dedupeKey,
      payload: {
        recipientName: 'Dedupe Person',
        organizationName: null,
        inviteUrl: 'http://beacon.test/invite?token=dedupe',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        existingAccount: false,
      },
    });

    const orgEmail = world.email('dedupe-org');
    const orgKey = `e2e-dedupe:${randomBytes(4).toString('hex')}`;
    const first = await tx.withOrganization(organizationId, () =>
      outbox.enqueue(notification(orgEmail, orgKey)),
    );
    const second = await tx.withOrganization(organizationId, () =>
      outbox.enqueue(notification(orgEmail, orgKey)),
    );
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);

    const platformEmail = world.email('dedupe-platform');
    const platformKey = `e2e-dedupe:${randomBytes(4).toString('hex')}`;
    const platformFirst = await tx.platform(() => outbox.enqueue(notification(platformEmail, platformKey)));
    const platformSecond = await tx.platform(() => outbox.enqueue(notification(platformEmail, platformKey)));
    expect(platformFirst).toHaveLength(1);
    expect(platformSecond).toEqual([]);

    // The database itself holds the line, whoever writes.
    const again = await world.ownerQuery(
      `INSERT INTO notifications (organization_id, kind, recipient_email, dedupe_key, message_id)
       VALUES ($1, 'invitation', $2, $3, '<e2e-' || gen_random_uuid() || '@beacon.notification>')
       ON CONFLICT (organization_id, dedupe_key) DO NOTHING RETURNING id`,
      [organizationId, orgEmail, orgKey],
    );
    expect(again).toHaveLength(0);

    expect((await rowTo(orgEmail)).id).toBe(first[0]);
    const platformRow = await rowTo(platformEmail);
    expect(platformRow).toMatchObject({ id: platformFirst[0], organization_id: null });
    await world.mail.waitFor(orgEmail);
    await world.mail.waitFor(platformEmail);
    await world.settled();
    expect(world.mail.to(orgEmail)).toHaveLength(1);
    expect(world.mail.to(platformEmail)).toHaveLength(1);
  });

  it('never mails a sent row again when the same notification is relayed twice', async () => {
    await ensureOrganization();
    const email = world.email('relayed-twice');
    await addMember(email).expect(201);
    await world.mail.waitFor(email);
    const sent = await until('the row is sent', async () => {
      const row = await rowTo(email);
      return row.status === 'sent' && row;
    });

    // A second job under another id (another relay, a duplicate poll)…
    await deliverAgain(sent.id);
    // …and the app's own relay under the notification id again (its first job was removed on completion).
    await world.app.get(NotificationRelay).relay(organizationId, [sent.id]);
    await until('the relayed job ran', async () => (await queue.getJob(sent.id)) === undefined);

    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
    const after = await rowTo(email);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, message_id: sent.message_id });
    expect(after.sent_at).toEqual(sent.sent_at);
  });

  it('gives a row back to pending on a temporary SMTP failure and delivers it once by the retry', async () => {
    await ensureOrganization();
    const email = world.email('smtp-451');
    world.mail.rejecting = true;
    try {
      await addMember(email).expect(201);
      const failed = await until('the failed send released the row', async () => {
        const row = await rowTo(email);
        return row.status === 'pending' && row.attempts >= 1 && row.last_error !== null && row;
      });
      expect(failed.last_error).toMatch(/451|try again later/);
      expect(failed.sent_at).toBeNull();
      expect(failed.lease_until).toBeNull();
      expect(world.mail.to(email)).toHaveLength(0);
    } finally {
      world.mail.rejecting = false;
    }

    const mail = await world.mail.waitFor(email, 1, 15_000);
    const sent = await until('the row is sent', async () => {
      const row = await rowTo(email);
      return row.status === 'sent' && row;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.last_error).toBeNull();
    expect(mail.messageId).toBe(sent.message_id);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
  });

  it('loses nothing when a worker process is killed mid-send, and never re-sends the row once sent', async () => {
    await ensureOrganization();
    // Only the child process may deliver from here on.
    await world.worker?.close();
    world.worker = null;
    const child = await startWorkerProcess(children);

    const email = world.email('killed-mid-send');
    world.mail.delayMs = 3_000;
    let killedAt: number;
    let heldByTheDead: string[];
    try {
      await addMember(email).expect(201);
      await until(
        'the worker process claimed the row',
        async () => (await rowTo(email)).status === 'sending',
      );
      // The SMTP exchange takes milliseconds on localhost; the sink then holds the message for delayMs. A sleep:
      // the kill must land inside that hold, which no state of ours marks.
      await sleep(500);
      await killWorkerProcess(child);
      killedAt = Date.now();
      // Besides the delivery, the dead worker may have held a poll or relay job; all stay active until stalled.
      heldByTheDead = await world.activeJobIds();
    } finally {
      world.mail.delayMs = 0;
    }

    const orphaned = await rowTo(email);
    expect(orphaned).toMatchObject({ status: 'sending', lease_held: true, attempts: 1, sent_at: null });

    // Another sender, while the dead one's lease holds, takes nothing and sends nothing (its job retries later).
    const secondSender = new DeliverNotificationJob(
      world.app.get(NotificationRepository),
      world.app.get(TenantTransaction),
      world.app.get(GroupCommit),
      world.app.get(MailRenderer),
      world.app.get(MailTransport),
      world.app.get<AppConfig>(APP_CONFIG),
      world.app.get(SendTimeChecks),
      world.app.get(Clock),
    );
    await expect(
      secondSender.run({ organizationId, notificationId: orphaned.id }, false),
    ).rejects.toBeInstanceOf(LeaseHeldError);
    expect(await rowTo(email)).toMatchObject({ status: 'sending', attempts: 1 });

    // A new worker: a delivery job for the row (retried with backoff while the lease holds) sends it once the
    // lease has run out. (The dead worker's own job stays active until BullMQ finds it stalled, 30-60 s later.)
    world.worker = await createWorker();
    await deliverAgain(orphaned.id, 30_000);
    const sent = await rowTo(email);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 2,
      lease_until: null,
      message_id: orphaned.message_id,
    });

    // Whatever the dead sender handed over has landed by now: at most that one repeat, with the same Message-ID.
    // A sleep: the sink releases that message when its hold (delayMs after the kill) is over.
    await sleep(Math.max(0, killedAt + 3_500 - Date.now()));
    const copies = world.mail.to(email);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(copies.length).toBeLessThanOrEqual(2);
    for (const copy of copies) expect(copy.messageId).toBe(sent.message_id);

    // Relaying it once more sends nothing.
    await deliverAgain(sent.id);
    // The dead worker's own jobs stay active until BullMQ finds them stalled; the row it held is sent already.
    await world.settled({ ignoreJobIds: heldByTheDead });
    expect(world.mail.to(email)).toHaveLength(copies.length);
    expect(await rowTo(email)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
