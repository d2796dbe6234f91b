import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an organization may know about its members.
 *
 * 1. `memberships.name` is the name the organization entered (API or roster import), shown until the person accepts
 *    this organization's invitation (`joined_at`); from then on the person's own name is shown. Existing rows keep
 *    the name they showed so far, and count as joined from their first accepted invitation.
 * 2. `memberships.locale` is the language of a member's mail until they choose one (null: English).
 * 3. Indexes for the reporting chain (manager_id, walked by a recursive query) and for site and department filters;
 *    an invitation's membership and time, for the re-send limit.
 * 4. Audit events name who acted as the organization knows them: `actor_type` member (`actor_id` is then their
 *    membership id), platform (the staff user's id, never shown to an organization) or system (no id).
 */
export class MemberTenancy1764610000000 implements MigrationInterface {
  name = 'MemberTenancy1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE memberships
        ADD COLUMN name text,
        ADD COLUMN joined_at timestamptz,
        ADD COLUMN locale text CHECK (locale IN ('en', 'es'));
      UPDATE memberships m SET name = u.name FROM users u WHERE u.id = m.user_id;
      UPDATE memberships m
         SET joined_at = i.accepted_at
        FROM (SELECT membership_id, min(accepted_at) AS accepted_at
                FROM invitations WHERE accepted_at IS NOT NULL AND membership_id IS NOT NULL
               GROUP BY membership_id) i
       WHERE i.membership_id = m.id;
      ALTER TABLE memberships ALTER COLUMN name SET NOT NULL;
      CREATE INDEX memberships_manager_idx ON memberships (organization_id, manager_id) WHERE manager_id IS NOT NULL;
      CREATE INDEX memberships_site_idx ON memberships (organization_id, site_id) WHERE site_id IS NOT NULL;
      CREATE INDEX memberships_department_idx ON memberships (organization_id, department_id)
        WHERE department_id IS NOT NULL;
      CREATE INDEX invitations_membership_idx ON invitations (membership_id, created_at) WHERE membership_id IS NOT NULL;
      ALTER TABLE audit_events ADD COLUMN actor_type text CHECK (actor_type IN ('member', 'platform', 'system'));
      UPDATE audit_events a SET actor_type = 'member', actor_id = m.id
        FROM memberships m WHERE m.user_id = a.actor_id AND m.organization_id = a.organization_id;
      UPDATE audit_events SET actor_type = CASE WHEN actor_id IS NULL THEN 'system' ELSE 'platform' END
       WHERE actor_type IS NULL;
      ALTER TABLE audit_events ALTER COLUMN actor_type SET NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE audit_events a SET actor_id = m.user_id
        FROM memberships m WHERE a.actor_type = 'member' AND m.id = a.actor_id;
      ALTER TABLE audit_events DROP COLUMN actor_type;
      DROP INDEX invitations_membership_idx, memberships_department_idx, memberships_site_idx, memberships_manager_idx;
      ALTER TABLE memberships DROP COLUMN locale, DROP COLUMN joined_at, DROP COLUMN name;
    `);
  }
}
