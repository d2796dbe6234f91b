import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity file a CE reviewer asks of a course: references, faculty, financial-relationship disclosures, release
 * and expiry dates (an expired course takes no new cohorts), how the contact hours were determined, the target
 * audience; and how many questions each attempt draws per objective (null: spread evenly), so that every attempt
 * assesses every objective. Versions published before carry none of it (empty lists and nulls).
 */
export class ActivityFile1764640000000 implements MigrationInterface {
  name = 'ActivityFile1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE courses
        ADD COLUMN sources jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN faculty jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN disclosures jsonb,
        ADD COLUMN release_date date,
        ADD COLUMN expires_on date,
        ADD COLUMN contact_hour_method jsonb,
        ADD COLUMN target_audience text,
        ADD COLUMN questions_per_objective integer[],
        ADD CONSTRAINT courses_questions_per_objective_check CHECK (
          questions_per_objective IS NULL OR cardinality(questions_per_objective) = cardinality(objectives)),
        ADD CONSTRAINT courses_expiry_check CHECK (expires_on IS NULL OR release_date IS NULL OR expires_on >= release_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE courses
        DROP CONSTRAINT courses_expiry_check,
        DROP CONSTRAINT courses_questions_per_objective_check,
        DROP COLUMN questions_per_objective,
        DROP COLUMN target_audience,
        DROP COLUMN contact_hour_method,
        DROP COLUMN expires_on,
        DROP COLUMN release_date,
        DROP COLUMN disclosures,
        DROP COLUMN faculty,
        DROP COLUMN sources;
    `);
  }
}
