/**
 * SQL fragments shared by the enrollment statements. `c` is a cohort, `m` a membership, `o` the organization.
 * All matching is set-based, so a 100,000-member import reconciles in a handful of statements.
 */

/** A member matches a cohort's target (see API.md "Cohorts and enrollments"). */
export const MEMBER_MATCHES_COHORT = `(
  m.status <> 'deactivated'
  AND ((cardinality(c.target_site_ids) = 0 AND cardinality(c.target_department_ids) = 0)
       OR m.site_id = ANY (c.target_site_ids) OR m.department_id = ANY (c.target_department_ids))
  AND (cardinality(c.target_job_titles) = 0 OR lower(m.job_title) = ANY (c.target_job_titles))
  AND (cardinality(c.target_roles) = 0 OR m.roles && c.target_roles)
)`;

/** The end of a local calendar day in the organization's time zone, as an instant. */
export function endOfLocalDay(dateExpression: string): string {
  return `((((${dateExpression}) + 1)::timestamp AT TIME ZONE o.timezone) - interval '1 millisecond')`;
}

/** The local date of an instant in the organization's time zone. */
export function localDate(instantExpression: string): string {
  return `((${instantExpression})::timestamptz AT TIME ZONE o.timezone)::date`;
}

/** The due instant of a first-cycle enrollment made at `enrolledAt`: a fixed date, or N days after enrollment. */
export function dueAt(enrolledAtExpression: string): string {
  return `CASE WHEN c.due_date IS NOT NULL THEN ${endOfLocalDay('c.due_date')}
               WHEN c.due_in_days IS NOT NULL THEN ${endOfLocalDay(`${localDate(enrolledAtExpression)} + c.due_in_days`)}
          END`;
}
