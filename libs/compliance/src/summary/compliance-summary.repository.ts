import { Injectable } from '@nestjs/common';
import {
  chainManagersSql,
  ExecutionContext,
  one,
  preparedRows,
  reportingChainSql,
  rows,
} from '@beacon/core/database';
import type { SummaryGrouping } from '../dto/compliance-summary.dto';

export interface ComplianceFilter {
  siteId?: string;
  departmentId?: string;
  cohortId?: string;
  courseId?: string;
}

/** Local dates (YYYY-MM-DD, inclusive) in the organization's time zone. */
export interface DueRange {
  from?: string;
  to?: string;
}

export interface GroupCountsRow {
  group_id: string | null;
  group_name: string | null;
  enrolled: number;
  not_started: number;
  in_progress: number;
  completed: number;
  overdue: number;
  exempt: number;
}

export interface TrendRow {
  period_start: string;
  completed: number;
  due_by_end: number;
  completed_by_end: number;
}

/** The longest a summary read may run. */
const SUMMARY_TIME_LIMIT = '10s';

/**
 * The column a rollup row is grouped by, within each branch of the count: a uuid (hashing it costs a third of
 * hashing its text). Courses are grouped by version first and by code after, on the few rows left.
 */
const GROUP_COLUMNS: Record<SummaryGrouping, string> = {
  site: 'site_id',
  department: 'department_id',
  cohort: 'cohort_id',
  course: 'course_id',
};

/**
 * The managers of `managerParam`'s reporting chain (that manager included) as the CTE `chain (id)`: the rollup rows
 * of the chain are keyed by them. Materialized once and matched by a semi-join: `= ANY (array)` compared each
 * rollup row with every element.
 */
function chainManagersCte(managerParam: string): string {
  return `WITH chain (id) AS MATERIALIZED (SELECT walk.id FROM ${chainManagersSql(managerParam)} AS walk (id))`;
}

/** The condition of each filter field on a rollup row `alias`, its value the parameter `param`. */
const FILTER_CONDITIONS: Record<keyof ComplianceFilter, (alias: string, param: string) => string> = {
  siteId: (alias, param) => `${alias}.site_id = ${param}`,
  departmentId: (alias, param) => `${alias}.department_id = ${param}`,
  cohortId: (alias, param) => `${alias}.cohort_id = ${param}`,
  courseId: (alias, param) => sameCourse(alias, param),
};

/** The id and name of each group key `g.group_key`, as a lateral join (`named`). */
const GROUP_NAMES: Record<SummaryGrouping, string> = {
  site: 'SELECT s.id, s.name FROM sites s WHERE s.id = g.group_key',
  department: 'SELECT d.id, d.name FROM departments d WHERE d.id = g.group_key',
  cohort: 'SELECT c.id, c.name FROM cohorts c WHERE c.id = g.group_key',
  course:
    'SELECT c.id, c.title AS name FROM courses c WHERE c.code = g.group_key ORDER BY c.version DESC LIMIT 1',
};

/** The organization's time zone, as an uncorrelated subquery (planned once per statement). */
function organizationZone(params: unknown[], organizationId: string): string {
  return `(SELECT o.timezone FROM organizations o WHERE o.id = $${params.push(organizationId)})`;
}

/** The start of a local date in the organization's time zone, as an instant. */
function startOfLocalDay(dateParam: string, zone: string): string {
  return `((${dateParam}::date)::timestamp AT TIME ZONE ${zone})`;
}

/** `course_id` of `alias` is a version of the course `courseParam` names (same code). */
function sameCourse(alias: string, courseParam: string): string {
  return `${alias}.course_id IN (SELECT v.id FROM courses v WHERE v.code = (SELECT k.code FROM courses k WHERE k.id = ${courseParam}))`;
}

/**
 * Wraps per-group sums (`group_key`, `ns`, `ip`, `co`, `ex`, `od`) with each group's id and name, ordered by name
 * (the null group last), then id; a group with nothing enrolled is left out.
 */
function named(grouping: SummaryGrouping, sums: string): string {
  return `SELECT n.id AS group_id, n.name AS group_name, (g.ns + g.ip + g.co + g.ex)::int AS enrolled,
                 g.ns::int AS not_started, g.ip::int AS in_progress, g.co::int AS completed, g.od::int AS overdue,
                 g.ex::int AS exempt
            FROM (${sums}) g
            LEFT JOIN LATERAL (${GROUP_NAMES[grouping]}) n ON true
           WHERE g.ns + g.ip + g.co + g.ex > 0
           ORDER BY n.name IS NULL, n.name, n.id`;
}

/** The due instant of `column` within a range of local dates, in the organization's time zone. */
function dueRange(column: string, range: DueRange, params: unknown[], organizationId: string): string[] {
  if (range.from === undefined && range.to === undefined) return [];
  const zone = organizationZone(params, organizationId);
  const where: string[] = [];
  if (range.from !== undefined)
    where.push(`${column} >= ${startOfLocalDay(`$${params.push(range.from)}`, zone)}`);
  if (range.to !== undefined)
    where.push(`${column} < ${startOfLocalDay(`($${params.push(range.to)}::date + 1)`, zone)}`);
  return where;
}

