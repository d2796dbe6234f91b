export const GROUPINGS = ['site', 'department', 'cohort', 'course'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The dashboard's view as the URL holds it: a copied link opens the same grouping and filters. */
export interface ComplianceSearch {
  groupBy?: Grouping;
  siteId?: string;
  departmentId?: string;
  cohortId?: string;
  courseId?: string;
  /** Due date range, local dates `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export type ComplianceFilterKey = Exclude<keyof ComplianceSearch, 'groupBy'>;
export const FILTER_KEYS: readonly ComplianceFilterKey[] = [
  'siteId',
  'departmentId',
  'cohortId',
  'courseId',
  'from',
  'to',
];

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isGrouping = (value: unknown): value is Grouping =>
  typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value);

/**
 * The route's search params, keeping only well-formed values: a hand-edited link falls back to the whole view
 * rather than asking the api for a filter it would refuse.
 */
export function complianceSearch(search: Record<string, unknown>): ComplianceSearch {
  const result: ComplianceSearch = {};
  if (isGrouping(search.groupBy)) result.groupBy = search.groupBy;
  for (const key of FILTER_KEYS) {
    const value = search[key];
    const pattern = key === 'from' || key === 'to' ? DATE : ID;
    if (typeof value === 'string' && pattern.test(value)) result[key] = value;
  }
  return result;
}

const DAY = 86_400_000;

function isoDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * The trend's range: from the Monday `weeks - 1` weeks before today's week to today, both the browser's local
 * dates (the api counts weeks in the organization's zone; a day's difference at a week's edge is harmless here).
 */
export function lastWeeks(today: Date, weeks = 12): { from: string; to: string } {
  const day = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return { from: isoDate(day - (sinceMonday + 7 * (weeks - 1)) * DAY), to: isoDate(day) };
}
