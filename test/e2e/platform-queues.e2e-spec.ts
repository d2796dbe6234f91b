import { Queue } from 'bullmq';
import { JobName, jobOptions, QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { insertNotification } from '../support/outbox-rows';
import { bearer, Session, TestApp } from '../support/test-app';
import { until } from '../support/waiting';

describe('the queue overview for platform admins', () => {
  let world: TestApp;
  let queue: Queue;
  let platform: Session;

  beforeAll(async () => {
    world = await TestApp.start();
    queue = new Queue('notifications', {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
    platform = await world.platformAdmin();
  });

  afterAll(async () => {
    world.mail.rejecting = false;
    await queue.close();
    await world.stop();
  });

  async function failedJob(): Promise<string> {
    const job = await queue.add('no-such-job', { organizationId: null }, { attempts: 1 });
    await until('the job failed', async () => (await job.getState()) === 'failed');
    return job.id as string;
  }

  const retry = (queueName: string, jobId: string, session = platform) =>
    world
      .http()
      .post(`/api/v1/platform/queues/${queueName}/jobs/${jobId}/retry`)
      .set(...bearer(session));

  it('shows a job that failed for good with its reason, so no failure goes unnoticed', async () => {
    const jobId = await failedJob();

    const res = await world
      .http()
      .get('/api/v1/platform/queues')
      .set(...bearer(platform))
      .expect(200);
    // Every queue the worker works is listed, the ones it has no failure on too.
    expect(res.body.items.map((q: { name: string }) => q.name)).toEqual([
      'notifications',
      'outbox',
      'members',
      'reminders',
      'reports',
    ]);
    const notifications = res.body.items.find((q: { name: string }) => q.name === 'notifications');
    expect(notifications.counts.failed).toBeGreaterThanOrEqual(1);
    expect(notifications.failed).toContainEqual(
      expect.objectContaining({
        id: jobId,
        name: 'no-such-job',
        attemptsMade: 1,
        failedReason: expect.stringContaining('No handler for job "no-such-job"'),
        data: { organizationId: null },
      }),
    );
  });

  it('runs a failed delivery again: its failed notification is reopened and sent once', async () => {
    const organization = await world.createOrganization('Queue Retry');
    const email = world.email('queue-retry');
    const notificationId = await insertNotification(world, organization.id, email);
    world.mail.rejecting = true;
    try {
      // One attempt only: the refused send is its last, so the row is marked failed and the job fails for good.
      await queue.add(
        JobName.deliverNotification,
        { organizationId: organization.id, notificationId },
        { ...jobOptions(JobName.deliverNotification, notificationId), attempts: 1 },
      );
      await until('the delivery failed', async () => (await queue.getJobState(notificationId)) === 'failed');
    } finally {
      world.mail.rejecting = false;
    }
    const statusOf = async () =>
      (
        await world.ownerQuery<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [
          notificationId,
        ])
      )[0].status;
    expect(await statusOf()).toBe('failed');

    const res = await retry(QueueName.notifications, notificationId).expect(200);
    expect(res.body).toEqual({
      queue: QueueName.notifications,
      id: notificationId,
      name: JobName.deliverNotification,
      state: expect.stringMatching(/^(waiting|active|completed)$/),
    });
    await world.mail.waitFor(email);
    await until('the row is sent', async () => (await statusOf()) === 'sent');
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);

    // Not failed any more (completed and removed): unknown now.
    await retry(QueueName.notifications, notificationId).expect(404);
  });

  it('answers 409 for a job that has not failed, 404 for an unknown queue or job, and 403 to others', async () => {
    const delayed = await queue.add('no-such-job', { organizationId: null }, { delay: 600_000 });
    const conflict = await retry(QueueName.notifications, delayed.id as string).expect(409);
    expect(conflict.body.detail).toMatch(/delayed/);
    await delayed.remove();

    const jobId = await failedJob();
    await retry('no-such-queue', jobId).expect(404);
    await retry(QueueName.members, jobId).expect(404);
    await retry(QueueName.notifications, 'no-such-job-id').expect(404);

    const organization = await world.createOrganization('Queue Outsider');
    await retry(QueueName.notifications, jobId, organization.admin).expect(403);
    expect(await queue.getJobState(jobId)).toBe('failed');

    // The platform admin may: the job runs again (and, having no handler, fails again).
    await retry(QueueName.notifications, jobId).expect(200);
    await until('the job ran again', async () => (await queue.getJob(jobId))?.attemptsMade === 2);
  });
});
