import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;
const CURRENT_USER = `NULLIF(current_setting('app.user_id', true), '')::uuid`;

/**
 * Live sessions (API.md "Intake and live sessions"): onsite trainings of a course at one of the organization's
 * sites, run by the provider's facilitators, with a capacity and a waitlist.
 *
 * - A facilitator is a platform user; their token is bound to no organization. The `assigned_facilitator`
 *   policies (SELECT only) let them read a session, and its registrations, exactly when `session_facilitators`
 *   holds them for it; nothing else of the organization.
 * - `session_facilitators.busy` is the session's time plus the travel buffer after it (SESSION_TRAVEL_BUFFER at
 *   booking). The exclusion constraint refuses two overlapping bookings of one facilitator, in any organization:
 *   a constraint sees every row whatever RLS hides, and it holds for bookings made at the same moment (the second
 *   waits for the first to commit). A cancelled session's rows are kept, `active` false, outside the constraint.
 * - `live_session_index` (a platform lookup, like certificate code → organization) says which organization a
 *   session id belongs to, so a platform admin can enter it.
 * - `training_request_id` is the intake request the session came from; its foreign key comes with that table.
 * - `sequence` is the calendar SEQUENCE: raised on every change of the session.
 */
export class LiveSessions1764740000000 implements MigrationInterface {
  name = 'LiveSessions1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      CREATE TABLE live_sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        course_id uuid NOT NULL REFERENCES courses (id),
        site_id uuid NOT NULL,
        training_request_id uuid,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        timezone text NOT NULL,
        location text NOT NULL CHECK (length(location) BETWEEN 1 AND 500),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        PRIMARY KEY (organization_id, id),
        UNIQUE (id),
        CHECK (ends_at > starts_at),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id)
      );
      CREATE INDEX live_sessions_starts_idx ON live_sessions (organization_id, starts_at, id);

      CREATE TABLE session_facilitators (
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        facilitator_id uuid NOT NULL REFERENCES users (id),
        busy tstzrange NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (organization_id, session_id, facilitator_id),
        FOREIGN KEY (organization_id, session_id) REFERENCES live_sessions (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT session_facilitators_no_overlap
          EXCLUDE USING gist (facilitator_id WITH =, busy WITH &&) WHERE (active)
      );
      CREATE INDEX session_facilitators_facilitator_idx ON session_facilitators (facilitator_id, session_id);

      CREATE TABLE session_registrations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('registered', 'waitlisted')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        promoted_at timestamptz,
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, session_id, member_id),
        FOREIGN KEY (organization_id, session_id) REFERENCES live_sessions (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, member_id) REFERENCES memberships (organization_id, id)
      );
      CREATE INDEX session_registrations_queue_idx
        ON session_registrations (organization_id, session_id, status, created_at, id);

      CREATE TABLE live_session_index (
        session_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id)
      );

      ALTER TABLE live_sessions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE live_sessions FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON live_sessions USING (${TENANT}) WITH CHECK (${TENANT});
      ALTER TABLE session_facilitators ENABLE ROW LEVEL SECURITY;
      ALTER TABLE session_facilitators FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON session_facilitators USING (${TENANT}) WITH CHECK (${TENANT});
      ALTER TABLE session_registrations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE session_registrations FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON session_registrations USING (${TENANT}) WITH CHECK (${TENANT});

      CREATE POLICY assigned_facilitator ON session_facilitators FOR SELECT
        USING (facilitator_id = ${CURRENT_USER});
      CREATE POLICY assigned_facilitator ON live_sessions FOR SELECT
        USING (EXISTS (SELECT 1 FROM session_facilitators f
                        WHERE f.organization_id = live_sessions.organization_id
                          AND f.session_id = live_sessions.id AND f.facilitator_id = ${CURRENT_USER}));
      CREATE POLICY assigned_facilitator ON session_registrations FOR SELECT
        USING (EXISTS (SELECT 1 FROM session_facilitators f
                        WHERE f.organization_id = session_registrations.organization_id
                          AND f.session_id = session_registrations.session_id
                          AND f.facilitator_id = ${CURRENT_USER}));

      GRANT SELECT, INSERT, UPDATE ON live_sessions TO beacon_app;
      GRANT SELECT, INSERT, UPDATE ON session_facilitators TO beacon_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON session_registrations TO beacon_app;
      GRANT SELECT, INSERT ON live_session_index TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE live_session_index;
      DROP TABLE session_registrations;
      DROP POLICY assigned_facilitator ON live_sessions;
      DROP TABLE session_facilitators;
      DROP TABLE live_sessions;
    `);
    // btree_gist stays: an extension may outlive the tables that first needed it, and dropping it is the owner's call.
  }
}
