import { Injectable } from '@nestjs/common';
import { ExecutionContext, memberNameSql, reportingChainSql } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import { dueAt, endOfLocalDay, localDate, MEMBER_MATCHES_COHORT } from './enrollment.sql';

export type EnrollmentStatus = 'not_started' | 'in_progress' | 'completed' | 'exempt' | 'withdrawn';
export const OPEN_STATUSES: EnrollmentStatus[] = ['not_started', 'in_progress'];

export interface EnrollmentRow {
  id: string;
  cohort_id: string;
  membership_id: string;
  member_name: string;
  course_id: string;
  course_code: string;
  course_title: string;
  cycle: number;
  status: EnrollmentStatus;
  due_at: Date | null;
  enrolled_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  exempt_reason: string | null;
  extra_attempts: number;
  modules_completed: number;
  modules_total: number;
  created_at: Date;
  cursor_at: string;
}

export interface ReconcileScope {
  /** null: every cohort. */
  cohortIds: string[] | null;
  /** null: every member. */
  memberIds: string[] | null;
}

export interface NewEnrollment {
  id: string;
  membership_id: string;
  cohort_id: string;
}

const SELECT = `
  SELECT e.id, e.cohort_id, e.membership_id, ${memberNameSql()} AS member_name, e.course_id, co.code AS course_code,
         co.title AS course_title, e.cycle, e.status, e.due_at, e.enrolled_at, e.started_at, e.completed_at,
         e.exempt_reason, e.extra_attempts, e.created_at, e.created_at::text AS cursor_at,
         (SELECT count(*)::int FROM module_progress p WHERE p.enrollment_id = e.id) AS modules_completed,
         (SELECT count(*)::int FROM course_modules cm WHERE cm.course_id = e.course_id) AS modules_total
    FROM enrollments e
    JOIN memberships m ON m.id = e.membership_id
    JOIN users u ON u.id = m.user_id
    JOIN courses co ON co.id = e.course_id`;

const COHORTS_IN_SCOPE = `($1::uuid[] IS NULL OR c.id = ANY ($1))`;

/**
 * The members a reconcile looks at, as `m`: all, or those listed ($3). A list drives the join, so reconciling a
 * batch of 2,000 members probes their enrollments by member instead of scanning a cohort's 100,000 enrollments
 * (which the planner would do while the statistics of a freshly imported table still say it is empty).
 */
function scopedMembers(memberIds: string[] | null): string {
  return memberIds === null
    ? 'memberships m'
    : '(SELECT sm.* FROM unnest($3::uuid[]) AS s(id) JOIN memberships sm ON sm.id = s.id) m';
}

@Injectable()
export class EnrollmentRepository {
  private get db() {
    return ExecutionContext.manager();
  }