/**
 * The statement behind `groups` (and the compliance bench's raw SQL): counts per group, from the rollups (kept
 * current by the triggers of migration 1764690000000): without a due-date range, each group's base counts (as they
 * stand once every due instant has passed) corrected by the rollup rows due at or after `now`, read through the
 * due index; with a range, the rollup rows due within it.
 * Either way overdue is exact at the reader's clock, and the rows read do not grow with the number of
 * enrollments. `managerId`: only that manager's reporting chain, as the rows keyed by a manager in it (each row
 * is keyed by its members' direct manager), so a chain of thousands reads the rows of its few managers.
 */
export function groupCountsStatement(
  grouping: SummaryGrouping,
  filter: ComplianceFilter,
  range: DueRange,
  now: Date,
  managerId: string | null,
  organizationId: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [now];
  // Each filter value is one parameter, which every branch below compares with its own rows.
  const filterOn = (Object.keys(FILTER_CONDITIONS) as Array<keyof ComplianceFilter>).flatMap((field) => {
    const value = filter[field];
    if (!value) return [];
    const param = `$${params.push(value)}`;
    return [(alias: string) => FILTER_CONDITIONS[field](alias, param)];
  });
  const filters = (alias: string) => filterOn.map((condition) => condition(alias));
  // Repeated in each branch below (not on their union) so that each reads through its manager index.
  const chainCte = managerId === null ? '' : chainManagersCte(`$${params.push(managerId)}`);
  const chain = (alias: string) =>
    managerId === null ? [] : [`${alias}.manager_id IN (SELECT chain.id FROM chain)`];
  const where = (conditions: string[]) =>
    conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const column = GROUP_COLUMNS[grouping];
  // Each branch sums its rows per group before the union: a few dozen rows meet there instead of thousands.
  const ranged = range.from !== undefined || range.to !== undefined;
  const passed = 'r.due_at < $1';
  const branches = ranged
    ? `SELECT r.${column} AS k,
              sum(r.not_started + CASE WHEN ${passed} THEN r.renewal ELSE r.previous_not_started END) AS ns,
              sum(r.in_progress + CASE WHEN ${passed} THEN 0 ELSE r.previous_in_progress END) AS ip,
              sum(r.completed + CASE WHEN ${passed} THEN 0 ELSE r.previous_completed END) AS co,
              sum(r.exempt + CASE WHEN ${passed} THEN 0 ELSE r.previous_exempt END) AS ex,
              sum(CASE WHEN ${passed} THEN r.not_started + r.in_progress + r.renewal ELSE 0 END) AS od
         FROM compliance_rollups r
        ${where([...chain('r'), ...dueRange('r.due_at', range, params, organizationId), ...filters('r')])}
        GROUP BY 1`
    : `SELECT b.${column} AS k, sum(b.not_started) AS ns, sum(b.in_progress) AS ip, sum(b.completed) AS co,
              sum(b.exempt) AS ex, sum(b.overdue) AS od
         FROM compliance_rollup_bases b
        ${where([...chain('b'), ...filters('b')])}
        GROUP BY 1
       UNION ALL
       -- Not due yet: the previous cycle still counts instead of a renewal, and nothing is overdue.
       SELECT r.${column}, sum(r.previous_not_started - r.renewal), sum(r.previous_in_progress),
              sum(r.previous_completed), sum(r.previous_exempt), -sum(r.not_started + r.in_progress + r.renewal)
         FROM compliance_rollups r
        ${where([...chain('r'), 'r.due_at >= $1', ...filters('r')])}
        GROUP BY 1`;
  // Versions of a course share its code: they are one course to an administrator.
  const [key, joinCourse] =
    grouping === 'course' ? ['co.code', 'JOIN courses co ON co.id = x.k'] : ['x.k', ''];
  return {
    sql: named(
      grouping,
      `${chainCte}
       SELECT ${key} AS group_key, sum(x.ns) AS ns, sum(x.ip) AS ip, sum(x.co) AS co, sum(x.ex) AS ex,
              sum(x.od) AS od
         FROM (${branches}) x ${joinCourse}
        GROUP BY 1`,
    ),
    params,
  };
}

/**
 * The compliance summary's reads. Its counts come from `compliance_rollups` (kept current by the triggers of
 * migration 1764690000000), for the organization or a manager's reporting chain alike.
 */
