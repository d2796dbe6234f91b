// The bench api as a child process, so that a benchmark can probe it from outside its event loop and read its RSS:
//   fork('tools/bench/bench-api.process.ts', { execArgv: ['-r', './test/support/ts-register.js'] })
// It answers { url, databaseUrl } over IPC once listening and stops (dropping its database) on 'stop'.
import 'reflect-metadata';
import { startBenchApi } from './bench-world';

startBenchApi()
  .then((api) => {
    process.send?.({ url: api.url, databaseUrl: process.env.DATABASE_URL });
    process.on('message', (message) => {
      if (message === 'stop') void api.stop().then(() => process.exit(0));
    });
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
