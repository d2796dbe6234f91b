import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

/** The database a connection URL names, and the same server's maintenance database. */
function split(url: string): { database: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  parsed.pathname = '/postgres';
  return { database, maintenanceUrl: parsed.toString() };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named by the owner URL when it does not exist. */
export async function ensureDatabase(ownerUrl: string, template?: string): Promise<boolean> {
  const { database, maintenanceUrl } = split(ownerUrl);
  return withClient(maintenanceUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(
      `CREATE DATABASE ${quoteIdent(database)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
    );
    return true;
  });
}

export async function dropDatabase(ownerUrl: string): Promise<void> {
  const { database, maintenanceUrl } = split(ownerUrl);
  await withClient(maintenanceUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`),
  );
}

/**
 * The login role of DATABASE_APP_URL: it owns nothing, cannot bypass RLS and gets its rights through the
 * `beacon_app` group that the migrations grant to.
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username || 'beacon_app');
  const password = app.password ? decodeURIComponent(app.password) : null;
  await withClient(ownerUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const options = 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE';
    if (!exists.rowCount) await client.query(`CREATE ROLE ${quoteIdent(role)} ${options}`);
    else await client.query(`ALTER ROLE ${quoteIdent(role)} ${options}`);
    if (password !== null) {
      const literal = (await client.query('SELECT quote_literal($1) AS q', [password])).rows[0].q as string;
      await client.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${literal}`);
    }
  });
}

/** After migrations: a differently named app role joins the beacon_app group the grants name. */
export async function grantAppGroup(ownerUrl: string, appUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(appUrl).username || 'beacon_app');
  if (role === 'beacon_app') return;
  await withClient(ownerUrl, (client) => client.query(`GRANT beacon_app TO ${quoteIdent(role)}`));
}

/** The owner's connection for migrations: raw-SQL TypeORM migrations, tracked in `schema_migrations`. */
export function migrationDataSource(ownerUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });
}

export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = migrationDataSource(ownerUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the first platform admin unless the email has an account; returns whether it was created. */
export async function seedPlatformAdmin(
  ownerUrl: string,
  email: string,
  passwordHash: string,
): Promise<boolean> {
  return withClient(ownerUrl, async (client) => {
    const result = await client.query(
      `INSERT INTO users (email, name, password_hash, platform_roles)
       VALUES ($1, 'Platform admin', $2, '{platform_admin}') ON CONFLICT (email) DO NOTHING`,
      [email, passwordHash],
    );
    return (result.rowCount ?? 0) > 0;
  });
}

export async function userExists(ownerUrl: string, email: string): Promise<boolean> {
  return withClient(
    ownerUrl,
    async (client) =>
      ((await client.query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount ?? 0) > 0,
  );
}
