import { DeliverNotificationJob } from '@beacon/notifications';
import { insertNotification } from '../support/outbox-rows';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

/** POST /api/v1/notifications/:id/retry (API.md "Notifications and audit"). */

interface Row {
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  message_id: string;
}

describe('retrying a failed notification', () => {
  let world: TestApp;
  let alpha: TestOrganization;
  let bravo: TestOrganization;
  let educator: Session;

  beforeAll(async () => {
    world = await TestApp.start();
    alpha = await world.createOrganization('Retry Alpha');
    bravo = await world.createOrganization('Retry Bravo');
    educator = (await world.addMember(alpha, ['educator'])).session;
  });

  afterAll(async () => {
    world.mail.rejecting = false;
    await world?.stop();
  });

  const rowOf = async (id: string) =>
    (
      await world.ownerQuery<Row>(
        'SELECT status, attempts, last_error, sent_at, message_id FROM notifications WHERE id = $1',
        [id],
      )
    )[0];

  const retry = (session: Session, id: string) =>
    world
      .http()
      .post(`/api/v1/notifications/${id}/retry`)
      .set(...bearer(session));

  /** A row the sender gave up on: its last attempt met an SMTP server that refused it (the real sender marks it). */
  async function failedMail(organization: TestOrganization, email: string): Promise<string> {
    const id = await insertNotification(world, organization.id, email);
    const sender = (world.worker as NonNullable<typeof world.worker>).get(DeliverNotificationJob);
    world.mail.rejecting = true;
    try {
      await expect(sender.run({ organizationId: organization.id, notificationId: id }, true)).rejects.toThrow(
        /451|try again later/,
      );
    } finally {
      world.mail.rejecting = false;
    }
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 1 });
    return id;
  }

  it('puts a failed notification back to pending with its attempts and last error, and sends it once', async () => {
    const email = world.email('retry-once');
    const id = await failedMail(alpha, email);

    const res = await retry(alpha.admin, id).expect(200);
    expect(res.body).toEqual({
      id,
      kind: 'assignment_created',
      recipientEmail: email,
      status: 'pending',
      createdAt: expect.any(String),
      sendAfter: null,
      sentAt: null,
      attempts: 1,
      lastError: expect.stringMatching(/451|try again later/),
      dedupeKey: `e2e:${id}`,
    });

    const mail = await world.mail.waitFor(email);
    const sent = await until('the row is sent', async () => {
      const row = await rowOf(id);
      return row.status === 'sent' && row;
    });
    expect(sent).toMatchObject({ attempts: 2, last_error: null });
    expect(mail.messageId).toBe(sent.message_id);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);

    const audit = await world
      .http()
      .get(`/api/v1/audit-events?entityType=notification&entityId=${id}`)
      .set(...bearer(alpha.admin))
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'notification.retried',
        actorType: 'member',
        changes: { status: { from: 'failed', to: 'pending' } },
      }),
    ]);

    // Sent now: a second retry is a conflict and mails nothing.
    const again = await retry(alpha.admin, id).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.detail).toMatch(/only a failed notification/i);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
  });

  it('takes 20 retries of one failed row at once as one: a single 200, the rest 409, one mail', async () => {
    const email = world.email('retry-burst');
    const id = await failedMail(alpha, email);
    const answers = await Promise.all(Array.from({ length: 20 }, () => retry(alpha.admin, id)));
    expect(answers.map((res) => res.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    await world.mail.waitFor(email);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it("answers 404 for another organization's notification and leaves it failed; its own organization may retry it", async () => {
    const email = world.email('retry-isolated');
    const id = await failedMail(alpha, email);

    const foreign = await retry(bravo.admin, id).expect(404);
    expect(foreign.body.status).toBe(404);
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 1 });

    await retry(alpha.admin, id).expect(200);
    await world.mail.waitFor(email);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
  });

  it('answers 409 for a pending row and for a failed mail whose one-time link is gone, 404 for unknown ids', async () => {
    const pendingId = await insertNotification(world, alpha.id, world.email('retry-pending'));
    await retry(alpha.admin, pendingId).expect(409);

    // A failed invitation's link was erased with the failure: sending it again would mail a dead link.
    const invitationId = await insertNotification(world, alpha.id, world.email('retry-invitation'), {
      kind: 'invitation',
      status: 'failed',
      attempts: 8,
      last_error: '451 try again later',
      payload: JSON.stringify({
        recipientName: 'Invited',
        organizationName: 'Retry Alpha',
        existingAccount: false,
      }),
    });
    const link = await retry(alpha.admin, invitationId).expect(409);
    expect(link.body.detail).toMatch(/one-time link/);
    expect(await rowOf(invitationId)).toMatchObject({ status: 'failed', attempts: 8 });

    await retry(alpha.admin, '00000000-0000-4000-8000-000000000000').expect(404);
    await retry(alpha.admin, 'not-a-uuid').expect(404);
    await world.settled();
  });

  it('is for org_admin only', async () => {
    const id = await failedMail(alpha, world.email('retry-educator'));
    await retry(educator, id).expect(403);
    await world.http().post(`/api/v1/notifications/${id}/retry`).expect(401);
    expect(await rowOf(id)).toMatchObject({ status: 'failed' });
  });
});