  /**
   * Brings enrollments in line with cohort targets for the scope: open enrollments of members who no longer match
   * are withdrawn, withdrawn ones of members who match again reopen, and members who match without an
   * enrollment are enrolled. Returns the new enrollments.
   */
  async reconcile(scope: ReconcileScope, now: Date): Promise<NewEnrollment[]> {
    const params =
      scope.memberIds === null ? [scope.cohortIds, now] : [scope.cohortIds, now, scope.memberIds];
    const members = scopedMembers(scope.memberIds);
    await this.db.query(
      `UPDATE enrollments e SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
         FROM cohorts c, ${members}
        WHERE c.id = e.cohort_id AND m.id = e.membership_id AND e.status IN ('not_started', 'in_progress')
          AND ${COHORTS_IN_SCOPE} AND NOT ${MEMBER_MATCHES_COHORT}`,
      params,
    );
    await this.db.query(
      `UPDATE enrollments e
          SET status = CASE WHEN e.started_at IS NULL THEN 'not_started' ELSE 'in_progress' END,
              -- the cohort's due date may have changed while the enrollment was withdrawn
              due_at = CASE WHEN e.cycle = 1 THEN ${dueAt('e.enrolled_at')} ELSE e.due_at END,
              withdrawn_at = NULL, updated_at = $2
         FROM cohorts c, ${members}, organizations o
        WHERE c.id = e.cohort_id AND m.id = e.membership_id AND o.id = c.organization_id
          AND e.status = 'withdrawn' AND c.archived_at IS NULL
          AND ${COHORTS_IN_SCOPE} AND ${MEMBER_MATCHES_COHORT}
          AND e.cycle = (SELECT max(x.cycle) FROM enrollments x WHERE x.cohort_id = e.cohort_id AND x.membership_id = e.membership_id)`,
      params,
    );
    return this.db.query(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, due_at, enrolled_at, created_at, updated_at)
       SELECT c.organization_id, c.id, m.id, c.course_id, 1, ${dueAt('$2')}, $2, $2, $2
         FROM cohorts c
         JOIN ${members} ON m.organization_id = c.organization_id
         JOIN organizations o ON o.id = c.organization_id
        WHERE c.archived_at IS NULL AND ${COHORTS_IN_SCOPE} AND ${MEMBER_MATCHES_COHORT}
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.membership_id = m.id)
       ON CONFLICT DO NOTHING
       RETURNING id, membership_id, cohort_id`,
      params,
    );
  }

  /** New due dates flow to the open first-cycle enrollments of the cohort. */
  async refreshDueDates(cohortId: string): Promise<number> {
    const [, count] = await this.db.query(
      `UPDATE enrollments e SET due_at = ${dueAt('e.enrolled_at')}, updated_at = now()
         FROM cohorts c JOIN organizations o ON o.id = c.organization_id
        WHERE c.id = e.cohort_id AND e.cohort_id = $1 AND e.cycle = 1 AND e.status IN ('not_started', 'in_progress')`,
      [cohortId],
    );
    return Number(count);
  }

  async findById(id: string): Promise<EnrollmentRow | null> {
    const rows: EnrollmentRow[] = await this.db.query(`${SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lock(id: string): Promise<void> {
    await this.db.query('SELECT 1 FROM enrollments WHERE id = $1 FOR UPDATE', [id]);
  }

  /** `chainOf`: only the enrollments of that manager's reporting chain (null: all). */
  async listForCohort(
    cohortId: string,
    after: CursorPosition | null,
    limit: number,
    chainOf: string | null = null,
  ): Promise<EnrollmentRow[]> {
    const params: unknown[] = [cohortId];
    const where = ['e.cohort_id = $1'];
    if (chainOf) where.push(`e.membership_id IN ${reportingChainSql(`$${params.push(chainOf)}`)}`);
    if (after) where.push(afterCursor(after, params, 'e.created_at', 'e.id'));
    return this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'e.created_at', 'e.id')}`,
      params,
    );
  }

  async listForMember(
    membershipId: string,
    after: CursorPosition | null,
    limit: number,
  ): Promise<EnrollmentRow[]> {
    const params: unknown[] = [membershipId];
    const where = ['e.membership_id = $1', `e.status <> 'withdrawn'`];
    if (after) where.push(afterCursor(after, params, 'e.created_at', 'e.id'));
    return this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'e.created_at', 'e.id')}`,
      params,
    );
  }

  async markStarted(id: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE enrollments SET status = 'in_progress', started_at = coalesce(started_at, $2), updated_at = $2
        WHERE id = $1 AND status = 'not_started'`,
      [id, now],
    );
  }

  /** Passing completes every open enrollment of the member for the course (any version), whatever the cohort. */
  async completeOpenForCourse(
    membershipId: string,
    courseCode: string,
    now: Date,
  ): Promise<Array<{ id: string; cohort_id: string }>> {
    const [rows] = await this.db.query(
      `UPDATE enrollments e SET status = 'completed', completed_at = $3, started_at = coalesce(e.started_at, $3), updated_at = $3
         FROM courses co
        WHERE co.id = e.course_id AND co.code = $2 AND e.membership_id = $1 AND e.status IN ('not_started', 'in_progress')
        RETURNING e.id, e.cohort_id`,
      [membershipId, courseCode, now],
    );
    return rows as Array<{ id: string; cohort_id: string }>;
  }

  /** Annual recertification: a completed cycle of a recurring cohort opens the next one, due N months later. */
  async openNextCycles(completedIds: string[], now: Date): Promise<NewEnrollment[]> {
    return this.db.query(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, due_at, enrolled_at, created_at, updated_at)
       SELECT e.organization_id, c.id, e.membership_id, c.course_id, e.cycle + 1,
              ${endOfLocalDay(`(${localDate('$2')} + make_interval(months => c.interval_months))::date`)}, $2, $2, $2
         FROM enrollments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN organizations o ON o.id = c.organization_id
        WHERE e.id = ANY ($1::uuid[]) AND c.interval_months IS NOT NULL AND c.archived_at IS NULL
       ON CONFLICT DO NOTHING
       RETURNING id, membership_id, cohort_id`,
      [completedIds, now],
    );
  }

  async exempt(id: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE enrollments SET status = 'exempt', exempt_reason = $2, updated_at = $3 WHERE id = $1`,
      [id, reason, now],
    );
  }

  async grantAttempts(id: string, count: number): Promise<number> {
    const [rows] = await this.db.query(
      `UPDATE enrollments SET extra_attempts = extra_attempts + $2, updated_at = now() WHERE id = $1 RETURNING extra_attempts`,
      [id, count],
    );
    return (rows as Array<{ extra_attempts: number }>)[0].extra_attempts;
  }

  async completeModule(enrollmentId: string, moduleId: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO module_progress (organization_id, enrollment_id, module_id, completed_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [ExecutionContext.organizationId(), enrollmentId, moduleId, now],
    );
  }
}
