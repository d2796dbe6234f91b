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
  /** A browser session whose cookie outlives the browser; copied to each rotated token of the family. */
  remember: boolean;
}

const COLUMNS = 'id, user_id, family_id, organization_id, expires_at, used_at, revoked_at, remember';

@Injectable()
export class RefreshTokenRepository {
  async insert(row: {
    userId: string;
    familyId: string;
    organizationId: string | null;
    tokenHash: string;
    ttlSeconds: number;
    remember: boolean;
  }) {
    await affected(
      `INSERT INTO refresh_tokens (user_id, family_id, organization_id, token_hash, expires_at, remember)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6)`,
      [row.userId, row.familyId, row.organizationId, row.tokenHash, row.ttlSeconds, row.remember],
    );
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return one<RefreshTokenRow>(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = $1`, [tokenHash]);
  }

  /**
   * The same, the row locked until the transaction ends: refreshes with one token queue here, so each later one
   * sees the token spent, and its family's next token already written (and revoked with the family).
   */
  async lockByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return one<RefreshTokenRow>(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`, [
      tokenHash,
    ]);
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
