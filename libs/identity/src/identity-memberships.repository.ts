import { Injectable } from '@nestjs/common';
import { one, OrganizationRole, PlatformRole, rows } from '@beacon/core/database';

export interface OwnMembershipRow {
  membership_id: string;
  organization_id: string;
  organization_name: string;
  roles: OrganizationRole[];
  status: 'invited' | 'active' | 'deactivated';
}

export interface ActorStateRow {
  user_status: 'active' | 'disabled';
  platform_roles: PlatformRole[];
  membership_id: string | null;
  membership_status: 'invited' | 'active' | 'deactivated' | null;
  roles: OrganizationRole[] | null;
  session_revoked: boolean;
  has_active_membership: boolean;
}

/**
 * A person's own memberships, read through the `app.user_id` policy (login, /me, switch, token checks), and the
 * activation of a membership when its invitation is accepted. Membership management belongs to organizations.
 */
@Injectable()
export class IdentityMembershipsRepository {
  async listOwn(userId: string): Promise<OwnMembershipRow[]> {
    return rows<OwnMembershipRow>(
      `SELECT m.id AS membership_id, m.organization_id, o.name AS organization_name, m.roles, m.status
         FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1
        ORDER BY m.created_at, m.id`,
      [userId],
    );
  }

  /**
   * Everything a request needs to trust an access token, as one statement: the request's own transaction sends it
   * in the same round trip as its START TRANSACTION (see TenantTransaction.begin).
   */
  actorStateStatement(
    userId: string,
    organizationId: string | null,
    sessionId: string,
  ): { sql: string; params: Array<string | null> } {
    return {
      sql: `SELECT u.status AS user_status, u.platform_roles, m.id AS membership_id, m.status AS membership_status, m.roles,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $3::uuid AND r.revoked_at IS NOT NULL)
                AS session_revoked,
              EXISTS (SELECT 1 FROM memberships a WHERE a.user_id = u.id AND a.status = 'active')
                AS has_active_membership
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = $2::uuid
        WHERE u.id = $1::uuid`,
      params: [userId, organizationId, sessionId],
    };
  }

  async actorState(
    userId: string,
    organizationId: string | null,
    sessionId: string,
  ): Promise<ActorStateRow | null> {
    const { sql, params } = this.actorStateStatement(userId, organizationId, sessionId);
    return one<ActorStateRow>(sql, params);
  }

  /** Runs in the membership's organization and locks the row; null when there is no such membership. */
  async lockStatus(membershipId: string): Promise<OwnMembershipRow['status'] | null> {
    const row = await one<Pick<OwnMembershipRow, 'status'>>(
      'SELECT status FROM memberships WHERE id = $1 FOR UPDATE',
      [membershipId],
    );
    return row?.status ?? null;
  }

  /**
   * Runs in the membership's organization when the person accepts its invitation: from now on the organization
   * sees the person's own name (joined_at). True when the membership was waiting for this (invited); an active one
   * (added without an invitation) stays active.
   */
  async activate(membershipId: string): Promise<boolean> {
    const row = await one<{ was_invited: boolean }>(
      `UPDATE memberships m SET status = 'active', joined_at = coalesce(m.joined_at, now()), updated_at = now()
         FROM (SELECT id, status FROM memberships WHERE id = $1) before
        WHERE m.id = before.id AND m.status IN ('invited', 'active')
        RETURNING before.status = 'invited' AS was_invited`,
      [membershipId],
    );
    return row?.was_invited ?? false;
  }
}
