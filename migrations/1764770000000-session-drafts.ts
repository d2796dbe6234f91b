import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Converting a training request, draft sessions and session updates (issue 12, items 2 and 5).
 *
 * - `training_requests.organization_id`: the organization a request was converted for (created or linked); set
 *   once, so a second conversion is refused.
 * - Activity gains `converted` (with the organization, whether it was created, and the drafted session) and
 *   `session_linked` (a session scheduled for the request).
 * - `live_sessions.status` gains `draft`: a session drafted from a request, not yet published. Its
 *   `session_facilitators` rows are inactive, so the exclusion constraint ignores them until it is published.
 * - `live_sessions.training_request_id` gets the foreign key its first migration left for this table.
 * - Updating a session may remove a facilitator: the app may delete their booking row.
 */
export class SessionDrafts1764770000000 implements MigrationInterface {
  name = 'SessionDrafts1764770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_requests ADD COLUMN organization_id uuid REFERENCES organizations (id);

      ALTER TABLE training_request_activity
        ADD COLUMN organization_id uuid REFERENCES organizations (id),
        ADD COLUMN organization_created boolean,
        ADD COLUMN session_id uuid;
      ALTER TABLE training_request_activity DROP CONSTRAINT training_request_activity_action_check;
      ALTER TABLE training_request_activity ADD CONSTRAINT training_request_activity_action_check CHECK (action IN
        ('received', 'linked', 'status_changed', 'assigned', 'note', 'converted', 'session_linked'));

      ALTER TABLE live_sessions DROP CONSTRAINT live_sessions_status_check;
      ALTER TABLE live_sessions ADD CONSTRAINT live_sessions_status_check
        CHECK (status IN ('draft', 'scheduled', 'cancelled'));
      ALTER TABLE live_sessions ADD CONSTRAINT live_sessions_training_request_fk
        FOREIGN KEY (training_request_id) REFERENCES training_requests (id);
      CREATE INDEX live_sessions_training_request_idx ON live_sessions (training_request_id)
        WHERE training_request_id IS NOT NULL;

      GRANT DELETE ON session_facilitators TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE DELETE ON session_facilitators FROM beacon_app;
      DROP INDEX live_sessions_training_request_idx;
      ALTER TABLE live_sessions DROP CONSTRAINT live_sessions_training_request_fk;
      ALTER TABLE live_sessions DROP CONSTRAINT live_sessions_status_check;
      ALTER TABLE live_sessions ADD CONSTRAINT live_sessions_status_check
        CHECK (status IN ('scheduled', 'cancelled'));
      ALTER TABLE training_request_activity DROP CONSTRAINT training_request_activity_action_check;
      ALTER TABLE training_request_activity ADD CONSTRAINT training_request_activity_action_check CHECK (action IN
        ('received', 'linked', 'status_changed', 'assigned', 'note'));
      ALTER TABLE training_request_activity
        DROP COLUMN session_id, DROP COLUMN organization_created, DROP COLUMN organization_id;
      ALTER TABLE training_requests DROP COLUMN organization_id;
    `);
  }
}
