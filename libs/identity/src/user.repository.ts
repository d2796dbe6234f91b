import { Injectable } from '@nestjs/common';
import { affected, one, PlatformRole, rows } from '@beacon/core/database';
import type { MailLocale } from '@beacon/core/mail';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  platform_roles: PlatformRole[];
  status: 'active' | 'disabled';
  /** The person's own choice of language; null until they choose (PATCH /me). */
  locale: MailLocale | null;
  escalation_digest: EscalationDigest | null;
  created_at: Date;
  cursor_at: string;
}

export const ESCALATION_DIGESTS = ['immediate', 'daily', 'weekly'] as const;
export type EscalationDigest = (typeof ESCALATION_DIGESTS)[number];

const COLUMNS =
  'id, email, name, password_hash, platform_roles, status, locale, escalation_digest, created_at, created_at::text AS cursor_at';

/** Global identities (a platform table): reached by id or email only. */
@Injectable()
export class UserRepository {
  async findByEmail(email: string): Promise<UserRow | null> {
    return one<UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]);
  }

  async findById(id: string): Promise<UserRow | null> {
    return one<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  }

  /** Creates the user unless the email exists; returns the row either way and whether it was created. */
  async findOrCreate(email: string, name: string): Promise<{ user: UserRow; created: boolean }> {
    const inserted = await rows<UserRow>(
      `INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      [email, name],
    );
    if (inserted[0]) return { user: inserted[0], created: true };
    return { user: (await this.findByEmail(email)) as UserRow, created: false };
  }

  /** Set-based find-or-create for bulk imports; existing people keep their name. Returns ids by email. */
  async findOrCreateMany(
    entries: Array<{ email: string; name: string }>,
  ): Promise<Array<{ id: string; email: string; created: boolean }>> {
    if (entries.length === 0) return [];
    // Insert first, then read only the people who already existed: for a roster of new people that is a single
    // statement (a CTE over the input would be materialized, and spill to disk for 100,000 rows).
    const created = await rows<{ id: string; email: string }>(
      `INSERT INTO users (email, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (email) DO NOTHING
       RETURNING id, email`,
      [entries.map((e) => e.email), entries.map((e) => e.name)],
    );
    const createdEmails = new Set(created.map((row) => row.email));
    const existingEmails = entries.map((e) => e.email).filter((email) => !createdEmails.has(email));
    const existing =
      existingEmails.length === 0
        ? []
        : await rows<{ id: string; email: string }>(
            'SELECT id, email FROM users WHERE email = ANY ($1::text[])',
            [existingEmails],
          );
    return [
      ...created.map((row) => ({ ...row, created: true })),
      ...existing.map((row) => ({ ...row, created: false })),
    ];
  }

  async findByIds(ids: string[]): Promise<UserRow[]> {
    return rows<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ANY ($1::uuid[])`, [ids]);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await affected('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
      id,
      passwordHash,
    ]);
  }

  async setName(id: string, name: string): Promise<void> {
    await affected('UPDATE users SET name = $2, updated_at = now() WHERE id = $1', [id, name]);
  }

  async updateProfile(
    id: string,
    fields: { name: string; locale: MailLocale | null; escalationDigest: EscalationDigest | null },
  ): Promise<void> {
    await affected(
      'UPDATE users SET name = $2, locale = $3, escalation_digest = $4, updated_at = now() WHERE id = $1',
      [id, fields.name, fields.locale, fields.escalationDigest],
    );
  }

  /**
   * The language and digest that apply to the person in an organization: their own choice, else (locale only) what
   * that organization entered for their membership, else English and daily. Memberships are read through the
   * person's own policy (app.user_id).
   */
  async effectivePreferences(
    id: string,
    organizationId: string | null,
  ): Promise<{ locale: MailLocale; escalation_digest: EscalationDigest }> {
    const row = await one<{ locale: MailLocale; escalation_digest: EscalationDigest }>(
      `SELECT coalesce(u.locale, m.locale, 'en') AS locale, coalesce(u.escalation_digest, 'daily') AS escalation_digest
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = $2::uuid
        WHERE u.id = $1`,
      [id, organizationId],
    );
    return row ?? { locale: 'en', escalation_digest: 'daily' };
  }

  async addPlatformRoles(id: string, roles: PlatformRole[]): Promise<PlatformRole[]> {
    const [row] = await rows<{ platform_roles: PlatformRole[] }>(
      `UPDATE users SET platform_roles = ARRAY(SELECT DISTINCT unnest(platform_roles || $2::text[]) ORDER BY 1),
              updated_at = now()
        WHERE id = $1 RETURNING platform_roles`,
      [id, roles],
    );
    return row.platform_roles;
  }

  async listPlatformStaff(after: CursorPosition | null, limit: number): Promise<UserRow[]> {
    const params: unknown[] = [];
    const where = [`platform_roles <> '{}'`];
    if (after) where.push(afterCursor(after, params));
    return rows<UserRow>(
      `SELECT ${COLUMNS} FROM users WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params)}`,
      params,
    );
  }

  /** The provider's facilitators, by name: a short list, read whole. */
  async listFacilitators(): Promise<Array<{ id: string; name: string }>> {
    return rows<{ id: string; name: string }>(
      `SELECT id, name FROM users
        WHERE 'facilitator' = ANY (platform_roles) AND status = 'active' ORDER BY lower(name), id`,
    );
  }

  /** Which of the ids are active facilitators. */
  async facilitatorIdsAmong(ids: readonly string[]): Promise<string[]> {
    const found = await rows<{ id: string }>(
      `SELECT id FROM users
        WHERE id = ANY ($1::uuid[]) AND 'facilitator' = ANY (platform_roles) AND status = 'active'`,
      [ids],
    );
    return found.map((row) => row.id);
  }
}
