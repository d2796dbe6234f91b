import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { FanOut, JobName, QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { RelayPendingNotificationsJob } from '@beacon/notifications';
import { TestApp, TestOrganization } from '../support/test-app';
import { insertNotification } from '../support/outbox-rows';
import { until } from '../support/waiting';

/** Recurring work fans out one deduplicated job per organization (DESIGN.md "Jobs"). */

// Retries back off for seconds; the e2e project's testTimeout is not applied per project.
jest.setTimeout(60_000);

describe('recurring jobs fanned out per organization', () => {
  let world: TestApp;
  let outbox: Queue;
  let members: Queue;
  const organizations: TestOrganization[] = [];

  beforeAll(async () => {
    world = await TestApp.start();
    const connection = redisOptionsFromUrl(process.env.REDIS_URL as string);
    outbox = new Queue(QueueName.outbox, { connection, prefix: world.queuePrefix });
    members = new Queue(QueueName.members, { connection, prefix: world.queuePrefix });
    for (const name of ['Fan Alpha', 'Fan Bravo', 'Fan Charlie'])
      organizations.push(await world.createOrganization(name));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await outbox?.close();
    await members?.close();
    await world?.stop();
  });

  /** A committed row whose relay never happened (Redis was down): only the outbox poll can deliver it. */
  const unrelayedMail = (organizationId: string, email: string) =>
    insertNotification(world, organizationId, email, { updated_at: new Date(Date.now() - 60_000) });

  const statusOf = async (id: string) =>
    (await world.ownerQuery<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [id]))[0]
      .status;

  const jobsNamed = async (queue: Queue, name: string) =>
    (await queue.getJobs(['wait', 'prioritized', 'delayed', 'active'])).filter((job) => job?.name === name);

  it("retries and logs one organization's failing job while every other organization's mail goes out", async () => {
    const [alpha, bravo, charlie] = organizations;
    const relay = (world.worker as NonNullable<typeof world.worker>).get(RelayPendingNotificationsJob);
    const poll = relay.poll.bind(relay);
    const failing = jest.spyOn(relay, 'poll').mockImplementation(async (organizationId: string) => {
      if (organizationId === bravo.id) throw new Error('e2e: this organization cannot be polled');
      return poll(organizationId);
    });
    const warnings = jest.spyOn(Logger.prototype, 'warn');

    const emails = {
      alpha: world.email('fan-alpha'),
      bravo: world.email('fan-bravo'),
      charlie: world.email('fan-charlie'),
    };
    const alphaId = await unrelayedMail(alpha.id, emails.alpha);
    const bravoId = await unrelayedMail(bravo.id, emails.bravo);
    const charlieId = await unrelayedMail(charlie.id, emails.charlie);

    await world.mail.waitFor(emails.alpha, 1, 15_000);
    await world.mail.waitFor(emails.charlie, 1, 15_000);
    expect(await statusOf(alphaId)).toBe('sent');
    expect(await statusOf(charlieId)).toBe('sent');

    // Bravo's job failed and waits out its backoff: logged, and the only job Bravo has however often the poll ticks.
    const retrying = await until('the failing organization is retried', async () => {
      const jobs = (await jobsNamed(outbox, JobName.pollOrganizationOutbox)).filter(
        (job) => (job.data as { organizationId: string }).organizationId === bravo.id,
      );
      return jobs.length === 1 && jobs[0].attemptsMade >= 1 && jobs[0];
    });
    expect(retrying.failedReason).toBe('e2e: this organization cannot be polled');
    expect(warnings).toHaveBeenCalledWith(
      expect.objectContaining({
        job: JobName.pollOrganizationOutbox,
        jobId: retrying.id,
        attempt: retrying.attemptsMade,
      }),
      'job attempt failed; it will be retried',
    );
    expect(await statusOf(bravoId)).toBe('pending');
    expect(world.mail.to(emails.bravo)).toHaveLength(0);

    // Once the organization can be polled again, its retry delivers the mail, once.
    failing.mockRestore();
    await world.mail.waitFor(emails.bravo, 1, 30_000);
    await world.settled();
    expect(await statusOf(bravoId)).toBe('sent');
    for (const email of Object.values(emails)) expect(world.mail.to(email)).toHaveLength(1);
  });

  it('adds no second job for an organization whose job is still waiting, however often the scheduler ticks', async () => {
    const worker = world.worker as NonNullable<typeof world.worker>;
    const ids = (await world.ownerQuery<{ id: string }>('SELECT id FROM organizations')).map((row) => row.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    await outbox.pause();
    await members.pause();
    try {
      for (let tick = 0; tick < 3; tick += 1) {
        await worker.get(RelayPendingNotificationsJob).run();
        await worker.get(FanOut).perOrganization(QueueName.members, JobName.resumeOrganizationImports);
      }
      for (const [queue, name] of [
        [outbox, JobName.pollOrganizationOutbox],
        [members, JobName.resumeOrganizationImports],
      ] as const) {
        const jobs = await jobsNamed(queue, name);
        expect(jobs.map((job) => (job.data as { organizationId: string }).organizationId).sort()).toEqual(
          [...ids].sort(),
        );
      }
    } finally {
      await outbox.resume();
      await members.resume();
    }
    await until(
      'the fanned-out jobs ran',
      async () =>
        (await jobsNamed(outbox, JobName.pollOrganizationOutbox)).length === 0 &&
        (await jobsNamed(members, JobName.resumeOrganizationImports)).length === 0,
    );
    // Once an organization's job has finished, the next tick queues one again.
    await outbox.pause();
    try {
      await worker.get(RelayPendingNotificationsJob).run();
      expect(await jobsNamed(outbox, JobName.pollOrganizationOutbox)).toHaveLength(ids.length);
    } finally {
      await outbox.resume();
    }
  });
});
