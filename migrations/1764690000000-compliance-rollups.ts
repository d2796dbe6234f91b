import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/** The counters of a rollup row, in the order the statements below write them. */
const COUNTERS = [
  'not_started',
  'in_progress',
  'completed',
  'exempt',
  'renewal',
  'previous_not_started',
  'previous_in_progress',
  'previous_completed',
  'previous_exempt',
];

/**
 * The form of the statement triggers' functions: `first`, as this migration wrote them; `linear`, migration
 * 1764810000000's, whose plans stay linear in the rows a statement writes. The planner has no statistics for the
 * rows derived from a transition table, and the first form left it joins it could misplan as nested loops that
 * rescan those rows for each row: a pair's previous cycle found by joining the ranked rows to themselves (`linear`
 * reads it as the next row of the same window, `lead`), a moved member's pairs joined back to the moved members
 * (`linear` carries the places along), and EXISTS over the join of the old and new rows, planned for its first row
 * and so a nested loop when no row matches (`linear` counts them). Quadratic: 110,000 new cycles in one INSERT, an
 * UPDATE of 100,000 members' names, or a cohort for 100,000 members did not finish in 3 to 10 minutes.
 */
export type TriggerForm = 'first' | 'linear';

/** Whether the parenthesized query `relation` yields a row (see `TriggerForm`). */
export function anyRow(form: TriggerForm, relation: string): string {
  return form === 'first' ? `EXISTS ${relation}` : `(SELECT count(*) FROM ${relation} x) > 0`;
}

/**
 * What each (cohort, member) pair contributes to the rollup, from `source`: enrollment rows with a `sign` (+1 the
 * state after a write, -1 the state before it) and the columns organization_id, cohort_id, membership_id,
 * course_id, cycle, status, due_at (and the `carried` ones, which `contributions` passes on). Yields the CTE
 * `contributions` (and, in the first form, `ranked`).
 *
 * A pair counts by its newest cycle that is not withdrawn (`r1`). A recertification cycle neither started nor due
 * yet counts by the cycle before it (`r2`) until its due instant passes; which of the two counts therefore changes
 * with the clock, not with a write. So such a pair is stored as `renewal` (r1, counted not started and overdue once
 * `due_at` has passed) plus `previous_<r2's status>` (counted while `due_at` has not passed), both keyed by r1's due
 * instant: the read decides with its own clock. Every other pair stores r1's status. This is the definition of
 * `currentCycleCte` in libs/enrollment/src/enrollment.sql.ts, frozen here as this migration's triggers apply it.
 */
function contributionCtes(source: string, form: TriggerForm, carried: readonly string[] = []): string {
  const counted = (previous: string) => `
             CASE WHEN r1.cycle > 1 AND r1.status = 'not_started'
                  THEN CASE WHEN r1.due_at IS NULL THEN ${previous} END
                  ELSE r1.status END AS counted,
             (r1.cycle > 1 AND r1.status = 'not_started' AND r1.due_at IS NOT NULL)::int AS renewal,
             CASE WHEN r1.cycle > 1 AND r1.status = 'not_started' AND r1.due_at IS NOT NULL THEN ${previous} END
               AS previous`;
  if (form === 'first') {
    if (carried.length > 0) throw new Error('The first form carries no columns');
    return `ranked AS (
      SELECT s.*, row_number() OVER (PARTITION BY s.sign, s.cohort_id, s.membership_id ORDER BY s.cycle DESC) AS rk
        FROM (${source}) s
       WHERE s.status <> 'withdrawn'
    ), contributions AS (
      SELECT r1.sign, r1.organization_id, r1.cohort_id, r1.membership_id, r1.course_id, r1.due_at,${counted('r2.status')}
        FROM ranked r1
        LEFT JOIN ranked r2 ON r2.sign = r1.sign AND r2.cohort_id = r1.cohort_id
                           AND r2.membership_id = r1.membership_id AND r2.rk = 2
       WHERE r1.rk = 1
    )`;
  }
  return `contributions AS (
      SELECT r1.sign, r1.organization_id, r1.cohort_id, r1.membership_id, r1.course_id, r1.due_at,
             ${carried.map((column) => `r1.${column}, `).join('')}${counted('r1.previous_status')}
        FROM (SELECT s.*, row_number() OVER cycles AS rk, lead(s.status) OVER cycles AS previous_status
                FROM (${source}) s
               WHERE s.status <> 'withdrawn'
              WINDOW cycles AS (PARTITION BY s.sign, s.cohort_id, s.membership_id ORDER BY s.cycle DESC)) r1
       WHERE r1.rk = 1
    )`;
}

