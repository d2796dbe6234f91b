import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * A cohort's targeted sites and departments move from uuid[] columns into `cohort_targets`, a row per place with
 * composite foreign keys, so a target can never name another organization's (or no) site, and indexes answer
 * "which cohorts target this site or department" (escalation, manager-scoped reports, moving a department).
 * Job titles and roles are values, not references, and stay as arrays on the cohort.
 */
export class CohortTargets1764630000000 implements MigrationInterface {
  name = 'CohortTargets1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_targets (
        organization_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        site_id uuid,
        department_id uuid,
        CHECK ((site_id IS NULL) <> (department_id IS NULL)),
        FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id),
        FOREIGN KEY (organization_id, department_id) REFERENCES departments (organization_id, id)
      );
      CREATE UNIQUE INDEX cohort_targets_site_uq ON cohort_targets (cohort_id, site_id) WHERE site_id IS NOT NULL;
      CREATE UNIQUE INDEX cohort_targets_department_uq ON cohort_targets (cohort_id, department_id)
        WHERE department_id IS NOT NULL;
      CREATE INDEX cohort_targets_site_idx ON cohort_targets (organization_id, site_id) WHERE site_id IS NOT NULL;
      CREATE INDEX cohort_targets_department_idx ON cohort_targets (organization_id, department_id)
        WHERE department_id IS NOT NULL;
      ALTER TABLE cohort_targets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE cohort_targets FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON cohort_targets USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT, DELETE ON cohort_targets TO beacon_app;

      INSERT INTO cohort_targets (organization_id, cohort_id, site_id)
      SELECT c.organization_id, c.id, s.id FROM cohorts c, unnest(c.target_site_ids) AS s(id);
      INSERT INTO cohort_targets (organization_id, cohort_id, department_id)
      SELECT c.organization_id, c.id, d.id FROM cohorts c, unnest(c.target_department_ids) AS d(id);
      ALTER TABLE cohorts DROP COLUMN target_site_ids, DROP COLUMN target_department_ids;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cohorts ADD COLUMN target_site_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN target_department_ids uuid[] NOT NULL DEFAULT '{}';
      UPDATE cohorts c SET
        target_site_ids = ARRAY(SELECT t.site_id FROM cohort_targets t WHERE t.cohort_id = c.id AND t.site_id IS NOT NULL),
        target_department_ids = ARRAY(SELECT t.department_id FROM cohort_targets t
                                       WHERE t.cohort_id = c.id AND t.department_id IS NOT NULL);
      DROP TABLE cohort_targets;
    `);
  }
}
