import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM or SIGINT: closes the worker (each BullMQ worker finishes its current job first) and exits 0. Nest's
 * enableShutdownHooks would close it too, but then raises the signal again, so a clean stop would end as "killed
 * by SIGTERM" to a supervisor. A second signal while closing exits at once.
 */
export function exitOnSignal(app: INestApplicationContext, logger: LoggerService): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal}: finishing the jobs in hand, then stopping`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
