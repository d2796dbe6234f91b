import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { ensureDatabase } from '../../tools/db/database-admin';

export const OWNER_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// One template per checkout: two checkouts testing at once (worktrees, a CI clone beside a developer's tree) would
// otherwise drop and re-migrate each other's template mid-run.
const CHECKOUT = createHash('sha256').update(resolve(__dirname, '../..')).digest('hex').slice(0, 8);
export const TEMPLATE_DB = `beacon_e2e_template_${CHECKOUT}`;

export function databaseUrl(database: string, user?: string): string {
  const url = new URL(OWNER_BASE_URL);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

/** Another run may be migrating the template at this moment ("being accessed by other users"): retry briefly. */
export async function cloneTemplate(url: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ensureDatabase(url, TEMPLATE_DB);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
