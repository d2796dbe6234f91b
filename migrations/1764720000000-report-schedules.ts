import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * `report_schedules` and `report_schedule_runs` (API.md "Compliance and reports"): a report built weekly (each
 * Monday at 06:00) or monthly (on the 1st at 06:00) in the organization's time zone, mailed to its recipients as a
 * link.
 *
 * - A period is named by its local start date (`period_start`: the Monday, or the 1st). `next_period_start` is the
 *   next period a schedule runs for; its instant is worked out at each sweep with the organization's time zone as
 *   it is then, so a changed zone or a daylight-saving shift never moves a run off 06:00 local.
 * - `report_schedule_period(frequency, zone, at)` is the start of the period `at` falls in (the latest 06:00 Monday,
 *   or 1st, not after it); a schedule is due once its `next_period_start` is not after it.
 * - `report_schedule_runs` holds one row per schedule and period (UNIQUE), written in the same transaction as the
 *   report it asks for and the schedule's advanced `next_period_start`: a period runs once, across sweeps, workers
 *   and restarts. `mailed_at` is set in the transaction that writes the run's mail to the outbox.
 * - `created_by` is the member the reports are requested as: their roles at each run decide the report's scope
 *   (a manager's reporting chain, or the organization). `recipient_ids` are memberships (org_admins, educators, or
 *   the creator), checked again when the mail is written.
 */
export class ReportSchedules1764720000000 implements MigrationInterface {
  name = 'ReportSchedules1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION report_schedule_period(frequency text, zone text, at timestamptz) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT CASE WHEN start + time '06:00' <= local_at THEN start::date
                      WHEN frequency = 'weekly' THEN (start - interval '1 week')::date
                      ELSE (start - interval '1 month')::date END
            FROM (SELECT local_at,
                         date_trunc(CASE frequency WHEN 'weekly' THEN 'week' ELSE 'month' END, local_at) AS start
                    FROM (SELECT at AT TIME ZONE zone AS local_at) AS l) AS s
        $$;
      CREATE FUNCTION report_schedule_next(frequency text, period date) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT (period + CASE frequency WHEN 'weekly' THEN interval '1 week' ELSE interval '1 month' END)::date
        $$;
      GRANT EXECUTE ON FUNCTION report_schedule_period(text, text, timestamptz) TO beacon_app;
      GRANT EXECUTE ON FUNCTION report_schedule_next(text, date) TO beacon_app;

      CREATE TABLE report_schedules (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        created_by uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('compliance', 'overdue', 'certificates', 'requirement_gaps')),
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        filters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
        frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
        recipient_ids uuid[] NOT NULL CHECK (cardinality(recipient_ids) BETWEEN 1 AND 50),
        active boolean NOT NULL DEFAULT true,
        next_period_start date NOT NULL,
        last_run_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES memberships (organization_id, id)
      );
      CREATE INDEX report_schedules_list_idx ON report_schedules (organization_id, created_at DESC, id DESC);
      CREATE INDEX report_schedules_creator_idx
        ON report_schedules (organization_id, created_by, created_at DESC, id DESC);
      CREATE INDEX report_schedules_due_idx ON report_schedules (organization_id, next_period_start) WHERE active;

      CREATE TABLE report_schedule_runs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        schedule_id uuid NOT NULL,
        period_start date NOT NULL,
        report_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        mailed_at timestamptz,
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, schedule_id, period_start),
        UNIQUE (organization_id, report_id),
        FOREIGN KEY (organization_id, schedule_id) REFERENCES report_schedules (organization_id, id)
          ON DELETE CASCADE,
        FOREIGN KEY (organization_id, report_id) REFERENCES reports (organization_id, id)
      );
      -- The sweep's safety net: runs whose report finished but whose mail is not written yet.
      CREATE INDEX report_schedule_runs_unmailed_idx ON report_schedule_runs (organization_id, created_at)
        WHERE mailed_at IS NULL;

      ALTER TABLE report_schedules ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report_schedules FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON report_schedules USING (${TENANT}) WITH CHECK (${TENANT});
      ALTER TABLE report_schedule_runs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report_schedule_runs FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON report_schedule_runs USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT, UPDATE, DELETE ON report_schedules TO beacon_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON report_schedule_runs TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE report_schedule_runs;
      DROP TABLE report_schedules;
      DROP FUNCTION report_schedule_next(text, date);
      DROP FUNCTION report_schedule_period(text, text, timestamptz);
    `);
  }
}
