import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Honest CE credit.
 *
 * 1. `module_openings` records when a learner first opened a module, so completing it can be refused until a share
 *    of its estimated minutes has passed, and the certificate can record the time actually spent.
 * 2. `courses.requires_evaluation`: accredited CE asks for the learner's evaluation before the certificate (HT-101
 *    does). `course_evaluations` keeps the answers per course for the provider, one per enrollment.
 * 3. Certificates freeze what they print: the awarded credit types with their labels (`credits`) and the minutes
 *    spent. Certificates issued before this carried their course's codes unchecked; they keep those codes, each
 *    labelled by the code itself, since no label was ever configured for them.
 */
export class CeCredit1764600000000 implements MigrationInterface {
  name = 'CeCredit1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE module_openings (
        organization_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        module_id uuid NOT NULL REFERENCES course_modules (id),
        opened_at timestamptz NOT NULL,
        PRIMARY KEY (enrollment_id, module_id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id)
      );
      ALTER TABLE module_openings ENABLE ROW LEVEL SECURITY;
      ALTER TABLE module_openings FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON module_openings USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT ON module_openings TO beacon_app;

      ALTER TABLE courses ADD COLUMN requires_evaluation boolean NOT NULL DEFAULT false;
      UPDATE courses SET requires_evaluation = true WHERE code = 'HT-101';

      CREATE TABLE course_evaluations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        enrollment_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        objectives_met smallint NOT NULL CHECK (objectives_met BETWEEN 1 AND 5),
        relevant_to_practice smallint NOT NULL CHECK (relevant_to_practice BETWEEN 1 AND 5),
        commercial_bias boolean NOT NULL,
        comments text CHECK (char_length(comments) <= 5000),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, id),
        UNIQUE (organization_id, enrollment_id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id)
      );
      CREATE INDEX course_evaluations_course_idx ON course_evaluations (organization_id, course_id, created_at);
      ALTER TABLE course_evaluations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE course_evaluations FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON course_evaluations USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT ON course_evaluations TO beacon_app;

      ALTER TABLE certificates
        ADD COLUMN credits jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN time_spent_minutes integer CHECK (time_spent_minutes >= 0);
      UPDATE certificates
         SET credits = (SELECT coalesce(jsonb_agg(jsonb_build_object('code', t, 'label', t)), '[]')
                          FROM unnest(credit_types) AS t);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE certificates DROP COLUMN time_spent_minutes, DROP COLUMN credits;
      DROP TABLE course_evaluations;
      ALTER TABLE courses DROP COLUMN requires_evaluation;
      DROP TABLE module_openings;
    `);
  }
}
