import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@beacon/core/config';
import { ARGON2_OPTIONS } from '@beacon/identity';
import {
  ensureAppRole,
  ensureDatabase,
  grantAppGroup,
  runMigrations,
  seedPlatformAdmin,
  userExists,
} from '../db/database-admin';

type Say = (line: string) => void;

/** Everything `npm start` does before the processes start: database, roles, migrations, bootstrap admin. */
export async function prepareDatabase(config: AppConfig, say: Say): Promise<void> {
  if (await ensureDatabase(config.databaseUrl)) say('created the database');
  await ensureAppRole(config.databaseUrl, config.databaseAppUrl);
  const applied = await runMigrations(config.databaseUrl);
  say(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations are up to date');
  await grantAppGroup(config.databaseUrl, config.databaseAppUrl);
  await seedBootstrapAdmin(config, say);
}

async function seedBootstrapAdmin(config: AppConfig, say: Say): Promise<void> {
  const email = config.bootstrapAdminEmail;
  if (await userExists(config.databaseUrl, email)) return;
  let password = config.bootstrapAdminPassword;
  let file: string | null = null;
  if (password === null) {
    password = randomBytes(18).toString('base64url');
    mkdirSync(config.stateDir, { recursive: true, mode: 0o700 });
    file = join(config.stateDir, 'bootstrap-admin.txt');
    writeFileSync(file, `email: ${email}\npassword: ${password}\n`, { mode: 0o600 });
  }
  await seedPlatformAdmin(config.databaseUrl, email, await argon2.hash(password, ARGON2_OPTIONS));
  say(`created the platform admin ${email}${file ? `; its password is in ${file}` : ''}`);
}
