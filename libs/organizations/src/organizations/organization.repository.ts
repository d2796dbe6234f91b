import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  created_at: Date;
  cursor_at: string;
}

const COLUMNS = 'id, name, slug, timezone, created_at, created_at::text AS cursor_at';

/** Organizations are a platform table: reached by id, listed only for platform staff. */
@Injectable()
export class OrganizationRepository {
  async insert(input: {
    id: string;
    name: string;
    slug: string;
    timezone: string;
  }): Promise<OrganizationRow | null> {
    return one<OrganizationRow>(
      `INSERT INTO organizations (id, name, slug, timezone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      [input.id, input.name, input.slug, input.timezone],
    );
  }

  async findById(id: string): Promise<OrganizationRow | null> {
    return one<OrganizationRow>(`SELECT ${COLUMNS} FROM organizations WHERE id = $1`, [id]);
  }

  async list(after: CursorPosition | null, limit: number): Promise<OrganizationRow[]> {
    const params: unknown[] = [];
    const where = after ? `WHERE ${afterCursor(after, params)}` : '';
    return rows<OrganizationRow>(
      `SELECT ${COLUMNS} FROM organizations ${where} ${newestFirst(limit, params)}`,
      params,
    );
  }
}
