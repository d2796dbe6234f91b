import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker } from './create-worker';

createWorker()
  .then(() => new Logger('Worker').log('Beacon worker started'))
  .catch((error: unknown) => {
    new Logger('Worker').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