/** The counters of a base row: each group's counts as if every due instant had passed. */
const BASE_COUNTERS = ['not_started', 'in_progress', 'completed', 'exempt', 'overdue'];

const KEY = 'organization_id, cohort_id, course_id, site_id, department_id, manager_id, due_at';
const BASE_KEY = 'organization_id, cohort_id, course_id, site_id, department_id, manager_id';

/** The signed contributions of `placed` (CTE: contributions with the member's site, department and manager) summed by key. */
function summedDeltas(): string {
  const sums = [
    `coalesce(sum(sign) FILTER (WHERE counted = 'not_started'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE counted = 'in_progress'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE counted = 'completed'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE counted = 'exempt'), 0)`,
    `coalesce(sum(sign * renewal), 0)`,
    `coalesce(sum(sign) FILTER (WHERE previous = 'not_started'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE previous = 'in_progress'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE previous = 'completed'), 0)`,
    `coalesce(sum(sign) FILTER (WHERE previous = 'exempt'), 0)`,
  ];
  return `SELECT ${KEY}, ${sums.map((sum, i) => `${sum} AS ${COUNTERS[i]}`).join(', ')}
            FROM placed
           GROUP BY ${KEY}
          HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}`;
}

/**
 * Records the signed contributions of `placed` as this transaction's deltas, continuing the caller's WITH list.
 * Plain inserts: no shared row is locked before commit (see `applySql`).
 */
function recordDeltas(placed: string): string {
  return `, placed AS (${placed})
          INSERT INTO compliance_rollup_deltas (${KEY}, ${COUNTERS.join(', ')})
          ${summedDeltas()}`;
}

/**
 * Adds delta rows (`source`, shaped like the rollup) to both tables:
 *
 * - `compliance_rollups`, by due instant: what a read with a due-date range uses, and the correction below;
 * - `compliance_rollup_bases`, without the due instant: the counts as they are once every due instant has passed
 *   (a row without a due instant never passes; once due, a renewal counts as not started and overdue, the
 *   previous cycle no more). A read without a range takes the bases and corrects them with the few rollup rows
 *   due at or after its clock, so it reads far fewer rows than the whole rollup.
 *
 * One UPSERT of increments per table, in key order, the rollup before the bases (the second waits for the first):
 * every transaction locks shared rows in the same global order, so they queue and never deadlock, and none loses
 * another's counts. `source` is a CTE name or a parenthesized relation.
 */
function applySql(source: string, withList = ''): string {
  const sums = COUNTERS.map((c) => `sum(${c})`);
  const baseSums = [
    'sum(not_started + renewal)',
    'sum(in_progress)',
    'sum(completed)',
    'sum(exempt)',
    'sum(CASE WHEN due_at IS NOT NULL THEN not_started + in_progress + renewal ELSE 0 END)',
  ];
  return `WITH ${withList} fine AS (
            INSERT INTO compliance_rollups AS r (${KEY}, ${COUNTERS.join(', ')})
            SELECT ${KEY}, ${sums.join(', ')}
              FROM ${source} d
             GROUP BY ${KEY}
            HAVING ${sums.map((sum) => `${sum} <> 0`).join(' OR ')}
             ORDER BY ${KEY}
            ON CONFLICT (${KEY}) DO UPDATE SET
              ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}
            RETURNING 1
          )
          INSERT INTO compliance_rollup_bases AS b (${BASE_KEY}, ${BASE_COUNTERS.join(', ')})
          SELECT ${BASE_KEY}, ${baseSums.join(', ')}
            FROM ${source} d
           WHERE (SELECT count(*) FROM fine) >= 0
           GROUP BY ${BASE_KEY}
          HAVING ${baseSums.map((sum) => `${sum} <> 0`).join(' OR ')}
           ORDER BY ${BASE_KEY}
          ON CONFLICT (${BASE_KEY}) DO UPDATE SET
            ${BASE_COUNTERS.map((c) => `${c} = b.${c} + EXCLUDED.${c}`).join(', ')}`;
}

const ENROLLMENT_COLUMNS = 'organization_id, cohort_id, membership_id, course_id, cycle, status, due_at';

