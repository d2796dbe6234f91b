import { Injectable } from '@nestjs/common';
import { ExecutionContext } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type { Changes } from './audit-diff';

export interface AuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Changes;
  at: Date;
  cursor_at: string;
}

export interface AuditInsert {
  organizationId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Changes;
}

@Injectable()
export class AuditRepository {
  async insert(event: AuditInsert): Promise<void> {
    await ExecutionContext.manager().query(
      `INSERT INTO audit_events (organization_id, actor_id, action, entity_type, entity_id, changes)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.organizationId,
        event.actorId,
        event.action,
        event.entityType,
        event.entityId,
        JSON.stringify(event.changes),
      ],
    );
  }

  async list(
    filter: { entityType?: string; entityId?: string },
    after: CursorPosition | null,
    limit: number,
  ): Promise<AuditRow[]> {
    const params: unknown[] = [ExecutionContext.organizationId()];
    const where = ['organization_id = $1'];
    if (filter.entityType) where.push(`entity_type = $${params.push(filter.entityType)}`);
    if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
    if (after) where.push(afterCursor(after, params, 'at', 'id'));
    return ExecutionContext.manager().query(
      `SELECT id, actor_id, action, entity_type, entity_id, changes, at, at::text AS cursor_at
         FROM audit_events WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params, 'at', 'id')}`,
      params,
    );
  }
}
