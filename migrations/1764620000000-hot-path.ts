import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learner's list of enrollments counts each one's submitted attempts (attempts left): an index on the submitted
 * attempts of an enrollment, beside the existing one on its open attempt.
 */
export class HotPath1764620000000 implements MigrationInterface {
  name = 'HotPath1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX assessment_attempts_submitted_idx ON assessment_attempts (enrollment_id)
        WHERE submitted_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX assessment_attempts_submitted_idx');
  }
}
