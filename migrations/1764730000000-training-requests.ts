import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `training_requests` and their activity (API.md "Intake and live sessions"): platform tables (DESIGN.md,
 * "Tenancy"), a stranger's request belongs to no organization yet, so they carry no organization_id and no RLS and
 * are reached only by platform admins through the platform scope.
 *
 * - `reference` is what the requester quotes: `TR-<year>-<6 digits>` from a sequence, unique.
 * - `duplicate_of`: a second request from the same email and organization name within a day is stored (its message
 *   may differ) but joined to the first, with status `duplicate`, outside the pipeline's flow.
 * - `training_request_acks` counts acknowledgements per address and UTC day; the upsert that takes a slot only
 *   succeeds below 3, so a parallel burst cannot mail an address more than 3 times a day.
 * - Activity rows are appended only (the app may insert and read them, never change them).
 */
export class TrainingRequests1764730000000 implements MigrationInterface {
  name = 'TrainingRequests1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE training_request_reference_seq;
      CREATE TABLE training_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE DEFAULT
          'TR-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('training_request_reference_seq')::text, 6, '0'),
        status text NOT NULL CHECK (status IN
          ('new', 'triaged', 'proposed', 'scheduled', 'completed', 'declined', 'spam', 'duplicate')),
        organization_name text NOT NULL,
        contact_name text NOT NULL,
        email text NOT NULL CHECK (email = lower(email)),
        phone text,
        role text,
        setting text NOT NULL CHECK (setting IN ('emergency_department', 'satellite_clinic', 'both', 'other')),
        staff_count integer CHECK (staff_count > 0),
        preferred_dates date[] NOT NULL DEFAULT '{}',
        city text,
        state text,
        format text NOT NULL CHECK (format IN ('onsite', 'virtual', 'either')),
        message text,
        locale text NOT NULL CHECK (locale IN ('en', 'es')),
        duplicate_of uuid REFERENCES training_requests (id),
        assigned_facilitator_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL))
      );
      CREATE INDEX training_requests_newest_idx ON training_requests (created_at DESC, id DESC);
      CREATE INDEX training_requests_status_idx ON training_requests (status, created_at DESC, id DESC);
      CREATE INDEX training_requests_contact_idx
        ON training_requests (email, lower(organization_name), created_at DESC) WHERE duplicate_of IS NULL;
      CREATE INDEX training_requests_duplicate_idx ON training_requests (duplicate_of) WHERE duplicate_of IS NOT NULL;

      CREATE TABLE training_request_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        training_request_id uuid NOT NULL REFERENCES training_requests (id),
        actor_user_id uuid REFERENCES users (id),
        action text NOT NULL CHECK (action IN ('received', 'linked', 'status_changed', 'assigned', 'note')),
        from_status text,
        to_status text,
        facilitator_id uuid REFERENCES users (id),
        linked_request_id uuid REFERENCES training_requests (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX training_request_activity_request_idx
        ON training_request_activity (training_request_id, created_at, id);

      CREATE TABLE training_request_acks (
        email text NOT NULL,
        day date NOT NULL,
        sent integer NOT NULL CHECK (sent BETWEEN 1 AND 3),
        PRIMARY KEY (email, day)
      );

      GRANT SELECT, INSERT, UPDATE ON training_requests, training_request_acks TO beacon_app;
      GRANT SELECT, INSERT ON training_request_activity TO beacon_app;
      GRANT USAGE ON SEQUENCE training_request_reference_seq TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE training_request_acks, training_request_activity, training_requests;
      DROP SEQUENCE training_request_reference_seq;
    `);
  }
}
