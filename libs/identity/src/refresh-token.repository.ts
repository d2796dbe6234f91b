import { Injectable } from '@nestjs/common';
import { affected, one } from '@beacon/core/database';

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  organization_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

@Injectable()
export class RefreshTokenRepository {
  async insert(row: {
    userId: string;
    familyId: string;
    organizationId: string | null;
    tokenHash: string;
    ttlSeconds: number;
  }) {
    await affected(
      `INSERT INTO refresh_tokens (user_id, family_id, organization_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [row.userId, row.familyId, row.organizationId, row.tokenHash, row.ttlSeconds],
    );
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return one<RefreshTokenRow>(
      'SELECT id, user_id, family_id, organization_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1',
      [tokenHash],
    );
  }

  /** Spends the token; false when it was spent (or revoked) already, which is a reuse. */
  async spend(id: string): Promise<boolean> {
    const count = await affected(
      'UPDATE refresh_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL',
      [id],
    );
    return count > 0;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await affected(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }

  /** Every session of the person, or every one but `keepFamilyId`. */
  async revokeForUser(userId: string, keepFamilyId: string | null = null): Promise<void> {
    await affected(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`,
      [userId, keepFamilyId],
    );
  }

  /** Sessions bound to one organization (a deactivated membership). */
  async revokeForUserInOrganization(userId: string, organizationId: string): Promise<void> {
    await affected(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND organization_id = $2 AND revoked_at IS NULL`,
      [userId, organizationId],
    );
  }
}