/**
 * After a statement wrote enrollments: the pairs it touched are counted as they are now (+1) and as they were
 * before it (-1: now, with the written rows replaced by their old versions). `oldRows` and `newRows` are the
 * written rows (id, cohort_id, membership_id and the counted columns), before and after.
 */
function enrollmentDeltas(oldRows: string, newRows: string, form: TriggerForm): string {
  return `WITH old_e AS (SELECT id, ${ENROLLMENT_COLUMNS} FROM ${oldRows} o),
               new_e AS (SELECT id, cohort_id, membership_id FROM ${newRows} n),
               touched AS (SELECT cohort_id, membership_id FROM old_e UNION SELECT cohort_id, membership_id FROM new_e),
               after_e AS (SELECT e.id, e.${ENROLLMENT_COLUMNS.split(', ').join(', e.')}
                             FROM touched t JOIN enrollments e
                               ON e.cohort_id = t.cohort_id AND e.membership_id = t.membership_id),
               signed AS (SELECT 1 AS sign, ${ENROLLMENT_COLUMNS} FROM after_e
                          UNION ALL
                          SELECT -1, ${ENROLLMENT_COLUMNS} FROM after_e a
                           WHERE NOT EXISTS (SELECT 1 FROM new_e n WHERE n.id = a.id)
                          UNION ALL
                          SELECT -1, ${ENROLLMENT_COLUMNS} FROM old_e),
               ${contributionCtes('SELECT * FROM signed', form)}
          ${recordDeltas(
            `SELECT c.*, m.site_id, m.department_id, m.manager_id
               FROM contributions c JOIN memberships m ON m.id = c.membership_id`,
          )}`;
}

/** An empty relation shaped like the written rows, for the side a statement does not have (no old rows on INSERT). */
const NO_ROWS = `(SELECT id, ${ENROLLMENT_COLUMNS} FROM enrollments WHERE false)`;

/** Rows an UPDATE changed in a way the rollup counts (not updated_at, extra attempts, started_at alone). */
function changedSide(side: 'o' | 'n'): string {
  const key = `(o.status, o.due_at, o.cycle, o.course_id, o.cohort_id, o.membership_id)`;
  return `(SELECT ${side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE ${key} IS DISTINCT FROM (n.status, n.due_at, n.cycle, n.course_id, n.cohort_id, n.membership_id))`;
}

/**
 * The moved members' pairs (CTE `moved`: a member's old and new site, department and manager), counted at the new
 * place and taken from the old one.
 */
function movedDeltas(form: TriggerForm): string {
  const enrollment = `e.${ENROLLMENT_COLUMNS.split(', ').join(', e.')}`;
  const counts = 'c.organization_id, c.cohort_id, c.course_id, c.due_at, c.counted, c.renewal, c.previous';
  if (form === 'first')
    return `signed AS (SELECT 1 AS sign, ${enrollment}
                            FROM moved mv JOIN enrollments e ON e.membership_id = mv.id),
               ${contributionCtes('SELECT * FROM signed', form)}
          ${recordDeltas(
            `SELECT c.sign, ${counts},
                    mv.new_site_id AS site_id, mv.new_department_id AS department_id, mv.new_manager_id AS manager_id
               FROM contributions c JOIN moved mv ON mv.id = c.membership_id
             UNION ALL
             SELECT -c.sign, ${counts},
                    mv.old_site_id, mv.old_department_id, mv.old_manager_id
               FROM contributions c JOIN moved mv ON mv.id = c.membership_id`,
          )}`;
  // Each pair carries its member's places along, so the contributions are not joined back to `moved`.
  const places = [
    'old_site_id',
    'old_department_id',
    'old_manager_id',
    'new_site_id',
    'new_department_id',
    'new_manager_id',
  ];
  return `signed AS (SELECT 1 AS sign, ${enrollment}, ${places.map((place) => `mv.${place}`).join(', ')}
                            FROM moved mv JOIN enrollments e ON e.membership_id = mv.id),
               ${contributionCtes('SELECT * FROM signed', form, places)}
          ${recordDeltas(
            `SELECT c.sign, ${counts},
                    c.new_site_id AS site_id, c.new_department_id AS department_id, c.new_manager_id AS manager_id
               FROM contributions c
             UNION ALL
             SELECT -c.sign, ${counts}, c.old_site_id, c.old_department_id, c.old_manager_id
               FROM contributions c`,
          )}`;
}

/**
 * The statement triggers' functions (created or replaced): what each write of enrollments and each move of a member
 * adds to the transaction's deltas.
 */
