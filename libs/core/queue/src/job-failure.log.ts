import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * Logs a failed job attempt through the error serializer (class, scrubbed message, SQLSTATE, stack). The job's data
 * stays out: it may hold import rows or links. An attempt that will be retried is a warning; the last is an error.
 */
export function logJobFailure(logger: Logger, job: Job | undefined, error: Error): void {
  const final = job === undefined || job.attemptsMade >= (job.opts.attempts ?? 1);
  const fields = { err: error, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade };
  if (final) logger.error(fields, 'job failed');
  else logger.warn(fields, 'job attempt failed; it will be retried');
}
