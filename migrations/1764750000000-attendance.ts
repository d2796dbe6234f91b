import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance at live sessions (API.md "Intake and live sessions", issue 12 item 6).
 *
 * - `session_registrations.attended_at` / `attendance_marked_by`: who was marked present, when and by whom
 *   (accreditors ask providers to verify participation for years; the registration row is the roster line).
 * - `enrollments.completed_live_session_id`: the enrollment was completed by attending that session rather than by
 *   an assessment pass; the learner's evaluation (when the course asks for one) then issues the certificate.
 * - `certificates.live_session_id`: the credit was earned in that live session. One certificate per member and
 *   session, whatever races: the unique index is the last word when ten identical marks arrive at once.
 * - Self check-in: `live_sessions.check_in_secret` is the per-session HMAC key the minute's code is derived from
 *   (nothing is stored per minute); `roster_closed_at` ends check-in. `session_registrations.checked_in_at` is a
 *   provisional check-in, confirmed as attendance only when the facilitator closes the roster, unless
 *   `check_in_rejected_at` says the facilitator turned it down.
 */
export class Attendance1764750000000 implements MigrationInterface {
  name = 'Attendance1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_registrations
        ADD COLUMN attended_at timestamptz,
        ADD COLUMN attendance_marked_by uuid REFERENCES users (id),
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN check_in_rejected_at timestamptz;

      ALTER TABLE live_sessions
        ADD COLUMN check_in_secret bytea,
        ADD COLUMN roster_closed_at timestamptz;

      ALTER TABLE enrollments ADD COLUMN completed_live_session_id uuid;
      ALTER TABLE enrollments ADD CONSTRAINT enrollments_completed_live_session_fk
        FOREIGN KEY (organization_id, completed_live_session_id) REFERENCES live_sessions (organization_id, id);

      ALTER TABLE certificates ADD COLUMN live_session_id uuid;
      ALTER TABLE certificates ADD CONSTRAINT certificates_live_session_fk
        FOREIGN KEY (organization_id, live_session_id) REFERENCES live_sessions (organization_id, id);
      CREATE UNIQUE INDEX certificates_live_session_member_key
        ON certificates (organization_id, live_session_id, membership_id) WHERE live_session_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX certificates_live_session_member_key;
      ALTER TABLE certificates DROP COLUMN live_session_id;
      ALTER TABLE enrollments DROP COLUMN completed_live_session_id;
      ALTER TABLE live_sessions DROP COLUMN roster_closed_at, DROP COLUMN check_in_secret;
      ALTER TABLE session_registrations DROP COLUMN check_in_rejected_at, DROP COLUMN checked_in_at,
        DROP COLUMN attendance_marked_by, DROP COLUMN attended_at;
    `);
  }
}
