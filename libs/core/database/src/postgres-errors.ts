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
