/** SQLSTATE codes the services translate into answers instead of letting them surface as a 500. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate.driverError?.code ?? candidate.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const constraint = candidate.driverError?.constraint ?? candidate.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** The statement was cancelled: its statement_timeout, or an administrator's pg_cancel_backend. */
const PG_QUERY_CANCELED = '57014';
/** What pg-pool throws when every connection stayed busy for its connectionTimeoutMillis. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * The database is too busy to answer now, not wrong: every pooled connection stayed taken, or a statement ran
 * past its time limit. Worth a 503 and a retry later, not a 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (pgErrorCode(error) === PG_QUERY_CANCELED) return true;
  return error instanceof Error && error.message === POOL_TIMEOUT;
}
