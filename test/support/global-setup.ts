import { Client } from 'pg';
import { dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '../../tools/db/database-admin';
import { buildWeb } from '../../tools/web/build-web';
import { databaseUrl, OWNER_BASE_URL, TEMPLATE_DB } from './template-db';

/** Migrates a fresh template database once per run; every e2e suite clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const templateUrl = databaseUrl(TEMPLATE_DB);
  const client = new Client({ connectionString: OWNER_BASE_URL });
  await client.connect();
  try {
    // Databases left by an interrupted earlier run: their names carry the pid of a process that is gone.
    const stale = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^beacon_e2e_[0-9]+_'`);
    for (const row of stale.rows as Array<{ datname: string }>) {
      const pid = Number(row.datname.split('_')[2]);
      if (!isAlive(pid)) await dropDatabase(databaseUrl(row.datname));
    }
  } finally {
    await client.end();
  }
  // Built afresh for every run, so the suites always test exactly the migrations in the tree.
  await dropDatabase(templateUrl);
  await ensureDatabase(templateUrl);
  await ensureAppRole(templateUrl, databaseUrl(TEMPLATE_DB, 'beacon_app'));
  await runMigrations(templateUrl);
  // The web-*.e2e-spec suites drive the app the api serves; a build takes a few seconds, so it is always fresh.
  buildWeb();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
