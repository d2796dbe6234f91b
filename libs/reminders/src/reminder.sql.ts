import { memberNameSql } from '@beacon/core/database';

/**
 * SQL fragments shared by the sweep (what is owed) and the send-time checks (is it still owed), so both read the
 * policy the same way. Every instant is a parameter (the injected clock's), never now(). `$org` is the
 * organization's id parameter: organizations itself has no row security.
 */

export const REMINDER_KINDS = ['due_soon', 'overdue', 'escalation'] as const;

/** An ISO-8601 UTC instant, as the API and payloads write them. */
export function isoInstant(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const OPEN_ENROLLMENT_JOINS = `enrollments e
    JOIN cohorts c ON c.id = e.cohort_id
    JOIN memberships m ON m.id = e.membership_id`;

function openEnrollmentFilter(org: string): string {
  return `e.organization_id = ${org} AND e.status IN ('not_started', 'in_progress') AND e.due_at IS NOT NULL
     AND c.archived_at IS NULL AND m.status <> 'deactivated'`;
}

/**
 * Enrollments still owed by their learner (`e`), with their cohort (`c`), membership (`m`), person (`u`) and course
 * (`co`): open, with a due date, the cohort not archived, the member not deactivated.
 */
export function openEnrollments(org: string): string {
  return `${OPEN_ENROLLMENT_JOINS}
    JOIN users u ON u.id = m.user_id
    JOIN courses co ON co.id = e.course_id
   WHERE ${openEnrollmentFilter(org)}`;
}

/**
 * The same enrollments without the person and the course (both always exist): a sweep joins those only for what is
 * still owed, so a sweep with nothing new owed reads no person and no course.
 */
export function openEnrollmentsAlone(org: string): string {
  return `${OPEN_ENROLLMENT_JOINS}
   WHERE ${openEnrollmentFilter(org)}`;
}

/** The name an organization shows for a member: its own until the person joins. */
export const MEMBER_NAME = memberNameSql();

/**
 * `escalated`: every enrollment overdue by its cohort's `escalateAfterDays` at `now`, once per recipient: the
 * member's manager when that membership is active, else every active educator of the organization (not the member
 * themselves). Columns: enrollment_id, cycle, due_at, member_name, course_title, recipient_id.
 */
export function escalatedCte(org: string, now: string): string {
  return `overdue_enough AS (
      SELECT e.id AS enrollment_id, e.cycle, e.due_at, e.membership_id, m.manager_id,
             ${MEMBER_NAME} AS member_name, co.title AS course_title
        FROM ${openEnrollments(org)}
         AND e.due_at + make_interval(days => c.reminder_escalate_after_days) < ${now}
    ),
    educators AS (
      SELECT id FROM memberships
       WHERE organization_id = ${org} AND status = 'active' AND 'educator' = ANY (roles)
    ),
    escalated AS (
      SELECT x.enrollment_id, x.cycle, x.due_at, x.member_name, x.course_title, mg.id AS recipient_id
        FROM overdue_enough x JOIN memberships mg ON mg.id = x.manager_id AND mg.status = 'active'
      UNION ALL
      SELECT x.enrollment_id, x.cycle, x.due_at, x.member_name, x.course_title, ed.id
        FROM overdue_enough x JOIN educators ed ON ed.id <> x.membership_id
       WHERE NOT EXISTS (SELECT 1 FROM memberships mg WHERE mg.id = x.manager_id AND mg.status = 'active')
    )`;
}

/**
 * The digest's list for recipient `r` (columns recipient_id, zone) from `escalated`: each report's name, course,
 * due date and whole days overdue counted in the recipient's calendar, oldest due first.
 */
export function reportsJson(now: string, r = 'r'): string {
  return `(SELECT jsonb_agg(jsonb_build_object(
              'name', x.member_name, 'courseTitle', x.course_title, 'dueAt', ${isoInstant('x.due_at')},
              'daysOverdue', ((${now})::timestamptz AT TIME ZONE ${r}.zone)::date - (x.due_at AT TIME ZONE ${r}.zone)::date)
            ORDER BY x.due_at, x.member_name, x.enrollment_id)
     FROM escalated x WHERE x.recipient_id = ${r}.recipient_id)`;
}

/** A recipient's language: their own choice, else what the organization entered, else English. */
export const RECIPIENT_LOCALE = `coalesce(u.locale, m.locale, 'en')`;
/** A recipient's zone: their site's, else the organization's (`o`). */
export const RECIPIENT_ZONE = `coalesce(s.timezone, o.timezone)`;
