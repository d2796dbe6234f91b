import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/** Foreign keys that point at enrollments (organization_id, id): re-pointed at its new primary key. */
const REFERENCES = [
  ['module_progress', 'module_progress_organization_id_enrollment_id_fkey'],
  ['assessment_attempts', 'assessment_attempts_organization_id_enrollment_id_fkey'],
  ['certificates', 'certificates_organization_id_enrollment_id_fkey'],
] as const;

/**
 * Large roster imports.
 *
 * 1. Memberships and enrollments are the tables a 100,000-row import fills, and every index costs each inserted
 *    row (~0.45 s per 100,000 here). The primary key of enrollments becomes (organization_id, id), which the
 *    composite foreign keys already needed, instead of a second unique index on id alone: its row-level security
 *    policy puts `organization_id = …` into every query, so lookups by id use the composite key. Memberships keep
 *    their key on id, because their second policy (a person sees their own memberships) is OR-ed with the tenant
 *    one and a lookup by id could then no longer use (organization_id, id). A membership's (user_id,
 *    organization_id) key serves both "one membership per person and organization" and "this person's
 *    memberships", replacing two indexes.
 * 2. `member_imports` records an import whose invitations and enrollments the worker writes after commit, batch
 *    by batch; `processed` advances in the same transaction as each batch, so a retried job resumes where the last
 *    committed batch ended and never writes a batch twice.
 */
export class BulkImport1764500000000 implements MigrationInterface {
  name = 'BulkImport1764500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of REFERENCES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
    }
    await q.query(`
      ALTER TABLE memberships DROP CONSTRAINT memberships_organization_id_user_id_key,
        ADD CONSTRAINT memberships_user_id_organization_id_key UNIQUE (user_id, organization_id);
      DROP INDEX memberships_user_idx;
      ALTER TABLE enrollments DROP CONSTRAINT enrollments_organization_id_id_key,
        DROP CONSTRAINT enrollments_pkey, ADD PRIMARY KEY (organization_id, id);
    `);
    for (const [table, constraint] of REFERENCES) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint}
           FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id)`,
      );
    }
    await q.query(`
      CREATE TABLE member_imports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        -- created members first: the first created_count of member_ids are invited
        member_ids uuid[] NOT NULL,
        created_count integer NOT NULL CHECK (created_count BETWEEN 0 AND cardinality(member_ids)),
        processed integer NOT NULL DEFAULT 0 CHECK (processed BETWEEN 0 AND cardinality(member_ids)),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (organization_id, id)
      );
      CREATE INDEX member_imports_unfinished_idx ON member_imports (organization_id, created_at)
        WHERE finished_at IS NULL;
      ALTER TABLE member_imports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE member_imports FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON member_imports USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT, UPDATE ON member_imports TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_imports');
    for (const [table, constraint] of REFERENCES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
    }
    await q.query(`
      ALTER TABLE enrollments DROP CONSTRAINT enrollments_pkey, ADD PRIMARY KEY (id),
        ADD CONSTRAINT enrollments_organization_id_id_key UNIQUE (organization_id, id);
      CREATE INDEX memberships_user_idx ON memberships (user_id);
      ALTER TABLE memberships DROP CONSTRAINT memberships_user_id_organization_id_key,
        ADD CONSTRAINT memberships_organization_id_user_id_key UNIQUE (organization_id, user_id);
    `);
    for (const [table, constraint] of REFERENCES) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint}
           FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id)`,
      );
    }
  }
}
