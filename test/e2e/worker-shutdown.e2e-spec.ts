import type { ChildProcess } from 'node:child_process';
import { TenantTransaction } from '@beacon/core/database';
import { OutboxService } from '@beacon/notifications';
import { assignmentPayload } from '../support/outbox-rows';
import { TestApp, TestOrganization } from '../support/test-app';
import { sleep, until } from '../support/waiting';
import { killAll, startWorkerProcess } from '../support/worker-child';

/** Graceful shutdown: on SIGTERM the worker finishes the job in hand, then exits 0 (DESIGN.md "Jobs"). */

jest.setTimeout(60_000);

describe('stopping the worker with SIGTERM', () => {
  let world: TestApp;
  let organization: TestOrganization;
  let child: ChildProcess;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // Only the child process works the queues.
    world = await TestApp.start({ worker: false });
    child = await startWorkerProcess(children);
    organization = await world.createOrganization('Shutdown General');
  });

  afterAll(async () => {
    world.mail.delayMs = 0;
    killAll(children);
    await world?.stop();
  });

  const rowTo = async (email: string) =>
    (
      await world.ownerQuery<{ status: string; attempts: number; message_id: string }>(
        'SELECT status, attempts, message_id FROM notifications WHERE recipient_email = $1',
        [email],
      )
    )[0];

  const mailTo = (email: string) =>
    world.app.get(TenantTransaction).withOrganization(organization.id, () =>
      world.app.get(OutboxService).enqueue({
        kind: 'assignment_created',
        recipientEmail: email,
        dedupeKey: `e2e-shutdown:${email}`,
        payload: assignmentPayload(),
      }),
    );

  it('finishes the mail being sent, marks it sent, and only then exits, with 0', async () => {
    const email = world.email('in-hand');
    // The SMTP server holds the message for 3 s: SIGTERM lands while the send is in progress.
    world.mail.delayMs = 3_000;
    await mailTo(email);
    await until('the worker claimed the row', async () => (await rowTo(email)).status === 'sending');
    // A sleep: the signal must land inside the sink's hold, which no state of ours marks.
    await sleep(300);

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
      (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    child.kill('SIGTERM');

    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    const [mail] = world.mail.to(email);
    expect(mail.receivedAt).toBeLessThanOrEqual(exit.at);
    const row = await rowTo(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mail.messageId).toBe(row.message_id);
    expect(world.mail.to(email)).toHaveLength(1);
  });
});
