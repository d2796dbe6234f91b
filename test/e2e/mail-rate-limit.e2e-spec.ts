import { TenantTransaction } from '@beacon/core/database';
import { NotificationInsert, OutboxService } from '@beacon/notifications';
import { assignmentPayload } from '../support/outbox-rows';
import { TestApp } from '../support/test-app';

/** MAIL_RATE_PER_SECOND: a BullMQ limiter on delivery, so a large organization does not trip its relay's limits. */

const RATE = 5;
const MAILS = 20;

describe('the mail send rate (MAIL_RATE_PER_SECOND)', () => {
  let world: TestApp;

  beforeAll(async () => {
    world = await TestApp.start({ env: { MAIL_RATE_PER_SECOND: String(RATE) } });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it(`sends ${MAILS} mails queued at once no faster than ${RATE} a second`, async () => {
    const organization = await world.createOrganization('Rate Limited');
    const emails = Array.from({ length: MAILS }, () => world.email('rated'));
    await world.app.get(TenantTransaction).withOrganization(organization.id, () =>
      world.app.get(OutboxService).enqueueMany(
        emails.map(
          (email): NotificationInsert => ({
            kind: 'assignment_created',
            recipientEmail: email,
            dedupeKey: `e2e-rate:${email}`,
            payload: assignmentPayload(),
          }),
        ),
      ),
    );

    for (const email of emails) await world.mail.waitFor(email, 1, 15_000);
    await world.settled();
    const received = emails.map((email) => world.mail.to(email)[0].receivedAt).sort((a, b) => a - b);
    expect(emails.every((email) => world.mail.to(email).length === 1)).toBe(true);

    // BullMQ lets RATE jobs start per window of 1 s, a window opening with the first job it lets through. A mail
    // arrives some time after its job starts: tens of ms on a quiet machine, more than a second on a loaded one (a
    // fresh SMTP connection while other suites run: 1,002 ms was seen in CI), so each bound below allows 1.5 s of
    // that delay to the earlier mail of the pair. 20 mails take four windows, so the last starts 3 s or more after
    // the first…
    expect(received[MAILS - 1] - received[0]).toBeGreaterThanOrEqual(1_500);
    // …and any 3 × RATE + 1 mails span four windows, their first and last starting 2 s or more apart. Without
    // the limit, all 20 arrive within a few hundred ms.
    for (let i = 3 * RATE; i < MAILS; i += 1)
      expect(received[i] - received[i - 3 * RATE]).toBeGreaterThanOrEqual(500);
  });
});
