import { Injectable } from '@nestjs/common';
import { memberNameSql, one, reportingChainSql, rows } from '@beacon/core/database';
import type { RequirementFrequency } from './state-requirement.types';

export const GAP_STATUSES = ['open', 'met', 'all'] as const;
export type GapStatusFilter = (typeof GAP_STATUSES)[number];

/** Why a gap is open, as a code (the `reason` beside it says it in words, with the figures). */
export const GAP_REASON_CODES = [
  'license_type_not_recognised',
  'no_approved_course',
  'not_approved',
  'insufficient_hours',
  'outside_period',
  'no_completion',
] as const;
export type GapReasonCode = (typeof GAP_REASON_CODES)[number];

export interface GapFilter {
  siteId?: string;
  departmentId?: string;
  /** The license's state. */
  state?: string;
  /** A license category code (`RN`, `LVN`...). */
  licenseType?: string;
  status: GapStatusFilter;
}

/** Where a page ends in the list's order: due date (`infinity` when none), member id, rule code (`''` when none). */
export interface GapCursor {
  due: string;
  memberId: string;
  ruleCode: string;
}

export interface GapQuery {
  filter: GapFilter;
  /** A manager's membership id: only their reporting chain. null: the whole organization. */
  chainOf: string | null;
  /** The clock's now; "today" is its date in the organization's time zone. */
  now: Date;
  /** `StateApprovals.asJson()`. */
  approvalsJson: string;
  after?: GapCursor | null;
  /** Rows to answer (a page answers limit + 1); none: every row (an export, read through a cursor). */
  limit?: number;
}

/** One (member, rule) pair, or a member whose license type is not recognised (no rule). Dates are `YYYY-MM-DD`. */
export interface RequirementGapRow {
  member_id: string;
  member_name: string;
  employee_id: string | null;
  site_id: string | null;
  site_name: string | null;
  department_id: string | null;
  department_name: string | null;
  license_type: string | null;
  license_category: string | null;
  license_state: string;
  license_expires_on: string | null;
  rule_id: string | null;
  rule_code: string | null;
  /** numeric comes back as text from the driver. */
  rule_hours: string | null;
  rule_frequency: RequirementFrequency | null;
  rule_every_n_renewals: number | null;
  rule_frequency_note: string | null;
  rule_approval_mode: string | null;
  rule_confidence: string | null;
  rule_unconfirmed: boolean | null;
  rule_needs_review: boolean | null;
  rule_note: string | null;
  due_by: string | null;
  period_start: string | null;
  overdue: boolean;
  status: 'met' | 'open';
  reason_code: GapReasonCode | null;
  reason: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  course_code: string | null;
  completed_on: string | null;
  credit_hours: string | null;
  approval_id: string | null;
  /** The order's keys, for the cursor. */
  sort_due: string;
  sort_rule: string;
}

/** Hours as people write them: 1.0, 1.5, 1.25. */
const hours = (expression: string) => `to_char(${expression}, 'FM990.09')`;
const day = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD')`;

/** The rule codes a category matches: LPN and LVN are one license under two state names. */
const ruleCodes = (category: string) =>
  `CASE WHEN ${category} IN ('LPN', 'LVN') THEN ARRAY['LPN', 'LVN'] ELSE ARRAY[${category}] END`;

/**
 * The state requirement gaps as one SELECT, for the endpoint (a keyset page) and the export (every row, through a
 * cursor) alike. Rows: each licensed, not deactivated member in scope paired with each licensee rule of their
 * license's state that names their license category; a member whose license type is not recognised, in a state with
 * licensee rules, gets one row without a rule. Facility-level rules, postings and states without a rule give none.
 *
 * A rule is met by one certificate (not revoked) of the member's whose course the provider configured as approved
 * for the rule's state and the member's license type (from its `approvedOn`), with at least the rule's hours,
 * completed in the rule's current period: for per-renewal rules the two years before the license expires (the
 * biennial term of most of these licenses; before today when the expiry is unknown), N terms for "every N renewals",
 * any time for one-time rules. Otherwise the row is open and says why, from the closest certificate.
 */
