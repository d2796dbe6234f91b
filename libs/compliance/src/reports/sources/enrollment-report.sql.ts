import { memberNameSql, reportingChainSql } from '@beacon/core/database';
import { currentCycleBulkCte, enrollmentOverdue } from '@beacon/enrollment';
import type { ReportFilters, ReportScope } from '../report-source';

/** A local date in the organization's time zone (`o`), as ISO text: the same in CSV and XLSX, in any zone. */
export function localDateText(instant: string): string {
  return `to_char((${instant}) AT TIME ZONE o.timezone, 'YYYY-MM-DD')`;
}

/** What a report over enrollments selects beyond the shared FROM: its columns, joins and conditions. */
export interface EnrollmentReportParts {
  columns: string;
  joins?: string;
  where?: string[];
  /**
   * Joins `mo.position` (the member's place by site, department and name) and `cp.position` (the cohort's by name,
   * equal names equal): `ORDER BY mo.position, cp.position, cc.id` is the order by those names, at the cost of a
   * sort of integers. Names are compared once per member (and cohort), not once per enrollment: with the
   * database's collation, comparing them is most of a sort of 1,000,000 rows.
   */
  memberOrder?: boolean;
}

/**
 * Enrollments a compliance report lists: each member's current cycle of each cohort, as cohort stats count them
 * (withdrawn enrollments are left out; a recertification cycle not started nor due yet counts by the completed cycle
 * before it). Deactivated members' remaining enrollments stay in, as in cohort stats: a record of who completed
 * what. `courseId` matches every version of that course's code. The SELECT (without ORDER BY) ranges over `cc`
 * (current cycle), `m` and `u` (the member), `mm`/`mu` (their manager), `s`, `d`, `c`, `co`, `o`; `$1` is now.
 */
export function enrollmentReportSql(
  parts: EnrollmentReportParts,
  filters: ReportFilters,
  scope: ReportScope,
  params: unknown[],
): string {
  params.push(scope.now);
  // Per member or per cohort, so the current cycle of the rows kept is the same as unfiltered.
  const inner = ['true'];
  // Per member: the members a report can hold, the ones `member_order` ranks.
  const members = ['true'];
  if (scope.chainOf !== null) {
    const chain = reportingChainSql(`$${params.push(scope.chainOf)}`);
    inner.push(`e.membership_id IN ${chain}`);
    members.push(`m.id IN ${chain}`);
  }
  if (filters.cohortId) inner.push(`e.cohort_id = $${params.push(filters.cohortId)}::uuid`);
  const outer = [...(parts.where ?? [])];
  if (filters.siteId) {
    const site = `m.site_id = $${params.push(filters.siteId)}::uuid`;
    outer.push(site);
    members.push(site);
  }
  if (filters.departmentId) {
    const department = `m.department_id = $${params.push(filters.departmentId)}::uuid`;
    outer.push(department);
    members.push(department);
  }
  if (filters.courseId)
    outer.push(`co.code = (SELECT code FROM courses WHERE id = $${params.push(filters.courseId)}::uuid)`);
  const memberOrder = parts.memberOrder
    ? `, member_order AS (
         SELECT m.id, row_number() OVER (ORDER BY s.name NULLS LAST, d.name NULLS LAST, ${memberNameSql()}, m.id) AS position
           FROM memberships m
           JOIN users u ON u.id = m.user_id
           LEFT JOIN sites s ON s.id = m.site_id
           LEFT JOIN departments d ON d.id = m.department_id
          WHERE ${members.join(' AND ')}
       )`
    : '';
  const orderJoins = parts.memberOrder
    ? `JOIN member_order mo ON mo.id = m.id
      JOIN (SELECT id, rank() OVER (ORDER BY name) AS position FROM cohorts) cp ON cp.id = c.id`
    : '';
  return `WITH ${currentCycleBulkCte(inner.join(' AND '), '$1')}${memberOrder}
    SELECT ${parts.columns}
      FROM current_cycle cc
      JOIN memberships m ON m.id = cc.membership_id
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = cc.organization_id
      JOIN cohorts c ON c.id = cc.cohort_id
      JOIN courses co ON co.id = cc.course_id
      LEFT JOIN sites s ON s.id = m.site_id
      LEFT JOIN departments d ON d.id = m.department_id
      LEFT JOIN memberships mm ON mm.id = m.manager_id
      LEFT JOIN users mu ON mu.id = mm.user_id
      ${orderJoins}
      ${parts.joins ?? ''}
     ${outer.length > 0 ? `WHERE ${outer.join(' AND ')}` : ''}`;
}

/** The member columns every enrollment report starts with. */
export const MEMBER_COLUMNS_SQL = `${memberNameSql()} AS member_name, u.email, m.employee_id, s.name AS site,
  d.name AS department, m.job_title, ${memberNameSql('mm', 'mu')} AS manager_name, c.name AS cohort,
  co.title AS course, co.code AS course_code, cc.status, ${localDateText('cc.due_at')} AS due_date`;

export const MEMBER_COLUMNS = [
  { key: 'member_name', header: 'Member' },
  { key: 'email', header: 'Email' },
  { key: 'employee_id', header: 'Employee ID' },
  { key: 'site', header: 'Site' },
  { key: 'department', header: 'Department' },
  { key: 'job_title', header: 'Job title' },
  { key: 'manager_name', header: 'Manager' },
  { key: 'cohort', header: 'Cohort' },
  { key: 'course', header: 'Course' },
  { key: 'course_code', header: 'Course code' },
  { key: 'status', header: 'Status' },
  { key: 'due_date', header: 'Due date' },
];

/** Overdue at the run's now (`$1`): open and past its due instant. */
export const OVERDUE_SQL = enrollmentOverdue('$1', 'cc');
