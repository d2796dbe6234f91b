import { Client } from 'pg';
import {
  ROLLUP_BACKFILL,
  rollupTriggerFunctions,
  TriggerForm,
} from '../../migrations/1764690000000-compliance-rollups';
import { reportingManagersFollow } from '../../migrations/1764760000000-reporting-managers';
import { TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

/** The members each write below touches: enough that a per-row rescan shows up as hundreds of loops. */
const MEMBERS = 300;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'CTE Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/**
 * Scans that read a whole relation, each time they run: run once per row of another relation, a nested loop over
 * them is quadratic. (An index scan run once per row is the linear kind.)
 */
const WHOLE_SCANS = new Set([
  'Seq Scan',
  'CTE Scan',
  'Named Tuplestore Scan',
  'Materialize',
  'Subquery Scan',
]);

/** `Node Type (relation) × loops` of every whole scan in `plan` that ran more than a few times. */
function rescans(plan: PlanNode): string[] {
  const own =
    WHOLE_SCANS.has(plan['Node Type']) && (plan['Actual Loops'] ?? 1) > 3
      ? [
          `${plan['Node Type']} (${plan['Relation Name'] ?? plan['CTE Name'] ?? '-'}) × ${plan['Actual Loops']}`,
        ]
      : [];
  return [...own, ...(plan.Plans ?? []).flatMap(rescans)];
}

describe('the statement triggers behind the compliance rollups', () => {
  let world: TestApp;
  let org: TestOrganization;
  let owner: Client;
  let cohortId: string;
  let departments: string[];
  /** The executed plans of every statement run (top level and inside triggers) since the last take. */
  let logged: PlanNode[] = [];

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Trigger Plans');
    owner = new Client({ connectionString: world.ownerUrl });
    await owner.connect();
    // auto_explain reports each finished statement's plan, with what it did, as a LOG message sent to this client.
    await owner.query(`LOAD 'auto_explain'`);
    await owner.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on;
                       SET auto_explain.log_nested_statements = on; SET auto_explain.log_format = 'json';
                       SET auto_explain.log_timing = off; SET client_min_messages = log`);
    owner.on('notice', (message) => {
      const text = message.message ?? '';
      const json = text.slice(text.indexOf('{'));
      if (text.includes('plan:')) logged.push((JSON.parse(json) as { Plan: PlanNode }).Plan);
    });
    const [course] = (
      await owner.query<{ id: string }>(
        `SELECT id FROM courses WHERE code = 'HT-101' AND status = 'published' ORDER BY version DESC LIMIT 1`,
      )
    ).rows;
    const places = await owner.query<{ id: string }>(
      `WITH s AS (INSERT INTO sites (organization_id, name, kind) VALUES ($1, 'North', 'hospital') RETURNING id)
       INSERT INTO departments (organization_id, site_id, name, kind)
       SELECT $1, s.id, 'Department ' || d, 'emergency' FROM s, generate_series(1, 2) d RETURNING id`,
      [org.id],
    );
    departments = places.rows.map((row) => row.id);
    await owner.query(
      `WITH u AS (INSERT INTO users (email, name)
                  SELECT 'plan-' || i || '@example.test', 'Plan ' || i FROM generate_series(1, $2::int) i
                  RETURNING id, name)
       INSERT INTO memberships (organization_id, user_id, name, roles, status, department_id, joined_at)
       SELECT $1, u.id, u.name, '{learner}', 'active', $3, now() FROM u`,
      [org.id, MEMBERS, departments[0]],
    );
    cohortId = (
      await owner.query<{ id: string }>(
        `INSERT INTO cohorts (organization_id, name, course_id, due_date, interval_months)
         VALUES ($1, 'Yearly', $2, '2026-03-31', 12) RETURNING id`,
        [org.id, course.id],
      )
    ).rows[0].id;
    await owner.query(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at,
                                enrolled_at, started_at, completed_at)
       SELECT $1, $2, m.id, $3, 1, 'completed', '2026-03-31T12:00:00Z', '2026-01-05', '2026-01-06', '2026-02-01'
         FROM memberships m WHERE m.organization_id = $1 AND m.department_id IS NOT NULL`,
      [org.id, cohortId, course.id],
    );
  });

  afterAll(async () => {
    await owner?.end();
    await world?.stop();
  });

  /** Every large write the product makes, each one statement over all the members, committed. */
  async function largeWrites(): Promise<void> {
    const statements = [
      // Recertification: every member's next cycle at once.
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at, enrolled_at)
       SELECT e.organization_id, e.cohort_id, e.membership_id, e.course_id, e.cycle + 1, 'not_started',
              e.due_at + interval '1 year', now()
         FROM enrollments e
        WHERE e.cohort_id = $1 AND e.cycle = (SELECT max(x.cycle) FROM enrollments x WHERE x.cohort_id = $1)`,
      // A cohort's new due date.
      `UPDATE enrollments SET due_at = due_at + interval '1 day' WHERE cohort_id = $1 AND status = 'not_started'`,
      // A write the rollup does not count (the trigger only checks that nothing it counts changed).
      `UPDATE enrollments SET updated_at = now() WHERE cohort_id = $1 AND cycle = 1`,
      // An import renaming everyone (nobody moves), then a reorganization moving everyone.
      `UPDATE memberships SET name = name || '.' WHERE organization_id = (SELECT organization_id FROM cohorts WHERE id = $1)
          AND department_id IS NOT NULL`,
      `UPDATE memberships SET department_id = CASE WHEN department_id = $2 THEN $3::uuid ELSE $2::uuid END
        WHERE organization_id = (SELECT organization_id FROM cohorts WHERE id = $1) AND department_id IS NOT NULL`,
      // The newest cycles taken back.
      `DELETE FROM enrollments
        WHERE cohort_id = $1 AND cycle = (SELECT max(x.cycle) FROM enrollments x WHERE x.cohort_id = $1)`,
    ];
    for (const sql of statements) {
      const params = sql.includes('$2') ? [cohortId, departments[0], departments[1]] : [cohortId];
      const { rowCount } = await owner.query(sql, params);
      expect(rowCount).toBe(MEMBERS);
    }
  }

  async function rescansUnder(form: TriggerForm): Promise<string[]> {
    await owner.query(rollupTriggerFunctions(form));
    await owner.query(reportingManagersFollow(form));
    logged = [];
    await largeWrites();
    return logged.flatMap(rescans);
  }

  it('plans no scan of the written rows once per written row: each write is linear in its rows', async () => {
    // The migration's forms, in order. The first has its quadratic plans (this is what the check catches); the
    // form the migrations leave in place has none. Of the first form's, EXISTS over the old and new rows is planned
    // from the transition tables' row counts alone, so it is caught on every run; whether the ranked rows' self-join
    // is also planned as a nested loop depends on the statistics of enrollments at that moment.
    expect(await rescansUnder('first')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Named Tuplestore Scan .* × [1-9]\d\d/)]),
    );
    expect(await rescansUnder('linear')).toEqual([]);
  });

  it('keeps the rollups equal to what the migration backfill computes after those writes', async () => {
    const counted = () =>
      owner.query(
        `SELECT cohort_id, department_id, due_at, not_started, in_progress, completed, renewal, previous_completed
           FROM compliance_rollups WHERE organization_id = $1 AND (not_started, in_progress, completed, exempt,
                renewal, previous_not_started, previous_in_progress, previous_completed, previous_exempt)
                <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
          ORDER BY 1, 2, 3`,
        [org.id],
      );
    // The next cycles, left in place this time, so renewals are counted.
    await owner.query(
      `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at, enrolled_at)
       SELECT organization_id, cohort_id, membership_id, course_id, 2, 'not_started', '2027-03-31T12:00:00Z', now()
         FROM enrollments WHERE cohort_id = $1 AND cycle = 1`,
      [cohortId],
    );
    const kept = (await counted()).rows;
    expect(kept.some((row) => row.renewal === MEMBERS && row.previous_completed === MEMBERS)).toBe(true);
    await owner.query('DELETE FROM compliance_rollups; DELETE FROM compliance_rollup_bases');
    await owner.query(ROLLUP_BACKFILL);
    expect((await counted()).rows).toEqual(kept);
  });
});
