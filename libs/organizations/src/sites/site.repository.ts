import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export interface SiteRow {
  id: string;
  name: string;
  kind: string;
  timezone: string | null;
  address: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface SiteFields {
  name: string;
  kind: string;
  timezone: string | null;
  address: string | null;
}

const COLUMNS =
  'id, name, kind, timezone, address, archived_at, created_at, updated_at, created_at::text AS cursor_at';

@Injectable()
export class SiteRepository {
  async insert(fields: SiteFields): Promise<SiteRow> {
    const [inserted] = await rows<SiteRow>(
      `INSERT INTO sites (organization_id, name, kind, timezone, address) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [ExecutionContext.organizationId(), fields.name, fields.kind, fields.timezone, fields.address],
    );
    return inserted;
  }

  async findById(id: string, forUpdate = false): Promise<SiteRow | null> {
    return one<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  }

  async update(id: string, fields: SiteFields): Promise<SiteRow> {
    const [updated] = await rows<SiteRow>(
      `UPDATE sites SET name = $2, kind = $3, timezone = $4, address = $5, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, fields.name, fields.kind, fields.timezone, fields.address],
    );
    return updated;
  }

  async archive(id: string): Promise<void> {
    await affected(
      'UPDATE sites SET archived_at = now(), updated_at = now() WHERE id = $1 AND archived_at IS NULL',
      [id],
    );
  }

  async list(includeArchived: boolean, after: CursorPosition | null, limit: number): Promise<SiteRow[]> {
    const params: unknown[] = [];
    const where = ['true'];
    if (!includeArchived) where.push('archived_at IS NULL');
    if (after) where.push(afterCursor(after, params));
    return rows<SiteRow>(
      `SELECT ${COLUMNS} FROM sites WHERE ${where.join(' AND ')} ${newestFirst(limit, params)}`,
      params,
    );
  }
}
