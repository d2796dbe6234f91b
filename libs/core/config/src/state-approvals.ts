/**
 * One approval of a provider's course for a state's training rule, as the provider holds it (Texas lists approved
 * courses; Florida's boards approve them). Only a course configured here counts toward a state's rule.
 */
export interface StateApproval {
  /** Two-letter state code, upper case. */
  readonly state: string;
  /** The course code, e.g. `HT-101`. */
  readonly courseCode: string;
  /** The license type codes the approval covers (as the rules name them, e.g. `RN`); null: every license type. */
  readonly licenseTypes: readonly string[] | null;
  /** The approving body's reference for the approval, shown beside a completion it makes count. */
  readonly approvalId: string | null;
  /** YYYY-MM-DD: completions before this day do not count. null: any completion counts. */
  readonly approvedOn: string | null;
}

const KEYS = new Set(['state', 'courseCode', 'licenseTypes', 'approvalId', 'approvedOn']);
const STATE = /^[A-Za-z]{2}$/;
const CODE = /^[A-Za-z]{1,20}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What is wrong with one entry, or null. */
function problemOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'each entry must be an object';
  const fields = item as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) return `unknown key ${unknown.join(', ')}`;
  if (typeof fields.state !== 'string' || !STATE.test(fields.state.trim()))
    return 'state must be a two-letter state code';
  if (typeof fields.courseCode !== 'string' || fields.courseCode.trim() === '')
    return 'courseCode must be a non-empty string';
  if (
    fields.licenseTypes !== undefined &&
    !(
      Array.isArray(fields.licenseTypes) &&
      fields.licenseTypes.length > 0 &&
      fields.licenseTypes.every((code) => typeof code === 'string' && CODE.test(code.trim()))
    )
  )
    return 'licenseTypes must be a non-empty array of license type codes such as RN';
  if (
    fields.approvalId !== undefined &&
    (typeof fields.approvalId !== 'string' || fields.approvalId.trim() === '')
  )
    return 'approvalId must be a non-empty string';
  if (
    fields.approvedOn !== undefined &&
    (typeof fields.approvedOn !== 'string' || !isCalendarDate(fields.approvedOn))
  )
    return 'approvedOn must be a date (YYYY-MM-DD)';
  return null;
}

/**
 * `PROVIDER_STATE_APPROVALS`: a JSON array of `{ state, courseCode, licenseTypes?, approvalId?, approvedOn? }`.
 * Answers the approvals, normalised (codes upper case), or the problems found. Whether each license type code is
 * one the rules know is checked by the compliance library, which owns that list.
 */
export function parseStateApprovals(
  name: string,
  value: string | undefined,
): { approvals: StateApproval[]; problems: string[] } {
  if (value === undefined) return { approvals: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const shape = `${name} must be a JSON array of { "state", "courseCode", "licenseTypes"?, "approvalId"?, "approvedOn"? }`;
  if (!Array.isArray(parsed)) return { approvals: [], problems: [shape] };
  const problems = parsed.flatMap((item: unknown, index) => {
    const problem = problemOf(item);
    return problem === null ? [] : [`${name}[${index}]: ${problem}`];
  });
  if (problems.length > 0) return { approvals: [], problems };
  const approvals = (parsed as Array<Record<string, string | string[] | undefined>>).map((item) => ({
    state: (item.state as string).trim().toUpperCase(),
    courseCode: (item.courseCode as string).trim(),
    licenseTypes: Array.isArray(item.licenseTypes)
      ? [...new Set(item.licenseTypes.map((code) => code.trim().toUpperCase()))]
      : null,
    approvalId: typeof item.approvalId === 'string' ? item.approvalId.trim() : null,
    approvedOn: typeof item.approvedOn === 'string' ? item.approvedOn : null,
  }));
  return { approvals, problems: [] };
}
