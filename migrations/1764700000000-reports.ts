import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * `reports`: exports the worker builds (API.md "Compliance and reports"), one row per request.
 *
 * - `chain_of` is the manager whose reporting chain bounds the rows (their own membership), fixed when the report is
 *   requested; null for an organization-wide report (org_admin, educator).
 * - `status` moves queued → running → ready | failed; `expired` once the retention sweep has deleted the file
 *   (`expires_at` passed). `run_id` names the run that holds the report: a run that lost it (a stalled job taken over
 *   after a restart) can neither mark it ready nor failed.
 * - `row_count` is the progress while running (advanced every few thousand rows in its own short transaction) and
 *   the total once ready. `heartbeat_at` moves with it, so the sweep tells a live run from a lost one.
 * - `file_name` is relative to STORAGE_DIR; `error` a reason safe to show (no stack, no personal data).
 */
export class Reports1764700000000 implements MigrationInterface {
  name = 'Reports1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        requested_by uuid NOT NULL,
        chain_of uuid,
        type text NOT NULL CHECK (type IN ('compliance', 'overdue', 'certificates', 'requirement_gaps')),
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        filters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
        run_id uuid,
        row_count integer CHECK (row_count >= 0),
        error text CHECK (char_length(error) <= 500),
        file_name text,
        file_size bigint CHECK (file_size >= 0),
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        PRIMARY KEY (organization_id, id),
        FOREIGN KEY (organization_id, requested_by) REFERENCES memberships (organization_id, id),
        FOREIGN KEY (organization_id, chain_of) REFERENCES memberships (organization_id, id),
        CHECK ((status = 'ready') = (file_name IS NOT NULL)),
        CHECK (status <> 'failed' OR error IS NOT NULL)
      );
      -- The list, newest first: the whole organization's (org_admin, educator) and one requester's (a manager).
      CREATE INDEX reports_list_idx ON reports (organization_id, created_at DESC, id DESC);
      CREATE INDEX reports_requester_idx ON reports (organization_id, requested_by, created_at DESC, id DESC);
      -- The sweep: files to delete once expired, and runs to resume.
      CREATE INDEX reports_expiry_idx ON reports (organization_id, expires_at) WHERE status = 'ready';
      CREATE INDEX reports_unfinished_idx ON reports (organization_id, created_at)
        WHERE status IN ('queued', 'running');
      ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE reports FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON reports USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT, UPDATE ON reports TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reports');
  }
}
