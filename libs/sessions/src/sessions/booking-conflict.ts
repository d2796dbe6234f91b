import { pgConstraint, pgErrorCode } from '@beacon/core/database';
import { ProblemException } from '@beacon/core/http';

const PG_EXCLUSION_VIOLATION = '23P01';
const NO_OVERLAP = 'session_facilitators_no_overlap';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * A refused booking as a 409 naming the facilitator, or null for any other error. The other booking may be in an
 * organization RLS hides, so the constraint's word is the only one there is. `names` (the facilitators booked)
 * were read before the write: the failed statement ended the transaction.
 */
export function bookingConflict(
  error: unknown,
  names: ReadonlyMap<string, string>,
  field: string,
): ProblemException | null {
  if (pgErrorCode(error) !== PG_EXCLUSION_VIOLATION || pgConstraint(error) !== NO_OVERLAP) return null;
  const failed = error as { driverError?: { detail?: unknown }; detail?: unknown };
  const detail = failed.driverError?.detail ?? failed.detail;
  // PostgreSQL leaves the key out of the detail on a table with row-level security: then, with one facilitator
  // booked, it can only be them; with several, they are all named.
  const fromDetail = typeof detail === 'string' ? UUID.exec(detail)?.[0]?.toLowerCase() : undefined;
  const id = fromDetail ?? (names.size === 1 ? [...names.keys()][0] : undefined);
  const name = id ? names.get(id) : undefined;
  const who = name ? `${name} is` : `One of ${[...names.values()].join(', ')} is`;
  return new ProblemException(
    409,
    `${who} already booked at that time (their travel time between sessions included).`,
    { errors: [{ field, message: `${who} already booked at that time` }], facilitatorId: id ?? null },
  );
}
