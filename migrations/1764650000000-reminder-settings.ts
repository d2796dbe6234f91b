import { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_WINDOW = `'{"start": "08:00", "end": "20:00", "days": [1, 2, 3, 4, 5, 6, 7]}'::jsonb`;

/**
 * Settings the reminder engine reads.
 *
 * 1. `organizations.reminder_window`: reminders go out only inside it, in the recipient's site (else the
 *    organization's) time zone; null means any time. `idle_sign_out_minutes` is for the web app.
 * 2. `users.locale` and `users.escalation_digest`: a person's own choices (`PATCH /me`). Null means not chosen: the
 *    locale then falls back to the membership's (what the organization entered), then English; the digest to daily.
 * 3. `notifications.send_after`: a reminder held until the window opens stays visible as `pending` with the time it
 *    will go; null means as soon as it is relayed.
 */
export class ReminderSettings1764650000000 implements MigrationInterface {
  name = 'ReminderSettings1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN reminder_window jsonb DEFAULT ${DEFAULT_WINDOW},
        ADD COLUMN idle_sign_out_minutes integer NOT NULL DEFAULT 15
          CHECK (idle_sign_out_minutes BETWEEN 1 AND 1440);
      UPDATE organizations SET reminder_window = ${DEFAULT_WINDOW};
      ALTER TABLE users
        ADD COLUMN locale text CHECK (locale IN ('en', 'es')),
        ADD COLUMN escalation_digest text CHECK (escalation_digest IN ('immediate', 'daily', 'weekly'));
      ALTER TABLE notifications ADD COLUMN send_after timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications DROP COLUMN send_after;
      ALTER TABLE users DROP COLUMN escalation_digest, DROP COLUMN locale;
      ALTER TABLE organizations DROP COLUMN idle_sign_out_minutes, DROP COLUMN reminder_window;
    `);
  }
}
