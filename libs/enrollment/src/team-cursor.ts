import { isTimestamp, isUuid, Problems } from '@beacon/core/http';

/**
 * Where a page of the team view ends, in its order: overdue first (group 0), then the due instant (`infinity` when
 * none), then the member's name, then the enrollment id. The name is not carried (it may be 200 characters long):
 * the member's id is, and the next page reads the name again.
 */
export interface TeamCursor {
  group: 0 | 1;
  due: string;
  memberId: string;
  enrollmentId: string;
}

export function encodeTeamCursor(cursor: TeamCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.group, cursor.due, cursor.memberId, cursor.enrollmentId]),
  ).toString('base64url');
}

/** A cursor that does not decode to exactly that shape is bad input (400), never a server error. */
export function decodeTeamCursor(cursor: string | undefined): TeamCursor | null {
  if (cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 4) {
      const [group, due, memberId, enrollmentId] = parsed as unknown[];
      if (
        (group === 0 || group === 1) &&
        typeof due === 'string' &&
        (due === 'infinity' || isTimestamp(due)) &&
        isUuid(memberId) &&
        isUuid(enrollmentId)
      )
        return { group, due, memberId, enrollmentId };
    }
  } catch {
    // fall through: not base64url JSON
  }
  throw Problems.invalidField('cursor', 'cursor is not valid');
}
