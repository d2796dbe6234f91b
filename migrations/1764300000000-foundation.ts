import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;
// Rows that belong to no organization (platform invitations, password resets, platform audit) are visible only in
// the platform scope; organization rows only in their organization.
const TENANT_OR_PLATFORM = `(${TENANT}) OR (organization_id IS NULL AND current_setting('app.scope', true) = 'platform')`;

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beacon_app') THEN
          CREATE ROLE beacon_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$;
      GRANT USAGE ON SCHEMA public TO beacon_app;

      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,63}$'),
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Stored lower-cased (the app normalizes every email it is given), so a plain unique index compares
        -- case-insensitively; citext costs several times more per comparison in bulk imports.
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text,
        platform_roles text[] NOT NULL DEFAULT '{}'
          CHECK (platform_roles <@ ARRAY['platform_admin', 'facilitator']::text[]),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_platform_staff_idx ON users (created_at DESC, id DESC) WHERE platform_roles <> '{}';

      CREATE TABLE external_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        provider text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (provider, subject)
      );

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        family_id uuid NOT NULL,
        organization_id uuid REFERENCES organizations (id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at DESC);

      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('hospital', 'satellite_clinic', 'other')),
        timezone text,
        address text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      );
      CREATE UNIQUE INDEX sites_live_name_uq ON sites (organization_id, lower(name)) WHERE archived_at IS NULL;
      CREATE INDEX sites_list_idx ON sites (organization_id, created_at DESC, id DESC);

      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        site_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('emergency', 'urgent_care', 'primary_care', 'inpatient', 'other')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id)
      );
      CREATE UNIQUE INDEX departments_live_name_uq ON departments (organization_id, site_id, lower(name))
        WHERE archived_at IS NULL;
      CREATE INDEX departments_list_idx ON departments (organization_id, created_at DESC, id DESC);

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        user_id uuid NOT NULL REFERENCES users (id),
        roles text[] NOT NULL DEFAULT '{learner}'
          CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['org_admin', 'educator', 'manager', 'learner']::text[]),
        status text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
        site_id uuid,
        department_id uuid,
        job_title text,
        employee_id text,
        manager_id uuid,
        license_type text,
        license_state text,
        license_number text,
        license_expires_on date,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (organization_id, user_id),
        FOREIGN KEY (organization_id, site_id) REFERENCES sites (organization_id, id),
        FOREIGN KEY (organization_id, department_id) REFERENCES departments (organization_id, id),
        FOREIGN KEY (organization_id, manager_id) REFERENCES memberships (organization_id, id),
        CHECK (manager_id IS DISTINCT FROM id)
      );
      CREATE UNIQUE INDEX memberships_employee_id_uq ON memberships (organization_id, employee_id)
        WHERE employee_id IS NOT NULL;
      CREATE INDEX memberships_user_idx ON memberships (user_id);
      CREATE INDEX memberships_list_idx ON memberships (organization_id, created_at DESC, id DESC);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id),
        -- (organization_id, membership_id) references memberships, which proves the organization exists.
        organization_id uuid,
        membership_id uuid,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, membership_id) REFERENCES memberships (organization_id, id),
        CHECK ((organization_id IS NULL) = (membership_id IS NULL))
      );
      CREATE INDEX invitations_user_idx ON invitations (user_id);

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations (id),
        kind text NOT NULL,
        recipient_email text NOT NULL CHECK (recipient_email = lower(recipient_email)),
        recipient_user_id uuid REFERENCES users (id),
        dedupe_key text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        message_id text NOT NULL,
        smtp_response text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE NULLS NOT DISTINCT (organization_id, dedupe_key)
      );
      CREATE INDEX notifications_unsettled_idx ON notifications (organization_id, created_at)
        WHERE status IN ('pending', 'sending');
      CREATE INDEX notifications_list_idx ON notifications (organization_id, created_at DESC, id DESC);

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations (id),
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX audit_events_list_idx ON audit_events (organization_id, at DESC, id DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id);

      GRANT SELECT, INSERT, UPDATE ON organizations, users TO beacon_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON external_identities, refresh_tokens, password_resets, invitations
        TO beacon_app;
      GRANT SELECT, INSERT, UPDATE ON sites, departments, memberships, notifications TO beacon_app;
      GRANT SELECT, INSERT ON audit_events TO beacon_app;
    `);

    for (const table of ['sites', 'departments', 'memberships']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT});
      `);
    }
    for (const table of ['notifications', 'audit_events']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (${TENANT_OR_PLATFORM}) WITH CHECK (${TENANT_OR_PLATFORM});
      `);
    }
    // A person may read their own memberships across organizations (login, /me, switch) and nothing else.
    await q.query(`
      CREATE POLICY own_memberships ON memberships FOR SELECT
        USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_events, notifications, invitations, memberships, departments, sites, password_resets,
        refresh_tokens, external_identities, users, organizations;
    `);
  }
}
