import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { ARGON2_OPTIONS } from '@beacon/identity';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import {
  dropDatabase,
  ensureAppRole,
  ensureDatabase,
  runMigrations,
  seedPlatformAdmin,
} from '../db/database-admin';
import { deleteKeysWithPrefix } from '../db/redis-admin';

export const BENCH_PASSWORD = 'bench password 123';
export const BENCH_EMAIL = 'bench@beacon.test';

/** A throwaway database and a real api listening on a free port, for benchmark scripts. */
export async function startBenchApi(): Promise<{
  url: string;
  app: INestApplication;
  stop: () => Promise<void>;
}> {
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/beacon_bench_${randomBytes(4).toString('hex')}`;
  const ownerUrl = base.toString();
  const appUrl = new URL(ownerUrl);
  appUrl.username = 'beacon_app';
  await ensureDatabase(ownerUrl);
  await ensureAppRole(ownerUrl, appUrl.toString());
  await runMigrations(ownerUrl);
  await seedPlatformAdmin(ownerUrl, BENCH_EMAIL, await argon2.hash(BENCH_PASSWORD, ARGON2_OPTIONS));
  Object.assign(process.env, {
    DATABASE_URL: ownerUrl,
    DATABASE_APP_URL: appUrl.toString(),
    QUEUE_PREFIX: `beacon-bench-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOGIN_MAX_FAILURES: '10000',
  });
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    stop: async () => {
      await app.close();
      await deleteKeysWithPrefix(
        process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        process.env.QUEUE_PREFIX as string,
      );
      // BENCH_KEEP_DATABASE=1 leaves it behind for EXPLAIN and friends; its name is printed.
      if (process.env.BENCH_KEEP_DATABASE === '1') console.error(`kept database ${base.pathname.slice(1)}`);
      else await dropDatabase(ownerUrl);
    },
  };
}

/**
 * The real worker, in-process, for the database and queues of `startBenchApi` (call that first). Mail delivery is
 * paused: a benchmark of writes should not also measure sending 200,000 mails.
 */
export async function startBenchWorker(): Promise<{ stop: () => Promise<void> }> {
  // The outbox's relays have a queue of their own: paused too, so no delivery job is queued during the run either.
  const paused = await pausedBenchQueues([QueueName.notifications, QueueName.outbox]);
  const worker = await createWorker();
  return {
    stop: async () => {
      await worker.close();
      await Promise.all(paused.map((queue) => queue.close()));
    },
  };
}

/** A queue of the bench's Redis and prefix (`startBenchApi` sets them); the caller closes it. */
export function benchQueue(name: string): Queue {
  return new Queue(name, {
    connection: redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    prefix: process.env.QUEUE_PREFIX,
  });
}

/** These queues of the bench, paused: no worker takes their jobs until they are resumed. The caller closes them. */
export async function pausedBenchQueues(names: readonly string[]): Promise<Queue[]> {
  const queues = names.map(benchQueue);
  await Promise.all(queues.map((queue) => queue.pause()));
  return queues;
}
