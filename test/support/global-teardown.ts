import { dropDatabase } from '../../tools/db/database-admin';
import { databaseUrl, TEMPLATE_DB } from './template-db';

/** The run's template goes with it: every checkout (a CI clone, a worktree) would otherwise leave one behind. */
export default async function globalTeardown(): Promise<void> {
  await dropDatabase(databaseUrl(TEMPLATE_DB));
}
