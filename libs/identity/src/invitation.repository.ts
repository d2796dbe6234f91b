import { Injectable } from '@nestjs/common';
import { affected, one, rows } from '@beacon/core/database';
import type { MailLocale } from '@beacon/core/mail';

export interface InvitationRow {
  id: string;
  user_id: string;
  organization_id: string | null;
  membership_id: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** The language of the invitation mail: the person's own choice, else what the organization entered, else English. */
const LOCALE = `(SELECT coalesce(u.locale, m.locale, 'en') FROM users u LEFT JOIN memberships m ON m.id = invitations.membership_id
                 WHERE u.id = invitations.user_id) AS locale`;

export interface WrittenInvitation {
  id: string;
  expires_at: Date;
  locale: MailLocale;
}

@Injectable()
export class InvitationRepository {
  /** Replaces any open invitation for the same membership (or platform account): only the newest link works. */
  async insert(row: {
    userId: string;
    organizationId: string | null;
    membershipId: string | null;
    tokenHash: string;
    ttlSeconds: number;
  }): Promise<WrittenInvitation> {
    await affected(
      `UPDATE invitations SET revoked_at = now()
        WHERE user_id = $1 AND organization_id IS NOT DISTINCT FROM $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [row.userId, row.organizationId],
    );
    const [inserted] = await rows<WrittenInvitation>(
      `INSERT INTO invitations (user_id, organization_id, membership_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING id, expires_at, ${LOCALE}`,
      [row.userId, row.organizationId, row.membershipId, row.tokenHash, row.ttlSeconds],
    );
    return inserted;
  }

  /** Invitations for many new members of one organization at once (a roster import). */
  async insertMany(
    organizationId: string,
    invitations: Array<{ userId: string; membershipId: string; tokenHash: string }>,
    ttlSeconds: number,
  ): Promise<Array<WrittenInvitation & { membership_id: string }>> {
    if (invitations.length === 0) return [];
    return rows<WrittenInvitation & { membership_id: string }>(
      `INSERT INTO invitations (user_id, organization_id, membership_id, token_hash, expires_at)
       SELECT t.user_id, $1, t.membership_id, t.token_hash, now() + make_interval(secs => $5)
         FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(user_id, membership_id, token_hash)
       RETURNING id, membership_id, expires_at, ${LOCALE}`,
      [
        organizationId,
        invitations.map((r) => r.userId),
        invitations.map((r) => r.membershipId),
        invitations.map((r) => r.tokenHash),
        ttlSeconds,
      ],
    );
  }

  async findByHash(tokenHash: string): Promise<InvitationRow | null> {
    return one<InvitationRow>(
      `SELECT id, user_id, organization_id, membership_id, expires_at, accepted_at, revoked_at
         FROM invitations WHERE token_hash = $1`,
      [tokenHash],
    );
  }

  /** Single use: false when another request accepted it first. */
  async markAccepted(id: string): Promise<boolean> {
    const count = await affected(
      `UPDATE invitations SET accepted_at = now()
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [id],
    );
    return count > 0;
  }
}
