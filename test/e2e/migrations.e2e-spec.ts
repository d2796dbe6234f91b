import { Client } from 'pg';
import { MIGRATIONS } from '../../migrations';
import { dropDatabase, migrationDataSource, runMigrations } from '../../tools/db/database-admin';
import { cloneTemplate, databaseUrl } from '../support/template-db';

/** Every schema change is a migration that can be taken back: down() undoes exactly what up() did. */

// Migrations after the foundation (which creates the cluster-wide app role other suites are using).
const REVERTIBLE = MIGRATIONS.length - 1;

async function schemaOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
              || coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'public'
       UNION ALL
       SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL
       SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace
       UNION ALL
       SELECT 'policy ' || tablename || ' ' || policyname || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
         FROM pg_policies WHERE schemaname = 'public'
       UNION ALL
       SELECT 'rls ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity
         FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
       UNION ALL
       SELECT 'grant ' || table_name || ' ' || privilege_type FROM information_schema.role_table_grants
        WHERE grantee = 'beacon_app'
       UNION ALL
       -- Functions by their whole definition: a migration that replaces one must put it back on the way down.
       SELECT 'function ' || p.proname || ' ' || md5(pg_get_functiondef(p.oid))
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
       ORDER BY 1`,
    );
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const url = databaseUrl(`beacon_e2e_${process.pid}_migrations`);

  afterAll(async () => {
    await dropDatabase(url);
  });

  it('revert to the foundation and apply again, leaving exactly the schema a fresh migration leaves', async () => {
    // A clone of the suites' template: migrated from scratch by this run's global setup.
    await cloneTemplate(url);
    const fresh = await schemaOf(url);
    expect(fresh.some((line) => line.startsWith('column member_imports.'))).toBe(true);

    const dataSource = migrationDataSource(url);
    await dataSource.initialize();
    try {
      for (let i = 0; i < REVERTIBLE; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const foundation = await schemaOf(url);
    expect(foundation.some((line) => line.includes('enrollments') || line.includes('member_imports'))).toBe(
      false,
    );
    expect(foundation).toContain(
      'index CREATE INDEX memberships_user_idx ON public.memberships USING btree (user_id)',
    );

    expect(await runMigrations(url)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(await schemaOf(url)).toEqual(fresh);
  });
});