export function rollupTriggerFunctions(form: TriggerForm): string {
  return `
      CREATE OR REPLACE FUNCTION compliance_rollups_enrollments_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${enrollmentDeltas(NO_ROWS, 'new_rows', form)};
        RETURN NULL;
      END $fn$;
      CREATE OR REPLACE FUNCTION compliance_rollups_enrollments_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF ${anyRow(form, changedSide('o'))} THEN
          ${enrollmentDeltas(changedSide('o'), changedSide('n'), form)};
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE OR REPLACE FUNCTION compliance_rollups_enrollments_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${enrollmentDeltas('old_rows', NO_ROWS, form)};
        RETURN NULL;
      END $fn$;

      -- A member who moves (site, department or manager) takes the counts of all their pairs to the new place.
      CREATE OR REPLACE FUNCTION compliance_rollups_memberships_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF ${anyRow(
          form,
          `(SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.site_id, o.department_id, o.manager_id)
                          IS DISTINCT FROM (n.site_id, n.department_id, n.manager_id))`,
        )} THEN
          WITH moved AS (
                 SELECT n.id, o.site_id AS old_site_id, o.department_id AS old_department_id,
                        o.manager_id AS old_manager_id, n.site_id AS new_site_id,
                        n.department_id AS new_department_id, n.manager_id AS new_manager_id
                   FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.site_id, o.department_id, o.manager_id)
                        IS DISTINCT FROM (n.site_id, n.department_id, n.manager_id)),
               ${movedDeltas(form)};
        END IF;
        RETURN NULL;
      END $fn$;`;
}

/**
 * Every existing pair into the rollups at once (the migration's backfill; exported so a test can check it against
 * what the triggers keep).
 */
export const ROLLUP_BACKFILL = applySql(
  'deltas',
  `signed AS (SELECT 1 AS sign, ${ENROLLMENT_COLUMNS} FROM enrollments),
   ${contributionCtes('SELECT * FROM signed', 'first')},
   placed AS (SELECT c.*, m.site_id, m.department_id, m.manager_id
                FROM contributions c JOIN memberships m ON m.id = c.membership_id),
   deltas AS (${summedDeltas()}),`,
);

/**
 * `compliance_rollups`: counts of each member's current-cycle enrollments per (cohort, course, site, department,
 * direct manager, due instant), and `compliance_rollup_bases`, the same without the due instant as they stand once
 * every due instant has passed. The compliance summary reads the bases and corrects them with the rollup rows not
 * due yet at its clock: a few thousand rows instead of grouping a million enrollments (see `applyDeltas`).
 *
 * Kept current in the same transaction as every write: statement-level triggers (with transition tables, so a
 * 100,000-row reconcile is one set-based delta, not 100,000 row triggers) on enrollments (any insert, delete, or
 * change of status, due instant, cycle, course, cohort or member) and on memberships (a member moving to another
 * site, department or manager moves their counts) record the transaction's deltas; a deferred constraint trigger adds them
 * up at commit, in one global key order. Shared rollup rows are therefore locked only for the commit's last
 * moment and always in the same order: concurrent transactions queue there and never deadlock (taking them in
 * each statement instead deadlocked under a burst of two-statement completions). Every write path (completion, exemption, withdrawal, enrollment sync,
 * imports, a cohort's new due date) is covered without any service knowing. Overdue is never stored: the due
 * instant is part of the key, so `overdue` is the open counts of rows due before the reader's clock, exact at every
 * instant with no nightly job.
 *
 * The triggers run as the caller (no SECURITY DEFINER): row-level security applies to what they read and write,
 * and the writes they make are checked against the organization of the transaction like any other.
 */
