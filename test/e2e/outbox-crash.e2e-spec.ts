import type { ChildProcess } from 'node:child_process';
import { TenantTransaction } from '@beacon/core/database';
import { NotificationInsert, OutboxService } from '@beacon/notifications';
import { assignmentPayload } from '../support/outbox-rows';
import { TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * The outbox under a crash (DESIGN.md "Jobs"): the worker is killed with SIGKILL in the middle of a large delivery
 * and started again. Every mail arrives; only a message in flight at the kill may arrive twice, and then with the
 * same Message-ID, so mail systems can drop the copy.
 */

const MAILS = 2_000;
const KILL_AFTER = 500;

// Delivery to the in-process SMTP sink runs at ~40-130 mails/s on this machine (shared with other suites), and a
// job the killed worker held comes back once BullMQ finds it stalled (≤ ~15 s on the delivery queue).
jest.setTimeout(150_000);

interface Row {
  id: string;
  recipient_email: string;
  status: string;
  message_id: string;
}

describe('the outbox when the worker is killed mid-delivery', () => {
  let world: TestApp;
  let organization: TestOrganization;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    world = await TestApp.start({
      worker: false,
      // No send limit here (this is about crashes), and a short lease so rows a dead sender held are free soon.
      env: { MAIL_RATE_PER_SECOND: '100000', OUTBOX_LEASE: '5s' },
    });
    await startWorkerProcess(children);
    organization = await world.createOrganization('Crash General');
  });

  afterAll(async () => {
    killAll(children);
    await world?.stop();
  });

  const rows = () =>
    world.ownerQuery<Row>(
      `SELECT id, recipient_email, status, message_id FROM notifications WHERE dedupe_key LIKE 'e2e-crash:%'`,
    );

  it(`delivers all ${MAILS} mails across a SIGKILL, repeating only a message in flight, with its Message-ID`, async () => {
    const emails = Array.from({ length: MAILS }, (_, i) => `crash-${i}@example.test`);
    const before = world.mail.messages.length;
    world.mail.headersOnly = true;
    await world.app.get(TenantTransaction).withOrganization(organization.id, () =>
      world.app.get(OutboxService).enqueueMany(
        emails.map(
          (email): NotificationInsert => ({
            kind: 'assignment_created',
            recipientEmail: email,
            dedupeKey: `e2e-crash:${email}`,
            payload: assignmentPayload(),
          }),
        ),
      ),
    );

    await until(
      `${KILL_AFTER} mails were delivered`,
      () => world.mail.messages.length - before >= KILL_AFTER,
      30_000,
      5,
    );
    await killWorkerProcess(children[0]);
    // Jobs the dead worker held stay active until a live worker finds them stalled (up to a minute on the queues
    // with default locks); they find their rows sent and end, but the settle below must not wait for them.
    const heldByTheDead = await world.activeJobIds();
    const atKill = await rows();
    const inFlight = new Set(
      atKill.filter((row) => row.status === 'sending').map((row) => row.recipient_email),
    );
    // The kill landed mid-delivery.
    expect(atKill.filter((row) => row.status === 'sent').length).toBeLessThan(MAILS);

    await startWorkerProcess(children);
    await until(
      'every row is sent',
      async () => (await rows()).every((row) => row.status === 'sent'),
      120_000,
      250,
    );
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });

    const final = await rows();
    expect(final).toHaveLength(MAILS);
    const messageIdOf = new Map(final.map((row) => [row.recipient_email, row.message_id]));
    const received = new Map<string, string[]>();
    for (const mail of world.mail.messages.slice(before))
      received.set(mail.to, [...(received.get(mail.to) ?? []), mail.messageId]);

    // Every expected message arrived, under its notification's Message-ID…
    expect([...received.keys()].sort()).toEqual([...emails].sort());
    for (const [email, ids] of received) for (const id of ids) expect(id).toBe(messageIdOf.get(email));
    // …and only one that was in flight at the kill came twice, never more.
    const repeated = [...received].filter(([, ids]) => ids.length > 1).map(([email]) => email);
    for (const email of repeated) {
      expect(inFlight.has(email)).toBe(true);
      expect(received.get(email)).toHaveLength(2);
    }
  });
});
