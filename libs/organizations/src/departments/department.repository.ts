import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export interface DepartmentRow {
  id: string;
  site_id: string;
  name: string;
  kind: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface DepartmentFields {
  siteId: string;
  name: string;
  kind: string;
}

const COLUMNS = 'id, site_id, name, kind, archived_at, created_at, updated_at, created_at::text AS cursor_at';

@Injectable()
export class DepartmentRepository {
  async insert(fields: DepartmentFields): Promise<DepartmentRow> {
    const [inserted] = await rows<DepartmentRow>(
      `INSERT INTO departments (organization_id, site_id, name, kind) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [ExecutionContext.organizationId(), fields.siteId, fields.name, fields.kind],
    );
    return inserted;
  }

  async findById(id: string): Promise<DepartmentRow | null> {
    return one<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE id = $1`, [id]);
  }

  async update(id: string, fields: DepartmentFields): Promise<DepartmentRow> {
    const [updated] = await rows<DepartmentRow>(
      `UPDATE departments SET site_id = $2, name = $3, kind = $4, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, fields.siteId, fields.name, fields.kind],
    );
    return updated;
  }

  async archive(id: string): Promise<void> {
    await affected(
      'UPDATE departments SET archived_at = now(), updated_at = now() WHERE id = $1 AND archived_at IS NULL',
      [id],
    );
  }

  /** Archiving a site archives its departments with it. */
  async archiveBySite(siteId: string): Promise<number> {
    return affected(
      'UPDATE departments SET archived_at = now(), updated_at = now() WHERE site_id = $1 AND archived_at IS NULL',
      [siteId],
    );
  }

  async list(
    filter: { siteId?: string; includeArchived: boolean },
    after: CursorPosition | null,
    limit: number,
  ): Promise<DepartmentRow[]> {
    const params: unknown[] = [];
    const where = ['true'];
    if (!filter.includeArchived) where.push('archived_at IS NULL');
    if (filter.siteId) where.push(`site_id = $${params.push(filter.siteId)}`);
    if (after) where.push(afterCursor(after, params));
    return rows<DepartmentRow>(
      `SELECT ${COLUMNS} FROM departments WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params)}`,
      params,
    );
  }
}
