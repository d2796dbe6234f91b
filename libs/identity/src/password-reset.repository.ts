import { Injectable } from '@nestjs/common';
import { affected, one, rows } from '@beacon/core/database';

export interface PasswordResetRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
}

@Injectable()
export class PasswordResetRepository {
  /** Serializes requests for one person until the transaction ends, so the hourly mail limit cannot be raced. */
  async lockPerson(userId: string): Promise<void> {
    await one(`SELECT pg_advisory_xact_lock(hashtext('password_reset:' || $1::text)) AS locked`, [userId]);
  }

  async countSince(userId: string, seconds: number): Promise<number> {
    const [row] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND created_at > now() - make_interval(secs => $2)`,
      [userId, seconds],
    );
    return row.n;
  }

  async insert(
    userId: string,
    tokenHash: string,
    ttlSeconds: number,
  ): Promise<{ id: string; expires_at: Date }> {
    const [inserted] = await rows<{ id: string; expires_at: Date }>(
      `INSERT INTO password_resets (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id, expires_at`,
      [userId, tokenHash, ttlSeconds],
    );
    return inserted;
  }

  async findByHash(tokenHash: string): Promise<PasswordResetRow | null> {
    return one<PasswordResetRow>(
      'SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1',
      [tokenHash],
    );
  }

  async markUsed(id: string): Promise<boolean> {
    const count = await affected(
      'UPDATE password_resets SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now()',
      [id],
    );
    return count > 0;
  }
}
