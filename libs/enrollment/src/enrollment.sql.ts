/**
 * SQL fragments shared by the enrollment statements. `c` is a cohort, `m` a membership, `o` the organization.
 * All matching is set-based, so a 100,000-member import reconciles in a handful of statements.
 */

/**
 * Where a target comes from, as SQL: `places` is a relation of `(site_id, department_id)` rows (one of them set),
 * `jobTitles` (lower-cased) and `roles` are text arrays.
 */
export interface TargetSql {
  places: string;
  jobTitles: string;
  roles: string;
}

/**
 * A member `m` matches a target (see API.md "Cohorts and enrollments"). The one definition, for enrollment (a
 * cohort's stored target) and for the preview of a target not yet saved, so the count shown is who gets enrolled.
 */
export function memberMatchesTarget(target: TargetSql): string {
  return `(
  m.status <> 'deactivated'
  AND (NOT EXISTS (SELECT 1 FROM ${target.places} t)
       OR EXISTS (SELECT 1 FROM ${target.places} t WHERE t.site_id = m.site_id OR t.department_id = m.department_id))
  AND (cardinality(${target.jobTitles}) = 0 OR lower(m.job_title) = ANY (${target.jobTitles}))
  AND (cardinality(${target.roles}) = 0 OR m.roles && ${target.roles})
)`;
}

/** A member matches the target of cohort `c`. */
export const MEMBER_MATCHES_COHORT = memberMatchesTarget({
  places: '(SELECT ct.site_id, ct.department_id FROM cohort_targets ct WHERE ct.cohort_id = c.id)',
  jobTitles: 'c.target_job_titles',
  roles: 'c.target_roles',
});

/**
 * The course version a new enrollment of cohort `c` takes: the current (published) version of the cohort's course
 * code, so members who match later and a recurring cohort's next cycle get the version in force then; the cohort's
 * own version when none of its code is published. Joined (not a per-row subquery) because a reconcile inserts up to
 * a whole roster at once. `join` goes after `cohorts c`; `id` is the column to insert.
 */
export const COHORT_CURRENT_COURSE = {
  join: `JOIN courses cohort_course ON cohort_course.id = c.course_id
         LEFT JOIN courses current_course ON current_course.code = cohort_course.code
                                         AND current_course.status = 'published'`,
  id: 'coalesce(current_course.id, c.course_id)',
};

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

/**
 * The one definition of an enrollment's state. Time is always a parameter (the injected clock's now), never the
 * database's now(), so tests and reports agree on what was overdue when.
 */

/** Still owed by the learner. */
export function enrollmentOpen(e = 'e'): string {
  return `${e}.status IN ('not_started', 'in_progress')`;
}

/**
 * Open and past its due instant at `now` (an SQL expression: a parameter). Without a due date it is false, not
 * NULL: the answer is a boolean, and `overdue = false` must find it.
 */
export function enrollmentOverdue(now: string, e = 'e'): string {
  return `(${enrollmentOpen(e)} AND ${e}.due_at IS NOT NULL AND ${e}.due_at < ${now})`;
}

/**
 * The enrollments that count for each member of a cohort: the newest cycle that is not withdrawn, except that a
 * recertification cycle neither started nor due yet at `now` counts by the completed cycle before it (the member is
 * not "not started" the day after they completed). `scope` is a condition on `e` (e.g. the cohorts of interest).
 * Yields the enrollment columns of `e` as a CTE named `current_cycle`.
 */
export function currentCycleCte(scope: string, now: string): string {
  return rankedCycleCtes(scope, now, 'current_cycle');
}

/**
 * `currentCycleCte` for reads of a whole organization (report exports): the same rows, the same columns. Until a
 * cycle beyond the first exists in `scope`, every enrollment is the one cycle of its member and cohort (cycles are
 * unique per member and cohort) and no recertification can be upcoming, so the current cycles are the enrollments
 * that are not withdrawn: one scan, instead of ranking every enrollment by cycle (a sort of them all at 1,000,000).
 * Most organizations never recertify. Which branch runs is decided once, when the statement starts.
 */
export function currentCycleBulkCte(scope: string, now: string): string {
  return `${rankedCycleCtes(scope, now, 'ranked_cycle')}, recertifying AS (
         SELECT EXISTS (SELECT 1 FROM enrollments e WHERE ${scope} AND e.cycle > 1) AS any_cycle
       ), current_cycle AS (
         SELECT e.*, 1::bigint AS cycle_rank FROM enrollments e
          WHERE ${scope} AND e.status <> 'withdrawn' AND NOT (SELECT any_cycle FROM recertifying)
         UNION ALL
         SELECT * FROM ranked_cycle WHERE (SELECT any_cycle FROM recertifying)
       )`;
}

function rankedCycleCtes(scope: string, now: string, name: string): string {
  return `ranked AS (
         SELECT e.*, row_number() OVER (PARTITION BY e.cohort_id, e.membership_id ORDER BY e.cycle DESC) AS cycle_rank
           FROM enrollments e WHERE ${scope} AND e.status <> 'withdrawn'
       ), upcoming AS (
         SELECT cohort_id, membership_id FROM ranked
          WHERE cycle_rank = 1 AND cycle > 1 AND status = 'not_started' AND (due_at IS NULL OR due_at >= ${now})
       ), ${name} AS (
         SELECT r.* FROM ranked r
          WHERE (r.cycle_rank = 1 AND NOT EXISTS (SELECT 1 FROM upcoming u
                                                   WHERE u.cohort_id = r.cohort_id AND u.membership_id = r.membership_id))
             OR (r.cycle_rank = 2 AND EXISTS (SELECT 1 FROM upcoming u
                                               WHERE u.cohort_id = r.cohort_id AND u.membership_id = r.membership_id))
       )`;
}
