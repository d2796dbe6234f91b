import { isUuid, Problems } from '@beacon/core/http';
import type { GapCursor } from './requirement-gap.repository';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RULE_CODE = /^([a-z]{2}-[a-z0-9-]{1,60})?$/;

/** Where a page ends: the due date (`infinity` when none), the member id and the rule code (empty when none). */
export function encodeGapCursor(cursor: GapCursor): string {
  return Buffer.from(JSON.stringify([cursor.due, cursor.memberId, cursor.ruleCode])).toString('base64url');
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A cursor that does not decode to exactly that shape is bad input (400), never a server error. */
export function decodeGapCursor(cursor: string | undefined): GapCursor | null {
  if (cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [due, memberId, ruleCode] = parsed as unknown[];
      if (
        typeof due === 'string' &&
        (due === 'infinity' || isDate(due)) &&
        isUuid(memberId) &&
        typeof ruleCode === 'string' &&
        RULE_CODE.test(ruleCode)
      )
        return { due, memberId, ruleCode };
    }
  } catch {
    // fall through: not base64url JSON
  }
  throw Problems.invalidField('cursor', 'cursor is not valid');
}
