import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, one, reportingChainSql, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import { completionRate } from './completion-rate';
import { currentCycleCte, enrollmentOverdue } from './enrollment.sql';

export interface CohortRow {
  id: string;
  name: string;
  course_id: string;
  target_site_ids: string[];
  target_department_ids: string[];
  target_job_titles: string[];
  target_roles: string[];
  due_date: string | null;
  due_in_days: number | null;
  interval_months: number | null;
  reminder_before_due_days: number[];
  reminder_overdue_every_days: number;
  reminder_escalate_after_days: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface CohortFields {
  name: string;
  courseId: string;
  targetSiteIds: string[];
  targetDepartmentIds: string[];
  /** Lower-cased: job titles match case-insensitively. */
  targetJobTitles: string[];
  targetRoles: string[];
  dueDate: string | null;
  dueInDays: number | null;
  intervalMonths: number | null;
  reminderBeforeDueDays: number[];
  reminderOverdueEveryDays: number;
  reminderEscalateAfterDays: number;
}

export interface CohortStats {
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  exempt: number;
  completionRate: number | null;
}

// Targeted places live in cohort_targets (foreign keys to sites and departments); read back as id lists.
const COLUMNS = `id, name, course_id,
  ARRAY(SELECT t.site_id FROM cohort_targets t WHERE t.cohort_id = cohorts.id AND t.site_id IS NOT NULL
        ORDER BY t.site_id) AS target_site_ids,
  ARRAY(SELECT t.department_id FROM cohort_targets t WHERE t.cohort_id = cohorts.id AND t.department_id IS NOT NULL
        ORDER BY t.department_id) AS target_department_ids,
  target_job_titles, target_roles,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, due_in_days, interval_months, reminder_before_due_days,
  reminder_overdue_every_days, reminder_escalate_after_days, archived_at, created_at, updated_at,
  created_at::text AS cursor_at`;

@Injectable()
export class CohortRepository {
  async insert(f: CohortFields): Promise<CohortRow> {
    const inserted = await one<{ id: string }>(
      `INSERT INTO cohorts (organization_id, name, course_id, target_job_titles, target_roles, due_date, due_in_days,
                            interval_months, reminder_before_due_days, reminder_overdue_every_days,
                            reminder_escalate_after_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [ExecutionContext.organizationId(), ...this.values(f)],
    );
    const id = (inserted as { id: string }).id;
    await this.replaceTargets(id, f);
    return (await this.findById(id)) as CohortRow;
  }

  async update(id: string, f: CohortFields): Promise<CohortRow> {
    await affected(
      `UPDATE cohorts SET name = $2, course_id = $3, target_job_titles = $4, target_roles = $5, due_date = $6,
              due_in_days = $7, interval_months = $8, reminder_before_due_days = $9,
              reminder_overdue_every_days = $10, reminder_escalate_after_days = $11, updated_at = now()
        WHERE id = $1`,
      [id, ...this.values(f)],
    );
    await this.replaceTargets(id, f);
    return (await this.findById(id)) as CohortRow;
  }

  private async replaceTargets(cohortId: string, f: CohortFields): Promise<void> {
    await affected('DELETE FROM cohort_targets WHERE cohort_id = $1', [cohortId]);
    if (f.targetSiteIds.length + f.targetDepartmentIds.length === 0) return;
    await affected(
      `INSERT INTO cohort_targets (organization_id, cohort_id, site_id, department_id)
       SELECT $1::uuid, $2::uuid, s.id, NULL::uuid FROM unnest($3::uuid[]) AS s(id)
       UNION ALL
       SELECT $1::uuid, $2::uuid, NULL::uuid, d.id FROM unnest($4::uuid[]) AS d(id)`,
      [ExecutionContext.organizationId(), cohortId, f.targetSiteIds, f.targetDepartmentIds],
    );
  }

  async archive(id: string, now: Date): Promise<void> {
    await affected(
      'UPDATE cohorts SET archived_at = $2, updated_at = $2 WHERE id = $1 AND archived_at IS NULL',
      [id, now],
    );
  }

  async findById(id: string, forUpdate = false): Promise<CohortRow | null> {
    return one<CohortRow>(`SELECT ${COLUMNS} FROM cohorts WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [
      id,
    ]);
  }

  async list(includeArchived: boolean, after: CursorPosition | null, limit: number): Promise<CohortRow[]> {
    const params: unknown[] = [];
    const where = ['true'];
    if (!includeArchived) where.push('archived_at IS NULL');
    if (after) where.push(afterCursor(after, params));
    return rows<CohortRow>(
      `SELECT ${COLUMNS} FROM cohorts WHERE ${where.join(' AND ')} ${newestFirst(limit, params)}`,
      params,
    );
  }

  /**
   * Counts per cohort, one per member by their current cycle (withdrawn enrollments are left out; a
   * recertification cycle not yet started nor due counts by the completed one before it). Overdue is judged
   * against the given time. `chainOf`: only the members of that manager's reporting chain (null: everyone).
   */
  async stats(cohortIds: string[], now: Date, chainOf: string | null): Promise<Map<string, CohortStats>> {
    const counts = await rows<
      { cohort_id: string } & Record<
        'enrolled' | 'not_started' | 'in_progress' | 'completed' | 'overdue' | 'exempt',
        number
      >
    >(
      `WITH ${currentCycleCte(
        `e.cohort_id = ANY ($1::uuid[]) AND ($3::uuid IS NULL OR e.membership_id IN ${reportingChainSql('$3')})`,
        '$2',
      )}
       SELECT cohort_id,
              count(*)::int AS enrolled,
              count(*) FILTER (WHERE status = 'not_started')::int AS not_started,
              count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${enrollmentOverdue('$2', 'current_cycle')})::int AS overdue,
              count(*) FILTER (WHERE status = 'exempt')::int AS exempt
         FROM current_cycle GROUP BY cohort_id`,
      [cohortIds, now, chainOf],
    );
    const stats = new Map<string, CohortStats>();
    for (const id of cohortIds) {
      const row = counts.find((r) => r.cohort_id === id);
      const enrolled = row?.enrolled ?? 0;
      const exempt = row?.exempt ?? 0;
      const completed = row?.completed ?? 0;
      stats.set(id, {
        enrolled,
        notStarted: row?.not_started ?? 0,
        inProgress: row?.in_progress ?? 0,
        completed,
        overdue: row?.overdue ?? 0,
        exempt,
        completionRate: completionRate(completed, enrolled, exempt),
      });
    }
    return stats;
  }

  private values(f: CohortFields): unknown[] {
    return [
      f.name,
      f.courseId,
      f.targetJobTitles,
      f.targetRoles,
      f.dueDate,
      f.dueInDays,
      f.intervalMonths,
      f.reminderBeforeDueDays,
      f.reminderOverdueEveryDays,
      f.reminderEscalateAfterDays,
    ];
  }
}
