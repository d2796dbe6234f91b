import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Catalog (platform), cohorts, enrollments, progress, attempts and certificates (organization-owned). Tables whose
 * composite (organization_id, …) foreign key already proves the organization exists carry no second foreign key
 * to organizations: each is one more check per inserted row, and a roster import inserts 100,000 of them.
 */
export class LearningCore1764400000000 implements MigrationInterface {
  name = 'LearningCore1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        credit_hours numeric(5, 2) NOT NULL CHECK (credit_hours > 0),
        credit_types text[] NOT NULL DEFAULT '{}',
        passing_score integer NOT NULL CHECK (passing_score BETWEEN 1 AND 100),
        max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
        questions_per_attempt integer NOT NULL CHECK (questions_per_attempt > 0),
        objectives text[] NOT NULL,
        accreditation_statements text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'retired')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      );
      CREATE UNIQUE INDEX courses_one_published_uq ON courses (code) WHERE status = 'published';

      CREATE TABLE course_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses (id),
        key text NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        estimated_minutes integer NOT NULL CHECK (estimated_minutes > 0),
        body text NOT NULL,
        UNIQUE (course_id, key),
        UNIQUE (course_id, position)
      );

      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses (id),
        key text NOT NULL,
        position integer NOT NULL,
        objective integer NOT NULL CHECK (objective >= 0),
        prompt text NOT NULL,
        explanation text NOT NULL,
        UNIQUE (course_id, key)
      );

      CREATE TABLE question_choices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES questions (id),
        position integer NOT NULL,
        text text NOT NULL,
        correct boolean NOT NULL DEFAULT false,
        UNIQUE (question_id, position)
      );
      CREATE UNIQUE INDEX question_choices_one_correct_uq ON question_choices (question_id) WHERE correct;

      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        target_site_ids uuid[] NOT NULL DEFAULT '{}',
        target_department_ids uuid[] NOT NULL DEFAULT '{}',
        target_job_titles text[] NOT NULL DEFAULT '{}',
        target_roles text[] NOT NULL DEFAULT '{}',
        due_date date,
        due_in_days integer CHECK (due_in_days >= 0),
        interval_months integer CHECK (interval_months > 0),
        reminder_before_due_days integer[] NOT NULL DEFAULT '{7,1}',
        reminder_overdue_every_days integer NOT NULL DEFAULT 7 CHECK (reminder_overdue_every_days > 0),
        reminder_escalate_after_days integer NOT NULL DEFAULT 14 CHECK (reminder_escalate_after_days >= 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK (due_date IS NULL OR due_in_days IS NULL)
      );
      CREATE INDEX cohorts_list_idx ON cohorts (organization_id, created_at DESC, id DESC);

      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        cycle integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'not_started'
          CHECK (status IN ('not_started', 'in_progress', 'completed', 'exempt', 'withdrawn')),
        due_at timestamptz,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        exempt_reason text,
        withdrawn_at timestamptz,
        extra_attempts integer NOT NULL DEFAULT 0 CHECK (extra_attempts >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (cohort_id, membership_id, cycle),
        FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id)
      );
      CREATE INDEX enrollments_cohort_idx ON enrollments (organization_id, cohort_id, created_at DESC, id DESC);
      CREATE INDEX enrollments_member_idx ON enrollments (organization_id, membership_id, course_id);
      CREATE INDEX enrollments_open_due_idx ON enrollments (organization_id, due_at)
        WHERE status IN ('not_started', 'in_progress');

      CREATE TABLE module_progress (
        organization_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        module_id uuid NOT NULL REFERENCES course_modules (id),
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, module_id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id)
      );

      CREATE TABLE assessment_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        questions jsonb NOT NULL,
        answers jsonb,
        score integer CHECK (score BETWEEN 0 AND 100),
        passed boolean,
        started_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id)
      );
      CREATE UNIQUE INDEX assessment_attempts_one_open_uq ON assessment_attempts (enrollment_id) WHERE submitted_at IS NULL;

      CREATE SEQUENCE certificate_number_seq;

      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses (id),
        number text NOT NULL UNIQUE,
        verification_code text NOT NULL UNIQUE,
        learner_name text NOT NULL,
        course_code text NOT NULL,
        course_title text NOT NULL,
        credit_hours numeric(5, 2) NOT NULL,
        credit_types text[] NOT NULL,
        completed_on date NOT NULL,
        provider_name text NOT NULL,
        provider_address text NOT NULL,
        accreditation_statements text[] NOT NULL DEFAULT '{}',
        issued_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id)
      );
      CREATE INDEX certificates_member_idx ON certificates (organization_id, membership_id, issued_at DESC);

      -- Platform lookup for the public verification page: code -> organization, nothing else.
      CREATE TABLE certificate_codes (
        verification_code text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        certificate_id uuid NOT NULL UNIQUE
      );

      GRANT SELECT, INSERT, UPDATE ON courses, course_modules, questions, question_choices TO beacon_app;
      GRANT SELECT, INSERT ON certificate_codes TO beacon_app;
      GRANT SELECT, INSERT, UPDATE ON cohorts, enrollments, assessment_attempts, certificates TO beacon_app;
      GRANT SELECT, INSERT ON module_progress TO beacon_app;
      GRANT USAGE ON SEQUENCE certificate_number_seq TO beacon_app;
    `);
    for (const table of [
      'cohorts',
      'enrollments',
      'module_progress',
      'assessment_attempts',
      'certificates',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT});
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE certificate_codes, certificates, assessment_attempts, module_progress, enrollments, cohorts,
        question_choices, questions, course_modules, courses;
      DROP SEQUENCE certificate_number_seq;
    `);
  }
}
