import { Injectable } from '@nestjs/common';
import {
  affected,
  ExecutionContext,
  memberNameSql,
  one,
  preparedRows,
  reportingChainSql,
  rows,
} from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import {
  COHORT_CURRENT_COURSE,
  dueAt,
  endOfLocalDay,
  enrollmentOpen,
  enrollmentOverdue,
  localDate,
  MEMBER_MATCHES_COHORT,
} from './enrollment.sql';

export type EnrollmentStatus = 'not_started' | 'in_progress' | 'completed' | 'exempt' | 'withdrawn';

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
  /** Open and past due at the clock's now (enrollment.sql.ts). */
  overdue: boolean;
  /** The course's attempts plus any granted, less those submitted; never below 0. */
  attempts_remaining: number;
  created_at: Date;
  cursor_at: string;
}

/** An enrollment completed by attending a live session: which, when, and the session's length in minutes. */
export interface LiveCompletion {
  live_session_id: string;
  completed_at: Date;
  minutes: number;
}

/** A module of an enrollment's course version with the learner's progress on it. */
export interface PlayerModuleRow {
  module_id: string;
  opened_at: Date | null;
  completable_at: Date | null;
  completed_at: Date | null;
}

/** Where an enrollment stands after its modules: assessment, evaluation, certificate. */
export interface PlayerStateRow {
  evaluation_required: boolean;
  evaluation_given: boolean;
  assessment_passed: boolean;
  certificate_id: string | null;
  open_attempt_id: string | null;
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

/** The enrollment columns every view needs; `now` (a parameter) decides `overdue`. */
const select = (now: string) => `
  SELECT ${enrollmentOverdue(now)} AS overdue, e.id, e.cohort_id, e.membership_id, ${memberNameSql()} AS member_name, e.course_id, co.code AS course_code,
         co.title AS course_title, e.cycle, e.status, e.due_at, e.enrolled_at, e.started_at, e.completed_at,
         e.exempt_reason, e.extra_attempts, e.created_at, e.created_at::text AS cursor_at,
         (SELECT count(*)::int FROM module_progress p WHERE p.enrollment_id = e.id) AS modules_completed,
         (SELECT count(*)::int FROM course_modules cm WHERE cm.course_id = e.course_id) AS modules_total,
         greatest(0, co.max_attempts + e.extra_attempts
           - (SELECT count(*)::int FROM assessment_attempts a WHERE a.enrollment_id = e.id AND a.submitted_at IS NOT NULL))
           AS attempts_remaining
    FROM enrollments e
    JOIN memberships m ON m.id = e.membership_id
    JOIN users u ON u.id = m.user_id
    JOIN courses co ON co.id = e.course_id`;

/** A module counts for at most this many times its estimated minutes: an idle open tab does not add time. */
export const MODULE_TIME_CAP = 3;
/** The passing attempt counts for at most this many minutes per question drawn. */
export const ATTEMPT_MINUTES_PER_QUESTION = 2;

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
  constructor(private readonly clock: Clock) {}

