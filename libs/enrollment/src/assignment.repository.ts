import { Injectable } from '@nestjs/common';

/**
 * The assignment mail of new enrollments, as a SELECT for the outbox (kind, email, user_id, dedupe_key, payload).
 * `url` is the learner area; each mail links to its own enrollment there. The due date is shown in the member's
 * site zone, else the organization's, in the member's language (their own choice, else the organization's entry).
 */
@Injectable()
export class AssignmentRepository {
  mailsFor(enrollmentIds: string[], url: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT 'assignment_created' AS kind, u.email, u.id AS user_id, 'assignment_created:' || e.id AS dedupe_key,
                   jsonb_build_object(
                     'recipientName', u.name, 'courseTitle', co.title, 'cohortName', c.name,
                     'url', $2::text || '/enrollments/' || e.id,
                     'dueAt', to_char(e.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'timeZone', coalesce(s.timezone, o.timezone),
                     'locale', coalesce(u.locale, m.locale, 'en')) AS payload
              FROM enrollments e
              JOIN cohorts c ON c.id = e.cohort_id
              JOIN courses co ON co.id = e.course_id
              JOIN memberships m ON m.id = e.membership_id
              JOIN users u ON u.id = m.user_id
              JOIN organizations o ON o.id = m.organization_id
              LEFT JOIN sites s ON s.id = m.site_id
             WHERE e.id = ANY ($1::uuid[])`,
      params: [enrollmentIds, url],
    };
  }
}
