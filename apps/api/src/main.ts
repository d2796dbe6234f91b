import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  new Logger('Api').log(`Beacon API listening on ${config.publicUrl} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  new Logger('Api').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
