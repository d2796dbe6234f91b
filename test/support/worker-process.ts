// The real worker as a child process of an e2e suite (to kill it with SIGKILL mid-job, or stop it with SIGTERM):
//   spawn(process.execPath, ['-r', './test/support/ts-register.js', './test/support/worker-process.ts'], { env, ipc })
// It reads the same environment as the suite's app, stops on a signal as apps/worker's main does, and tells the
// parent over IPC once its processors run.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createWorker } from '../../apps/worker/src/create-worker';
import { exitOnSignal } from '../../apps/worker/src/exit-on-signal';

createWorker()
  .then((app) => {
    exitOnSignal(app, new Logger('Worker'));
    process.send?.('ready');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
