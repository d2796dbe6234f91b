import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `refresh_tokens.remember`: whether a browser session's cookie outlives the browser (`"remember": true` at sign-in).
 * Each rotation copies it to the family's next token, so a refresh by cookie keeps the choice made at sign-in. It is
 * stored rather than carried in the cookie, where the page (or anyone holding the cookie) could change it.
 */
export class BrowserSessions1764670000000 implements MigrationInterface {
  name = 'BrowserSessions1764670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN remember boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN remember`);
  }
}
