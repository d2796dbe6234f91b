import { MigrationInterface, QueryRunner } from 'typeorm';
import { anyRow, TriggerForm } from './1764690000000-compliance-rollups';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * `reporting_managers`: every member who manages (or once managed) someone, with their own current manager. A
 * manager's compliance summary sums the rollup rows keyed by the managers of their chain; walking this table finds
 * them in a few index probes, where walking memberships visited every person of the chain (~2,000 rows for a
 * department manager, most of whom manage nobody and key no rollup row).
 *
 * Kept by statement triggers on memberships, in the writing transaction: a member given a manager makes that manager
 * a row (with the manager's own manager), and a manager whose own manager changes has their row follow. Both take
 * the organization's reporting-lines lock (the one the members service takes before a manager change), so a row
 * written from a manager's manager cannot miss a concurrent change of it.
 * Rows are never deleted (memberships are not either): one who no longer manages anyone keys no rollup row, so
 * their presence in a chain changes no number, and no delete can race an insert.
 */
export class ReportingManagers1764760000000 implements MigrationInterface {
  name = 'ReportingManagers1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_managers (
        organization_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        manager_id uuid,
        PRIMARY KEY (membership_id),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id)
      );
      CREATE INDEX reporting_managers_manager_idx ON reporting_managers (organization_id, manager_id)
        WHERE manager_id IS NOT NULL;
      ALTER TABLE reporting_managers ENABLE ROW LEVEL SECURITY;
      ALTER TABLE reporting_managers FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON reporting_managers USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT, UPDATE ON reporting_managers TO beacon_app;

      ${reportingManagersFollow('first')}
      CREATE TRIGGER reporting_managers_inserted AFTER INSERT ON memberships
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_managers_follow();
      CREATE TRIGGER reporting_managers_updated AFTER UPDATE ON memberships
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION reporting_managers_follow();

      -- Backfill (as the owner, across organizations): everyone who manages someone now.
      INSERT INTO reporting_managers (organization_id, membership_id, manager_id)
      SELECT boss.organization_id, boss.id, boss.manager_id
        FROM memberships boss
       WHERE EXISTS (SELECT 1 FROM memberships r
                      WHERE r.organization_id = boss.organization_id AND r.manager_id = boss.id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER reporting_managers_updated ON memberships;
      DROP TRIGGER reporting_managers_inserted ON memberships;
      DROP FUNCTION reporting_managers_follow();
      DROP TABLE reporting_managers;
    `);
  }
}

/** The trigger function of `reporting_managers`, created or replaced (see `TriggerForm`). */
export function reportingManagersFollow(form: TriggerForm): string {
  return `
      CREATE OR REPLACE FUNCTION reporting_managers_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        moved boolean := false;
        bosses uuid[];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          moved := ${anyRow(
            form,
            `(SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                            WHERE n.manager_id IS DISTINCT FROM o.manager_id)`,
          )};
          IF NOT moved THEN
            RETURN NULL;
          END IF;
          bosses := ARRAY(SELECT DISTINCT n.manager_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                           WHERE n.manager_id IS NOT NULL AND n.manager_id IS DISTINCT FROM o.manager_id);
        ELSE
          bosses := ARRAY(SELECT DISTINCT n.manager_id FROM new_rows n WHERE n.manager_id IS NOT NULL);
        END IF;
        IF NOT moved AND NOT EXISTS (SELECT 1 FROM unnest(bosses) AS b (id)
                                      WHERE NOT EXISTS (SELECT 1 FROM reporting_managers rm
                                                         WHERE rm.membership_id = b.id)) THEN
          RETURN NULL;
        END IF;
        -- The members service's lock on the organization's reporting lines (re-entrant when it holds it): one
        -- transaction at a time changes them, so a manager's row is written from their committed manager and a
        -- change of that manager after it sees the row.
        PERFORM pg_advisory_xact_lock(hashtext('reporting-lines:' || x.organization_id))
           FROM (SELECT DISTINCT n.organization_id::text FROM new_rows n ORDER BY 1) AS x (organization_id);
        IF moved THEN
          UPDATE reporting_managers rm SET manager_id = n.manager_id
            FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE n.manager_id IS DISTINCT FROM o.manager_id
             AND rm.membership_id = n.id;
        END IF;
        INSERT INTO reporting_managers (organization_id, membership_id, manager_id)
        SELECT m.organization_id, m.id, m.manager_id
          FROM memberships m
         WHERE m.id = ANY (bosses)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $fn$;`;
}
