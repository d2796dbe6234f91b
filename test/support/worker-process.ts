// The real worker as a child process of an e2e suite (to kill it with SIGKILL mid-job):
//   spawn(process.execPath, ['-r', './test/support/ts-register.js', './test/support/worker-process.ts'], { env, ipc })
// It reads the same environment as the suite's app and tells the parent over IPC once its processors run.
import 'reflect-metadata';
import { createWorker } from '../../apps/worker/src/create-worker';

createWorker()
  .then(() => process.send?.('ready'))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
