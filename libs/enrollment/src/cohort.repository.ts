import { Injectable } from '@nestjs/common';
import { ExecutionContext } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

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

const COLUMNS = `id, name, course_id, target_site_ids, target_department_ids, target_job_titles, target_roles,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, due_in_days, interval_months, reminder_before_due_days,
  reminder_overdue_every_days, reminder_escalate_after_days, archived_at, created_at, updated_at,
  created_at::text AS cursor_at`;

@Injectable()
export class CohortRepository {
  private get db() {
    return ExecutionContext.manager();
  }

  async insert(f: CohortFields): Promise<CohortRow> {
    const rows: CohortRow[] = await this.db.query(
      `INSERT INTO cohorts (organization_id, name, course_id, target_site_ids, target_department_ids, target_job_titles,
                            target_roles, due_date, due_in_days, interval_months, reminder_before_due_days,
                            reminder_overdue_every_days, reminder_escalate_after_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
      [ExecutionContext.organizationId(), ...this.values(f)],
    );
    return rows[0];
  }

  async update(id: string, f: CohortFields): Promise<CohortRow> {
    const [rows] = await this.db.query(
      `UPDATE cohorts SET name = $2, course_id = $3, target_site_ids = $4, target_department_ids = $5,
              target_job_titles = $6, target_roles = $7, due_date = $8, due_in_days = $9, interval_months = $10,
              reminder_before_due_days = $11, reminder_overdue_every_days = $12, reminder_escalate_after_days = $13,
              updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...this.values(f)],
    );
    return (rows as CohortRow[])[0];
  }

  async archive(id: string): Promise<void> {
    await this.db.query(
      'UPDATE cohorts SET archived_at = now(), updated_at = now() WHERE id = $1 AND archived_at IS NULL',
      [id],
    );
  }

  async findById(id: string, forUpdate = false): Promise<CohortRow | null> {
    const rows: CohortRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM cohorts WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(includeArchived: boolean, after: CursorPosition | null, limit: number): Promise<CohortRow[]> {
    const params: unknown[] = [];
    const where = ['true'];
    if (!includeArchived) where.push('archived_at IS NULL');
    if (after) where.push(afterCursor(after, params));
    return this.db.query(
      `SELECT ${COLUMNS} FROM cohorts WHERE ${where.join(' AND ')} ${newestFirst(limit, params)}`,
      params,
    );
  }

  /**
   * Counts per cohort, one per member by their current cycle (withdrawn enrollments are left out; a
   * recertification cycle not yet started nor due counts by the completed one before it). Overdue is judged
   * against the given time.
   */
  async stats(cohortIds: string[], now: Date): Promise<Map<string, CohortStats>> {
    const rows: Array<
      { cohort_id: string } & Record<
        'enrolled' | 'not_started' | 'in_progress' | 'completed' | 'overdue' | 'exempt',
        number
      >
    > = await this.db.query(
      `WITH ranked AS (
         SELECT e.cohort_id, e.membership_id, e.cycle, e.status, e.due_at,
                row_number() OVER (PARTITION BY e.cohort_id, e.membership_id ORDER BY e.cycle DESC) AS rank
           FROM enrollments e WHERE e.cohort_id = ANY ($1::uuid[]) AND e.status <> 'withdrawn'
       ), upcoming AS (
         -- A recertification cycle neither started nor due yet: the member still counts by the cycle they
         -- completed, not as "not started".
         SELECT cohort_id, membership_id FROM ranked
          WHERE rank = 1 AND cycle > 1 AND status = 'not_started' AND (due_at IS NULL OR due_at >= $2)
       ), current_cycle AS (
         SELECT r.* FROM ranked r
          WHERE (r.rank = 1 AND NOT EXISTS (SELECT 1 FROM upcoming u
                                             WHERE u.cohort_id = r.cohort_id AND u.membership_id = r.membership_id))
             OR (r.rank = 2 AND EXISTS (SELECT 1 FROM upcoming u
                                         WHERE u.cohort_id = r.cohort_id AND u.membership_id = r.membership_id))
       )
       SELECT cohort_id,
              count(*) FILTER (WHERE status <> 'withdrawn')::int AS enrolled,
              count(*) FILTER (WHERE status = 'not_started')::int AS not_started,
              count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status IN ('not_started', 'in_progress') AND due_at < $2)::int AS overdue,
              count(*) FILTER (WHERE status = 'exempt')::int AS exempt
         FROM current_cycle GROUP BY cohort_id`,
      [cohortIds, now],
    );
    const stats = new Map<string, CohortStats>();
    for (const id of cohortIds) {
      const row = rows.find((r) => r.cohort_id === id);
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
        completionRate:
          enrolled - exempt > 0 ? Math.round((completed / (enrolled - exempt)) * 10_000) / 10_000 : null,
      });
    }
    return stats;
  }

  private values(f: CohortFields): unknown[] {
    return [
      f.name,
      f.courseId,
      f.targetSiteIds,
      f.targetDepartmentIds,
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