  /**
   * Brings enrollments in line with cohort targets for the scope: open enrollments of members who no longer match
   * are withdrawn, withdrawn ones of members who match again reopen (on their version), and members who match
   * without an enrollment are enrolled on the current version of the cohort's course. Returns the new enrollments.
   */
  async reconcile(scope: ReconcileScope, now: Date): Promise<NewEnrollment[]> {
    const params =
      scope.memberIds === null ? [scope.cohortIds, now] : [scope.cohortIds, now, scope.memberIds];
    const members = scopedMembers(scope.memberIds);
    await affected(
      `UPDATE enrollments e SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
         FROM cohorts c, ${members}
        WHERE c.id = e.cohort_id AND m.id = e.membership_id AND ${enrollmentOpen()}
          AND ${COHORTS_IN_SCOPE} AND NOT ${MEMBER_MATCHES_COHORT}`,
      params,
    );
    await affected(
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
    return rows<NewEnrollment>(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, due_at, enrolled_at, created_at, updated_at)
       SELECT c.organization_id, c.id, m.id, ${COHORT_CURRENT_COURSE.id}, 1, ${dueAt('$2')}, $2, $2, $2
         FROM cohorts c
         ${COHORT_CURRENT_COURSE.join}
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
    return affected(
      `UPDATE enrollments e SET due_at = ${dueAt('e.enrolled_at')}, updated_at = $2
         FROM cohorts c JOIN organizations o ON o.id = c.organization_id
        WHERE c.id = e.cohort_id AND e.cohort_id = $1 AND e.cycle = 1 AND ${enrollmentOpen()}`,
      [cohortId, this.clock.now()],
    );
  }

  async findById(id: string): Promise<EnrollmentRow | null> {
    return one<EnrollmentRow>(`${select('$2')} WHERE e.id = $1`, [id, this.clock.now()]);
  }

  async lock(id: string): Promise<void> {
    await rows('SELECT 1 FROM enrollments WHERE id = $1 FOR UPDATE', [id]);
  }

  /**
   * Locks the member's open enrollments of the course (any version, any cohort) and the given one, always in id
   * order: two passes on two cohorts' enrollments of one course then queue behind each other instead of each
   * holding one row and waiting for the other's (a deadlock).
   */
  async lockForCompletion(membershipId: string, courseCode: string, enrollmentId: string): Promise<void> {
    await rows(
      `SELECT e.id FROM enrollments e JOIN courses co ON co.id = e.course_id
        WHERE e.membership_id = $1 AND co.code = $2
          AND (e.status IN ('not_started', 'in_progress') OR e.id = $3)
        ORDER BY e.id FOR UPDATE OF e`,
      [membershipId, courseCode, enrollmentId],
    );
  }

  /** `chainOf`: only the enrollments of that manager's reporting chain (null: all). */
  async listForCohort(
    cohortId: string,
    after: CursorPosition | null,
    limit: number,
    chainOf: string | null = null,
  ): Promise<EnrollmentRow[]> {
    const params: unknown[] = [cohortId, this.clock.now()];
    const where = ['e.cohort_id = $1'];
    if (chainOf) where.push(`e.membership_id IN ${reportingChainSql(`$${params.push(chainOf)}`)}`);
    if (after) where.push(afterCursor(after, params, 'e.created_at', 'e.id'));
    return rows<EnrollmentRow>(
      `${select('$2')} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'e.created_at', 'e.id')}`,
      params,
    );
  }

  async listForMember(
    membershipId: string,
    after: CursorPosition | null,
    limit: number,
  ): Promise<EnrollmentRow[]> {
    const params: unknown[] = [membershipId, this.clock.now()];
    const where = ['e.membership_id = $1', `e.status <> 'withdrawn'`];
    if (after) where.push(afterCursor(after, params, 'e.created_at', 'e.id'));
    // The learner's home page on every visit: planned once per connection.
    return preparedRows<EnrollmentRow>(
      `${select('$2')} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'e.created_at', 'e.id')}`,
      params,
    );
  }

  async markStarted(id: string, now: Date): Promise<void> {
    await affected(
      `UPDATE enrollments SET status = 'in_progress', started_at = coalesce(started_at, $2), updated_at = $2
        WHERE id = $1 AND status = 'not_started'`,
      [id, now],
    );
  }

  /**
   * Passing (or attending a live session of the course, `liveSessionId`) completes every open enrollment of the
   * member for the course (any version), whatever the cohort.
   */
  async completeOpenForCourse(
    membershipId: string,
    courseCode: string,
    now: Date,
    liveSessionId: string | null = null,
  ): Promise<Array<{ id: string; cohort_id: string }>> {
    return rows<{ id: string; cohort_id: string }>(
      `UPDATE enrollments e SET status = 'completed', completed_at = $3, started_at = coalesce(e.started_at, $3), updated_at = $3,
              completed_live_session_id = $4
         FROM courses co
        WHERE co.id = e.course_id AND co.code = $2 AND e.membership_id = $1 AND ${enrollmentOpen()}
        RETURNING e.id, e.cohort_id`,
      [membershipId, courseCode, now, liveSessionId],
    );
  }

  /** As `lockForCompletion`, when no enrollment is being acted on (a live session's attendance). */
  async lockOpenForCourse(membershipId: string, courseCode: string): Promise<void> {
    await rows(
      `SELECT e.id FROM enrollments e JOIN courses co ON co.id = e.course_id
        WHERE e.membership_id = $1 AND co.code = $2 AND e.status IN ('not_started', 'in_progress')
        ORDER BY e.id FOR UPDATE OF e`,
      [membershipId, courseCode],
    );
  }

  /** The enrollments a live session completed for the member, oldest first. */
  completedByLiveSession(membershipId: string, liveSessionId: string): Promise<Array<{ id: string }>> {
    return rows<{ id: string }>(
      `SELECT id FROM enrollments WHERE membership_id = $1 AND completed_live_session_id = $2 ORDER BY id`,
      [membershipId, liveSessionId],
    );
  }

  /**
   * How a live session completed the enrollment (when, the session's length), for the certificate; null if none
   * did. When it completed several of the member's enrollments, only the first (by id) carries the certificate.
   */
  liveCompletion(enrollmentId: string): Promise<LiveCompletion | null> {
    return one<LiveCompletion>(
      `SELECT e.completed_live_session_id AS live_session_id, e.completed_at,
              round(extract(epoch FROM s.ends_at - s.starts_at) / 60)::int AS minutes
         FROM enrollments e
         JOIN live_sessions s ON s.organization_id = e.organization_id AND s.id = e.completed_live_session_id
        WHERE e.id = $1 AND e.status = 'completed'
          AND NOT EXISTS (SELECT 1 FROM enrollments x
                           WHERE x.membership_id = e.membership_id
                             AND x.completed_live_session_id = e.completed_live_session_id AND x.id < e.id)`,
      [enrollmentId],
    );
  }

  /**
   * Annual recertification: a completed cycle of a recurring cohort opens the next one, due N months later, on the
   * course version current then.
   */
  async openNextCycles(completedIds: string[], now: Date): Promise<NewEnrollment[]> {
    return rows<NewEnrollment>(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, due_at, enrolled_at, created_at, updated_at)
       SELECT e.organization_id, c.id, e.membership_id, ${COHORT_CURRENT_COURSE.id}, e.cycle + 1,
              ${endOfLocalDay(`(${localDate('$2')} + make_interval(months => c.interval_months))::date`)}, $2, $2, $2
         FROM enrollments e
         JOIN cohorts c ON c.id = e.cohort_id
         ${COHORT_CURRENT_COURSE.join}
         JOIN organizations o ON o.id = c.organization_id
        WHERE e.id = ANY ($1::uuid[]) AND c.interval_months IS NOT NULL AND c.archived_at IS NULL
       ON CONFLICT DO NOTHING
       RETURNING id, membership_id, cohort_id`,
      [completedIds, now],
    );
  }

  async exempt(id: string, reason: string, now: Date): Promise<void> {
    await affected(
      `UPDATE enrollments SET status = 'exempt', exempt_reason = $2, updated_at = $3 WHERE id = $1`,
      [id, reason, now],
    );
  }

  async grantAttempts(id: string, count: number): Promise<number> {
    const [row] = await rows<{ extra_attempts: number }>(
      `UPDATE enrollments SET extra_attempts = extra_attempts + $2, updated_at = $3 WHERE id = $1 RETURNING extra_attempts`,
      [id, count, this.clock.now()],
    );
    return row.extra_attempts;
  }

  async completeModule(enrollmentId: string, moduleId: string, now: Date): Promise<void> {
    await affected(
      `INSERT INTO module_progress (organization_id, enrollment_id, module_id, completed_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [ExecutionContext.organizationId(), enrollmentId, moduleId, now],
    );
  }

  /** Records the first opening of a module (later ones change nothing) and answers when that was. */
  async openModule(enrollmentId: string, moduleId: string, now: Date): Promise<Date> {
    await rows(
      `INSERT INTO module_openings (organization_id, enrollment_id, module_id, opened_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [ExecutionContext.organizationId(), enrollmentId, moduleId, now],
    );
    return (await this.openedAt(enrollmentId, moduleId)) as Date;
  }

  async openedAt(enrollmentId: string, moduleId: string): Promise<Date | null> {
    const row = await one<{ opened_at: Date }>(
      'SELECT opened_at FROM module_openings WHERE enrollment_id = $1 AND module_id = $2',
      [enrollmentId, moduleId],
    );
    return row?.opened_at ?? null;
  }

  /**
   * Every module of the enrollment's course version in order, with its first opening, when it can be completed
   * (the opening + `minTimeShare` × its estimated minutes) and its completion: one statement for all modules.
   */
  async playerModules(enrollmentId: string, minTimeShare: number): Promise<PlayerModuleRow[]> {
    return rows<PlayerModuleRow>(
      `SELECT cm.id AS module_id, o.opened_at, p.completed_at,
              o.opened_at + make_interval(secs => $2::float8 * cm.estimated_minutes * 60) AS completable_at
         FROM enrollments e
         JOIN course_modules cm ON cm.course_id = e.course_id
         LEFT JOIN module_openings o ON o.enrollment_id = e.id AND o.module_id = cm.id
         LEFT JOIN module_progress p ON p.enrollment_id = e.id AND p.module_id = cm.id
        WHERE e.id = $1
        ORDER BY cm.position`,
      [enrollmentId, minTimeShare],
    );
  }

  async playerState(enrollmentId: string): Promise<PlayerStateRow> {
    return (await one<PlayerStateRow>(
      `SELECT co.requires_evaluation AS evaluation_required,
              EXISTS (SELECT 1 FROM course_evaluations ev
                       WHERE ev.organization_id = e.organization_id AND ev.enrollment_id = e.id) AS evaluation_given,
              EXISTS (SELECT 1 FROM assessment_attempts a WHERE a.enrollment_id = e.id AND a.passed) AS assessment_passed,
              (SELECT c.id FROM certificates c
                WHERE c.organization_id = e.organization_id AND c.membership_id = e.membership_id
                  AND c.enrollment_id = e.id AND c.revoked_at IS NULL
                ORDER BY c.issued_at DESC LIMIT 1) AS certificate_id,
              (SELECT a.id FROM assessment_attempts a
                WHERE a.enrollment_id = e.id AND a.submitted_at IS NULL LIMIT 1) AS open_attempt_id
         FROM enrollments e JOIN courses co ON co.id = e.course_id
        WHERE e.id = $1`,
      [enrollmentId],
    )) as PlayerStateRow;
  }

  async isModuleCompleted(enrollmentId: string, moduleId: string): Promise<boolean> {
    const row = await one<{ id: string }>(
      'SELECT module_id AS id FROM module_progress WHERE enrollment_id = $1 AND module_id = $2',
      [enrollmentId, moduleId],
    );
    return row !== null;
  }

  /**
   * The minutes a learner actually spent on an enrollment, for the certificate: for each completed module, the time
   * from its first opening to its completion, at most MODULE_TIME_CAP times its estimate (a tab left open overnight
   * is not study); a module completed without being opened (MODULE_MIN_TIME_SHARE=0) adds nothing; plus the
   * passing attempt from start to submit, at most ATTEMPT_MINUTES_PER_QUESTION per question drawn. Rounded to the
   * nearest minute.
   */
  async timeSpentMinutes(enrollmentId: string, attemptId: string): Promise<number> {
    const row = await one<{ minutes: number }>(
      `SELECT round((
                coalesce((SELECT sum(least(extract(epoch FROM p.completed_at - o.opened_at),
                                           cm.estimated_minutes * 60 * $3))
                            FROM module_progress p
                            JOIN module_openings o ON o.enrollment_id = p.enrollment_id AND o.module_id = p.module_id
                            JOIN course_modules cm ON cm.id = p.module_id
                           WHERE p.enrollment_id = $1 AND p.completed_at > o.opened_at), 0)
              + coalesce((SELECT least(extract(epoch FROM a.submitted_at - a.started_at),
                                       jsonb_array_length(a.questions) * 60 * $4)
                            FROM assessment_attempts a
                           WHERE a.id = $2 AND a.submitted_at > a.started_at), 0)
             ) / 60)::int AS minutes`,
      [enrollmentId, attemptId, MODULE_TIME_CAP, ATTEMPT_MINUTES_PER_QUESTION],
    );
    return row?.minutes ?? 0;
  }
}
