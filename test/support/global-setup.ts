import { Client } from 'pg';
import { dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '../../tools/db/database-admin';
import { databaseUrl, OWNER_BASE_URL, TEMPLATE_DB } from './template-db';

/** Migrates a fresh template database once; every e2e suite clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const templateUrl = databaseUrl(TEMPLATE_DB);
  const client = new Client({ connectionString: OWNER_BASE_URL });
  await client.connect();
  try {
    // Databases left by an interrupted earlier run.
    const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'beacon_e2e_%'`);
    for (const row of stale.rows as Array<{ datname: string }>) await dropDatabase(databaseUrl(row.datname));
  } finally {
    await client.end();
  }
  await ensureDatabase(templateUrl);
  await ensureAppRole(templateUrl, databaseUrl(TEMPLATE_DB, 'beacon_app'));
  await runMigrations(templateUrl);
}
