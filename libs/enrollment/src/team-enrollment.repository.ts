import { Injectable } from '@nestjs/common';
import { memberNameSql, reportingChainSql, rows } from '@beacon/core/database';
import { Clock } from '@beacon/core/time';
import type { TeamStatus } from './dto/team.dto';
import { currentCycleCte, enrollmentOverdue } from './enrollment.sql';
import type { TeamCursor } from './team-cursor';

export interface TeamFilter {
  status?: TeamStatus;
  overdue?: boolean;
  q?: string;
}

export interface TeamEnrollmentRow {
  id: string;
  cohort_id: string;
  membership_id: string;
  member_name: string;
  job_title: string | null;
  site_id: string | null;
  site_name: string | null;
  department_id: string | null;
  department_name: string | null;
  course_id: string;
  course_code: string;
  course_title: string;
  status: TeamStatus;
  due_at: Date | null;
  overdue: boolean;
  completed_at: Date | null;
  modules_completed: number;
  modules_total: number;
  sort_group: 0 | 1;
  /** The due instant as PostgreSQL writes it (`infinity` when none), for the cursor. */
  cursor_due: string;
}

/** The view's order, as SQL over `cc` (current_cycle), `m` and `u`: overdue first, then due, then name, then id. */
const overdueNow = enrollmentOverdue('$1', 'cc');
const SORT_GROUP = `(CASE WHEN ${overdueNow} THEN 0 ELSE 1 END)`;
const SORT_DUE = `coalesce(cc.due_at, 'infinity'::timestamptz)`;

/** A manager's (or the organization's) training status: each member's current enrollment of every cohort. */
@Injectable()
export class TeamEnrollmentRepository {
  constructor(private readonly clock: Clock) {}

  /**
   * One statement whatever the page size: the current cycles (withdrawn left out, see `currentCycleCte`) of members
   * who are not deactivated, `chainOf` a manager's reporting chain only (null: everyone), filtered, ordered and cut
   * to limit + 1 before sites, departments, courses and module counts are joined to those rows alone.
   */
  list(
    filter: TeamFilter,
    after: TeamCursor | null,
    limit: number,
    chainOf: string | null,
  ): Promise<TeamEnrollmentRow[]> {
    const params: unknown[] = [this.clock.now()];
    const chain = chainOf ? reportingChainSql(`$${params.push(chainOf)}`) : null;
    const scope = chain ? `e.membership_id IN ${chain}` : 'true';
    const where = [`m.status <> 'deactivated'`];
    if (filter.status) where.push(`cc.status = $${params.push(filter.status)}`);
    if (filter.overdue !== undefined) where.push(`${overdueNow} = $${params.push(filter.overdue)}`);
    if (filter.q) {
      // The visible name only, as the member list searches it.
      where.push(
        `${memberNameSql()} ILIKE $${params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`,
      );
    }
    if (after) {
      // The name at the cursor is read again from its member (memberships are never deleted), within the chain
      // alone: a forged cursor naming someone outside it must not tell where their name sorts.
      where.push(
        `(${SORT_GROUP}, ${SORT_DUE}, ${memberNameSql()}, cc.id) >
         ($${params.push(after.group)}::int, $${params.push(after.due)}::timestamptz,
          (SELECT ${memberNameSql('am', 'au')} FROM memberships am JOIN users au ON au.id = am.user_id
            WHERE am.id = $${params.push(after.memberId)}::uuid${chain ? ` AND am.id IN ${chain}` : ''}),
          $${params.push(after.enrollmentId)}::uuid)`,
      );
    }
    return rows<TeamEnrollmentRow>(
      `WITH ${currentCycleCte(scope, '$1')},
       page AS (
         SELECT cc.id, cc.cohort_id, cc.membership_id, cc.course_id, cc.status, cc.due_at, cc.completed_at,
                ${overdueNow} AS overdue, ${memberNameSql()} AS member_name, m.job_title, m.site_id, m.department_id,
                ${SORT_GROUP} AS sort_group, ${SORT_DUE} AS sort_due
           FROM current_cycle cc
           JOIN memberships m ON m.id = cc.membership_id
           JOIN users u ON u.id = m.user_id
          WHERE ${where.join(' AND ')}
          ORDER BY sort_group, sort_due, member_name, cc.id
          LIMIT $${params.push(limit + 1)}
       )
       SELECT p.id, p.cohort_id, p.membership_id, p.member_name, p.job_title, p.site_id, s.name AS site_name,
              p.department_id, d.name AS department_name, p.course_id, co.code AS course_code,
              co.title AS course_title, p.status, p.due_at, p.overdue, p.completed_at, p.sort_group,
              p.sort_due::text AS cursor_due,
              (SELECT count(*)::int FROM module_progress mp WHERE mp.enrollment_id = p.id) AS modules_completed,
              (SELECT count(*)::int FROM course_modules cm WHERE cm.course_id = p.course_id) AS modules_total
         FROM page p
         JOIN courses co ON co.id = p.course_id
         LEFT JOIN sites s ON s.id = p.site_id
         LEFT JOIN departments d ON d.id = p.department_id
        ORDER BY p.sort_group, p.sort_due, p.member_name, p.id`,
      params,
    );
  }
}
