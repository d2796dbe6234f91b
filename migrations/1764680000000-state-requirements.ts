import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `state_training_requirements`: the state human-trafficking training rules for healthcare licensees (and the
 * facility-level rules and posting duties beside them), from the provider's researched facts. Reference data of the
 * platform, not of a tenant: no organization_id and no row-level security, like the catalog. The api seeds it at
 * start-up by `code` (so the app role may insert and update, never delete).
 *
 * `unconfirmed` rows carry a `note` saying what is unconfirmed; a rule in them must not be applied as settled.
 */
export class StateRequirements1764680000000 implements MigrationInterface {
  name = 'StateRequirements1764680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE state_training_requirements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z]{2}-[a-z0-9-]{1,60}$'),
        state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
        scope text NOT NULL CHECK (scope IN ('licensee', 'facility', 'none')),
        license_types text[] NOT NULL DEFAULT '{}',
        license_types_description text NOT NULL,
        hours numeric(4, 2) CHECK (hours > 0),
        hours_note text,
        frequency text CHECK (
          frequency IN ('one_time', 'each_renewal', 'every_n_renewals', 'annual', 'ongoing', 'posting_only')),
        every_n_renewals integer CHECK (every_n_renewals > 1),
        frequency_note text,
        approval_mode text NOT NULL CHECK (
          approval_mode IN ('state_list', 'board_approved', 'category_acceptance', 'facility_policy', 'none')),
        approval_note text,
        content_summary text NOT NULL,
        sources jsonb NOT NULL CHECK (jsonb_typeof(sources) = 'array' AND jsonb_array_length(sources) > 0),
        confidence text NOT NULL CHECK (confidence IN ('H', 'M', 'L')),
        unconfirmed boolean NOT NULL,
        note text,
        reviewed_on date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT state_training_requirements_every_n_check
          CHECK ((frequency = 'every_n_renewals') = (every_n_renewals IS NOT NULL)),
        CONSTRAINT state_training_requirements_note_check CHECK (NOT unconfirmed OR note IS NOT NULL),
        CONSTRAINT state_training_requirements_scope_frequency_check CHECK ((scope = 'none') = (frequency IS NULL))
      );
      CREATE INDEX state_training_requirements_state_idx ON state_training_requirements (state, code);

      GRANT SELECT, INSERT, UPDATE ON state_training_requirements TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE state_training_requirements`);
  }
}
