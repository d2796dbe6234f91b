import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ARGON2_OPTIONS } from '@beacon/identity';
import { createApp } from '../../apps/api/src/create-app';
import {
  dropDatabase,
  ensureAppRole,
  ensureDatabase,
  runMigrations,
  seedPlatformAdmin,
} from '../db/database-admin';

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
      await dropDatabase(ownerUrl);
    },
  };
}
