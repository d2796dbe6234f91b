import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * The day-before reminders of live sessions (issue 12 item 5): one row per member and start of a session that the
 * reminder sweep has owed, written in the transaction that writes its outbox mail. Its primary key is the
 * exactly-once rule: the sweep inserts `ON CONFLICT DO NOTHING` and mails only the rows it inserted, so concurrent
 * or repeated sweeps remind each seat once per start, and a session moved to another start is reminded again.
 *
 * The sweep probes this table rather than the outbox's (organization_id, dedupe_key) key: its primary key is the
 * only index the probe can take, whereas on `notifications` a planner with stale statistics for the organization
 * (right after a sweep wrote thousands of rows) chose `notifications_list_idx` and read the organization's whole
 * mail history once per owed seat.
 */
export class SessionReminders1764780000000 implements MigrationInterface {
  name = 'SessionReminders1764780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_reminders (
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        reminded_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, session_id, member_id, starts_at),
        FOREIGN KEY (organization_id, session_id) REFERENCES live_sessions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, member_id) REFERENCES memberships (organization_id, id)
      );
      ALTER TABLE session_reminders ENABLE ROW LEVEL SECURITY;
      ALTER TABLE session_reminders FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON session_reminders USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT ON session_reminders TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_reminders;`);
  }
}