@Injectable()
export class ComplianceSummaryRepository {
  /** The filter fields naming nothing in this organization (row-level security hides other organizations). */
  async unknownFilters(filter: ComplianceFilter): Promise<Array<keyof ComplianceFilter>> {
    // No filter, no round trip: the dashboard's first load names none.
    if (Object.values(filter).every((id) => id === undefined)) return [];
    const found = await one<Record<keyof ComplianceFilter, boolean>>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM sites WHERE id = $1)) AS "siteId",
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM departments WHERE id = $2)) AS "departmentId",
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM cohorts WHERE id = $3)) AS "cohortId",
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM courses WHERE id = $4)) AS "courseId"`,
      [filter.siteId ?? null, filter.departmentId ?? null, filter.cohortId ?? null, filter.courseId ?? null],
    );
    return (['siteId', 'departmentId', 'cohortId', 'courseId'] as const).filter((field) => !found?.[field]);
  }

  /** Counts per group: see `groupCountsStatement`. */
  async groups(
    grouping: SummaryGrouping,
    filter: ComplianceFilter,
    range: DueRange,
    now: Date,
    managerId: string | null,
  ): Promise<GroupCountsRow[]> {
    const statement = groupCountsStatement(
      grouping,
      filter,
      range,
      now,
      managerId,
      ExecutionContext.organizationId(),
    );
    // For the rest of this transaction only. The planner cannot estimate a recursive walk and guesses a million
    // rows: its cost would switch on JIT compilation, ~100 ms here for a statement that runs in a few. And a
    // dashboard read never holds a pooled connection for long: past the limit it is cancelled and answers 503.
    await one(
      `SELECT set_config('jit', 'off', true), set_config('statement_timeout', '${SUMMARY_TIME_LIMIT}', true)`,
    );
    return preparedRows<GroupCountsRow>(statement.sql, statement.params);
  }

  /**
   * Weekly periods from the week of `from` to the week of `to` (weeks start on Monday in the organization's time
   * zone), in one pass over the enrollments in scope (not withdrawn; any cycle): per enrollment the week it fell
   * due and the week it was completed, then running sums. `managerId`: only that manager's reporting chain.
   */
  async weeklyTrend(
    from: string,
    to: string,
    filter: ComplianceFilter,
    managerId: string | null,
  ): Promise<TrendRow[]> {
    const params: unknown[] = [from, to];
    const zone = organizationZone(params, ExecutionContext.organizationId());
    const where = [`e.status <> 'withdrawn'`];
    if (managerId)
      where.push(`e.membership_id = ANY (ARRAY${reportingChainSql(`$${params.push(managerId)}`)})`);
    if (filter.cohortId) where.push(`e.cohort_id = $${params.push(filter.cohortId)}`);
    if (filter.courseId) where.push(sameCourse('e', `$${params.push(filter.courseId)}`));
    if (filter.siteId) where.push(`m.site_id = $${params.push(filter.siteId)}`);
    if (filter.departmentId) where.push(`m.department_id = $${params.push(filter.departmentId)}`);
    const joinMember =
      filter.siteId || filter.departmentId ? 'JOIN memberships m ON m.id = e.membership_id' : '';
    // Week of a local day: floor((day - first Monday) / 7), negative before the first period.
    const week = (instant: string) => `floor(((${instant} AT TIME ZONE p.zone)::date - p.monday) / 7.0)::int`;
    return rows<TrendRow>(
      `WITH p AS (
              SELECT ${zone} AS zone, ($1::date - (extract(isodow FROM $1::date)::int - 1)) AS monday
            ),
            weeks AS (
              SELECT k, to_char(p.monday + 7 * k, 'YYYY-MM-DD') AS period_start
                FROM p, generate_series(0, ($2::date - p.monday) / 7) AS k
            ),
            placed AS (
              SELECT CASE WHEN e.due_at IS NOT NULL AND e.status <> 'exempt'
                          THEN greatest(${week('e.due_at')}, 0) END AS due_week,
                     CASE WHEN e.completed_at IS NOT NULL THEN ${week('e.completed_at')} END AS done_week
                FROM enrollments e ${joinMember}, p
               WHERE ${where.join(' AND ')}
            ),
            done_weeks AS (SELECT done_week AS k, count(*) AS n FROM placed WHERE done_week >= 0 GROUP BY 1),
            due_weeks AS (SELECT due_week AS k, count(*) AS n FROM placed WHERE due_week IS NOT NULL GROUP BY 1),
            -- In the rate's numerator from the week an enrollment is both due and completed (the later of the two).
            both_weeks AS (
              SELECT greatest(due_week, done_week) AS k, count(*) AS n FROM placed
               WHERE due_week IS NOT NULL AND done_week IS NOT NULL GROUP BY 1
            )
       SELECT w.period_start,
              coalesce(dw.n, 0)::int AS completed,
              (sum(coalesce(uw.n, 0)) OVER (ORDER BY w.k))::int AS due_by_end,
              (sum(coalesce(bw.n, 0)) OVER (ORDER BY w.k))::int AS completed_by_end
         FROM weeks w
         LEFT JOIN done_weeks dw ON dw.k = w.k
         LEFT JOIN due_weeks uw ON uw.k = w.k
         LEFT JOIN both_weeks bw ON bw.k = w.k
        ORDER BY w.k`,
      params,
    );
  }
}
