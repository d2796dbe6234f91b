import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker } from './create-worker';
import { exitOnSignal } from './exit-on-signal';

const logger = new Logger('Worker');

createWorker()
  .then((app) => {
    exitOnSignal(app, logger);
    logger.log('Beacon worker started');
    // A parent that spawned the worker with an IPC channel (a benchmark) learns when its processors run.
    process.send?.('ready');
  })
  .catch((error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
