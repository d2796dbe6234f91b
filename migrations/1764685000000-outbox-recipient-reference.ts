import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `notifications.recipient_user_id` keeps its value but no longer has a foreign key to `users`.
 *
 * The reminder sweep writes ~1,000 notifications an organization in one statement, each taking the recipient's id
 * from a join on `users` in that same statement, so the reference is right when written. The key's check then
 * locked each user row again (FOR KEY SHARE, which writes the lock into the row): 33 µs of the statement's ~160 µs
 * a row (auto_explain, tools/bench/RESULTS.md, issue 9). Users are never deleted; the column only finds a person's
 * held reminders when their site's time zone changes, and an id with no user would match nothing.
 */
export class OutboxRecipientReference1764685000000 implements MigrationInterface {
  name = 'OutboxRecipientReference1764685000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_recipient_user_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD CONSTRAINT notifications_recipient_user_id_fkey FOREIGN KEY (recipient_user_id) REFERENCES users (id)
    `);
  }
}