export function requirementGapsSql(query: GapQuery): { sql: string; params: unknown[] } {
  const { filter } = query;
  const params: unknown[] = [query.now, query.approvalsJson];
  const where = [`m.license_state IS NOT NULL`, `m.status <> 'deactivated'`];
  if (query.chainOf !== null)
    where.push(`m.id IN ${reportingChainSql(`$${params.push(query.chainOf)}::uuid`)}`);
  if (filter.siteId) where.push(`m.site_id = $${params.push(filter.siteId)}::uuid`);
  if (filter.departmentId) where.push(`m.department_id = $${params.push(filter.departmentId)}::uuid`);
  if (filter.state) where.push(`m.license_state = $${params.push(filter.state)}`);
  if (filter.licenseType)
    where.push(`license_category(m.license_type) = $${params.push(filter.licenseType)}`);

  const outer: string[] = [];
  if (filter.status !== 'all') outer.push(`g.status = $${params.push(filter.status)}`);
  if (query.after) {
    outer.push(
      `(g.sort_due, g.id, g.sort_rule COLLATE "C") >
       ($${params.push(query.after.due)}::date, $${params.push(query.after.memberId)}::uuid,
        $${params.push(query.after.ruleCode)}::text COLLATE "C")`,
    );
  }
  const limit = query.limit === undefined ? '' : `LIMIT $${params.push(query.limit)}`;

  const sql = `
    WITH org AS (
      SELECT o.id, ($1::timestamptz AT TIME ZONE o.timezone)::date AS today
        FROM organizations o WHERE o.id = NULLIF(current_setting('app.organization_id', true), '')::uuid
    ),
    approvals AS (
      SELECT a.* FROM jsonb_to_recordset($2::jsonb)
          AS a (state text, course_code text, license_types text[], approval_id text, approved_on date)
    ),
    licensed AS (
      SELECT m.id, ${memberNameSql()} AS member_name, m.employee_id, m.site_id, m.department_id, m.license_type,
             license_category(m.license_type) AS category, m.license_state, m.license_expires_on, org.today
        FROM memberships m
        -- The organization's own members only: row-level security also shows the actor's memberships elsewhere.
        JOIN org ON org.id = m.organization_id
        JOIN users u ON u.id = m.user_id
       WHERE ${where.join(' AND ')}
    ),
    pairs AS (
      SELECT l.*, r.id AS rule_id, r.code AS rule_code, r.state AS rule_state, r.hours AS rule_hours,
             r.frequency, r.every_n_renewals, r.frequency_note, r.approval_mode, r.confidence, r.unconfirmed,
             r.note,
             CASE r.frequency
               WHEN 'each_renewal' THEN (coalesce(l.license_expires_on, l.today) - interval '2 years')::date
               WHEN 'every_n_renewals'
                 THEN (coalesce(l.license_expires_on, l.today) - make_interval(years => 2 * r.every_n_renewals))::date
               WHEN 'annual' THEN (coalesce(l.license_expires_on, l.today) - interval '1 year')::date
             END AS period_start
        FROM licensed l
        LEFT JOIN state_training_requirements r
               ON r.state = l.license_state AND r.scope = 'licensee' AND r.license_types && ${ruleCodes('l.category')}
       WHERE r.id IS NOT NULL
          OR (l.category IS NULL AND EXISTS (SELECT 1 FROM state_training_requirements x
                                              WHERE x.state = l.license_state AND x.scope = 'licensee'))
    ),
    evaluated AS (
      SELECT p.*, best.certificate_id, best.certificate_number, best.course_code, best.completed_on,
             best.credit_hours, best.approval_id, best.approved, best.in_period, best.hours_ok, ha.has_approval
        FROM pairs p
        -- OFFSET 0 keeps it a subquery evaluated once per row: flattened, the later CASEs would repeat the EXISTS.
        CROSS JOIN LATERAL (
          SELECT EXISTS (SELECT 1 FROM approvals a
                          WHERE a.state = p.rule_state
                            AND (a.license_types IS NULL OR a.license_types @> ARRAY[p.category])) AS has_approval
          OFFSET 0
        ) ha
        LEFT JOIN LATERAL (
          SELECT x.* FROM (
            SELECT c.id AS certificate_id, c.number AS certificate_number, c.course_code, c.completed_on,
                   c.credit_hours, ap.approval_id, ap.approved IS NOT NULL AS approved,
                   (p.period_start IS NULL OR c.completed_on >= p.period_start) AS in_period,
                   (p.rule_hours IS NULL OR c.credit_hours >= p.rule_hours) AS hours_ok
              FROM certificates c
              LEFT JOIN LATERAL (
                SELECT true AS approved, a.approval_id FROM approvals a
                 WHERE a.state = p.rule_state AND a.course_code = c.course_code
                   AND (a.license_types IS NULL OR a.license_types @> ARRAY[p.category])
                   AND (a.approved_on IS NULL OR c.completed_on >= a.approved_on)
                 LIMIT 1
              ) ap ON true
             WHERE c.membership_id = p.id AND c.revoked_at IS NULL AND p.rule_id IS NOT NULL
          ) x
          ORDER BY CASE WHEN x.approved AND x.in_period AND x.hours_ok THEN 0
                        WHEN x.approved AND x.in_period THEN 1
                        WHEN x.in_period THEN 2
                        WHEN x.approved AND x.hours_ok THEN 3
                        ELSE 4 END,
                   x.completed_on DESC, x.certificate_id
          LIMIT 1
        ) best ON true
    ),
    decided AS (
      SELECT e.*,
             CASE WHEN e.rule_id IS NULL THEN 'license_type_not_recognised'
                  WHEN e.approved AND e.in_period AND e.hours_ok THEN NULL
                  WHEN e.approved AND e.in_period THEN 'insufficient_hours'
                  WHEN e.in_period THEN 'not_approved'
                  WHEN NOT e.has_approval THEN 'no_approved_course'
                  WHEN e.approved AND e.hours_ok THEN 'outside_period'
                  ELSE 'no_completion'
             END AS reason_code
        FROM evaluated e
    ),
    g AS (
      SELECT d.*, CASE WHEN d.reason_code IS NULL THEN 'met' ELSE 'open' END AS status,
             coalesce(d.license_expires_on, 'infinity'::date) AS sort_due, coalesce(d.rule_code, '') AS sort_rule
        FROM decided d
    )
    SELECT g.id AS member_id, g.member_name, g.employee_id, g.site_id, s.name AS site_name, g.department_id,
           dep.name AS department_name, g.license_type, g.category AS license_category, g.license_state,
           ${day('g.license_expires_on')} AS license_expires_on, g.rule_id, g.rule_code, g.rule_hours,
           g.frequency AS rule_frequency, g.every_n_renewals AS rule_every_n_renewals,
           g.frequency_note AS rule_frequency_note, g.approval_mode AS rule_approval_mode,
           g.confidence AS rule_confidence, g.unconfirmed AS rule_unconfirmed,
           CASE WHEN g.rule_id IS NULL THEN NULL ELSE g.unconfirmed OR g.confidence <> 'H' END AS rule_needs_review,
           g.note AS rule_note, ${day('g.license_expires_on')} AS due_by, ${day('g.period_start')} AS period_start,
           coalesce(g.status = 'open' AND g.license_expires_on < g.today, false) AS overdue, g.status, g.reason_code,
           CASE g.reason_code
             WHEN 'license_type_not_recognised' THEN
               format('License type "%s" is not recognised; %s has training rules for licensees',
                      coalesce(g.license_type, ''), g.license_state)
             WHEN 'insufficient_hours' THEN
               format('%s gives %s h, %s requires %s h', g.course_code, ${hours('g.credit_hours')}, g.rule_state,
                      ${hours('g.rule_hours')})
             WHEN 'not_approved' THEN
               format('%s (completed %s) is not approved for %s %s by the provider''s configuration',
                      g.course_code, ${day('g.completed_on')}, g.rule_state, g.category)
             WHEN 'no_approved_course' THEN
               format('No course is approved for %s %s by the provider''s configuration', g.rule_state, g.category)
             WHEN 'outside_period' THEN
               format('The last approved completion (%s) is before the current period, which began %s',
                      ${day('g.completed_on')}, ${day('g.period_start')})
             WHEN 'no_completion' THEN
               CASE WHEN g.period_start IS NULL THEN 'No completion of an approved course'
                    ELSE format('No completion of an approved course since %s', ${day('g.period_start')}) END
           END AS reason,
           CASE WHEN g.status = 'met' THEN g.certificate_id END AS certificate_id,
           CASE WHEN g.status = 'met' THEN g.certificate_number END AS certificate_number,
           CASE WHEN g.status = 'met' THEN g.course_code END AS course_code,
           CASE WHEN g.status = 'met' THEN ${day('g.completed_on')} END AS completed_on,
           CASE WHEN g.status = 'met' THEN g.credit_hours END AS credit_hours,
           CASE WHEN g.status = 'met' THEN g.approval_id END AS approval_id,
           g.sort_due::text AS sort_due, g.sort_rule
      FROM g
      LEFT JOIN sites s ON s.id = g.site_id
      LEFT JOIN departments dep ON dep.id = g.department_id
     ${outer.length > 0 ? `WHERE ${outer.join(' AND ')}` : ''}
     ORDER BY g.sort_due, g.id, g.sort_rule COLLATE "C"
     ${limit}`;
  return { sql, params };
}

/** State requirement gaps of the organization the transaction is bound to (row-level security applies). */
@Injectable()
export class RequirementGapRepository {
  async list(query: GapQuery): Promise<RequirementGapRow[]> {
    const { sql, params } = requirementGapsSql(query);
    // The planner prices the per-member evaluation over the whole organization, above jit_above_cost; compiling it
    // took 2.8 s of a 3.3 s first page over 100,000 licensed members, to read 51 rows. For this transaction only.
    await one(`SELECT set_config('jit', 'off', true)`);
    return rows<RequirementGapRow>(sql, params);
  }
}
