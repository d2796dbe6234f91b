import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker } from './create-worker';
import { exitOnSignal } from './exit-on-signal';

const logger = new Logger('Worker');

createWorker()
  .then((app) => {
    exitOnSignal(app, logger);
    logger.log('Beacon worker started');
  })
  .catch((error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