export class ComplianceRollups1764690000000 implements MigrationInterface {
  name = 'ComplianceRollups1764690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compliance_rollups (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        cohort_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        site_id uuid,
        department_id uuid,
        -- The member's direct manager: a manager's chain sums the rows of every manager in it (no foreign key:
        -- memberships are never deleted, and its check would lock the manager's row on every counted write).
        manager_id uuid,
        due_at timestamptz,
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id),
        FOREIGN KEY (organization_id, department_id) REFERENCES departments (organization_id, id)
      );
      CREATE UNIQUE INDEX compliance_rollups_key_uq
        ON compliance_rollups (${KEY}) NULLS NOT DISTINCT;
      -- The rows a read corrects the bases with: due at or after its clock; a manager's, by manager.
      CREATE INDEX compliance_rollups_due_idx ON compliance_rollups (organization_id, due_at);
      CREATE INDEX compliance_rollups_manager_idx ON compliance_rollups (organization_id, manager_id, due_at);

      CREATE TABLE compliance_rollup_bases (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        cohort_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        site_id uuid,
        department_id uuid,
        manager_id uuid,
        ${BASE_COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id),
        FOREIGN KEY (organization_id, department_id) REFERENCES departments (organization_id, id)
      );
      CREATE UNIQUE INDEX compliance_rollup_bases_key_uq ON compliance_rollup_bases (${BASE_KEY}) NULLS NOT DISTINCT;
      CREATE INDEX compliance_rollup_bases_manager_idx ON compliance_rollup_bases (organization_id, manager_id);

      -- Each transaction's deltas until its commit applies them (see compliance_rollups_apply).
      CREATE TABLE compliance_rollup_deltas (
        organization_id uuid NOT NULL,
        txid bigint NOT NULL DEFAULT txid_current(),
        cohort_id uuid NOT NULL,
        course_id uuid NOT NULL,
        site_id uuid,
        department_id uuid,
        manager_id uuid,
        due_at timestamptz,
        ${COUNTERS.map((c) => `${c} integer NOT NULL`).join(',\n        ')}
      );
      CREATE INDEX compliance_rollup_deltas_txid_idx ON compliance_rollup_deltas (txid);

      GRANT SELECT, INSERT, UPDATE ON compliance_rollups, compliance_rollup_bases TO beacon_app;
      GRANT SELECT, INSERT, DELETE ON compliance_rollup_deltas TO beacon_app;
      ALTER TABLE compliance_rollup_deltas ENABLE ROW LEVEL SECURITY;
      ALTER TABLE compliance_rollup_deltas FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON compliance_rollup_deltas USING (${TENANT}) WITH CHECK (${TENANT});
      ALTER TABLE compliance_rollups ENABLE ROW LEVEL SECURITY;
      ALTER TABLE compliance_rollups FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON compliance_rollups USING (${TENANT}) WITH CHECK (${TENANT});
      ALTER TABLE compliance_rollup_bases ENABLE ROW LEVEL SECURITY;
      ALTER TABLE compliance_rollup_bases FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON compliance_rollup_bases USING (${TENANT}) WITH CHECK (${TENANT});

      -- At commit (deferred), once per transaction: its deltas into the rollups, every lock in one global order.
      CREATE FUNCTION compliance_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF EXISTS (SELECT 1 FROM compliance_rollup_deltas WHERE txid = txid_current()) THEN
          ${applySql('d', 'd AS (DELETE FROM compliance_rollup_deltas WHERE txid = txid_current() RETURNING *),')};
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE CONSTRAINT TRIGGER compliance_rollups_apply AFTER INSERT ON compliance_rollup_deltas
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION compliance_rollups_apply();

      ${rollupTriggerFunctions('first')}

      CREATE TRIGGER compliance_rollups_inserted AFTER INSERT ON enrollments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION compliance_rollups_enrollments_inserted();
      CREATE TRIGGER compliance_rollups_updated AFTER UPDATE ON enrollments
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION compliance_rollups_enrollments_updated();
      CREATE TRIGGER compliance_rollups_deleted AFTER DELETE ON enrollments
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
        EXECUTE FUNCTION compliance_rollups_enrollments_deleted();
      CREATE TRIGGER compliance_rollups_moved AFTER UPDATE ON memberships
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION compliance_rollups_memberships_updated();
    `);
    // Backfill: every existing pair, counted once (the migration runs as the owner, across organizations).
    await q.query(ROLLUP_BACKFILL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER compliance_rollups_moved ON memberships;
      DROP TRIGGER compliance_rollups_deleted ON enrollments;
      DROP TRIGGER compliance_rollups_updated ON enrollments;
      DROP TRIGGER compliance_rollups_inserted ON enrollments;
      DROP TRIGGER compliance_rollups_apply ON compliance_rollup_deltas;
      DROP FUNCTION compliance_rollups_memberships_updated(), compliance_rollups_enrollments_deleted(),
        compliance_rollups_enrollments_updated(), compliance_rollups_enrollments_inserted(), compliance_rollups_apply();
      DROP TABLE compliance_rollup_deltas, compliance_rollup_bases, compliance_rollups;
    `);
  }
}
