import { Queue } from 'bullmq';
import { redisOptionsFromUrl } from '@beacon/core/queue';
import { bearer, TestApp } from '../support/test-app';

describe('the queue overview for platform admins', () => {
  let world: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    world = await TestApp.start();
    queue = new Queue('notifications', {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
  });

  afterAll(async () => {
    await queue.close();
    await world.stop();
  });

  it('shows a job that failed for good with its reason, so no failure goes unnoticed', async () => {
    const job = await queue.add('no-such-job', { organizationId: null }, { attempts: 1 });
    const deadline = Date.now() + 10_000;
    while (!(await job.isFailed()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));

    const platform = await world.platformAdmin();
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
    ]);
    const notifications = res.body.items.find((q: { name: string }) => q.name === 'notifications');
    expect(notifications.counts.failed).toBeGreaterThanOrEqual(1);
    expect(notifications.failed).toContainEqual(
      expect.objectContaining({
        id: job.id,
        name: 'no-such-job',
        attemptsMade: 1,
        failedReason: expect.stringContaining('No handler for job "no-such-job"'),
        data: { organizationId: null },
      }),
    );
  });
});
