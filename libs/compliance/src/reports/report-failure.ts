import { pgErrorCode } from '@beacon/core/database';

/** A report that cannot be built, with a reason safe to show to whoever requested it; retrying will not help. */
export class ReportFailure extends Error {}

/**
 * What the report says when its run failed: never the error's own text (it may hold SQL, paths or values from
 * the rows), only what kind of step failed.
 */
export function failureReason(error: unknown): string {
  if (error instanceof ReportFailure) return error.message;
  // A file system error names its system call (EPERM would pass for a SQLSTATE otherwise).
  if (typeof (error as NodeJS.ErrnoException | null)?.syscall === 'string')
    return 'The report file could not be written to storage.';
  const code = pgErrorCode(error);
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code))
    return 'The report could not be read from the database.';
  return 'The report could not be built.';
}
