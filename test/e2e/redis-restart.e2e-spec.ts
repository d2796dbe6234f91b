import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { jobSchedules, QueueName, SchedulerId } from '@beacon/core/queue';
import { deleteKeysWithPrefix } from '../../tools/db/redis-admin';
import { insertNotification } from '../support/outbox-rows';
import { TestApp } from '../support/test-app';
import { until } from '../support/waiting';

/**
 * Redis here keeps nothing on disk: a restart loses every key, the job schedulers too. The worker upserts them
 * again whenever its queue connections are ready after a disconnect, so recurring work resumes by itself.
 */

jest.setTimeout(60_000);

describe('a Redis restart', () => {
  let world: TestApp;
  let admin: Redis;

  beforeAll(async () => {
    world = await TestApp.start();
    admin = new Redis(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    admin?.disconnect();
    await world?.stop();
  });

  const workerQueue = (name: QueueName) =>
    (world.worker as NonNullable<typeof world.worker>).get<Queue>(getQueueToken(name), { strict: false });

  const schedulerIds = async () =>
    (
      await Promise.all(
        Object.values(QueueName).map(async (name) =>
          (await workerQueue(name).getJobSchedulers()).map((scheduler) => `${name}/${scheduler.key}`),
        ),
      )
    )
      .flat()
      .sort();

  it("upserts the job schedulers again once the worker's connections are back, and the outbox poll runs again", async () => {
    // Every recurring job the worker schedules, whatever the list holds.
    const expected = jobSchedules(world.app.get<AppConfig>(APP_CONFIG))
      .map((schedule) => `${schedule.queue}/${schedule.id}`)
      .sort();
    expect(expected).toContain(`${QueueName.outbox}/${SchedulerId.relayPendingNotifications}`);
    expect(await schedulerIds()).toEqual(expected);

    // What a restart leaves: none of this suite's keys (only its own prefix: other suites share this Redis)…
    await deleteKeysWithPrefix(process.env.REDIS_URL as string, world.queuePrefix);
    expect(await schedulerIds()).toEqual([]);
    // …and every connection of the worker's queues dropped by the server.
    for (const name of Object.values(QueueName)) {
      const client = (await workerQueue(name).getBackend().client) as unknown as Redis;
      const id = await client.client('ID');
      await admin.client('KILL', 'ID', String(id));
    }

    await until(
      'the schedulers are back',
      async () => (await schedulerIds()).length === expected.length,
      15_000,
    );
    expect(await schedulerIds()).toEqual(expected);

    // Recurring work runs again: a row whose relay was lost is delivered by the next outbox poll, once.
    const organization = await world.createOrganization('After Restart');
    const email = world.email('after-restart');
    await insertNotification(world, organization.id, email, { updated_at: new Date(Date.now() - 60_000) });
    await world.mail.waitFor(email, 1, 15_000);
    await world.settled();
    expect(world.mail.to(email)).toHaveLength(1);
  });
});
