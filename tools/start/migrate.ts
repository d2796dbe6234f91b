import { loadConfig } from '@beacon/core/config';
import { prepareDatabase } from './prepare-database';

prepareDatabase(loadConfig(), (line) => console.log(`[migrate] ${line}`)).catch((error: unknown) => {
  console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
