import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type { Changes } from './audit-diff';

export type ActorType = 'member' | 'platform' | 'system';

export interface AuditRow {
  id: string;
  actor_type: ActorType;
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
  /** The acting person (a user id), resolved here to their membership in the organization; null for a job. */
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Changes;
}

@Injectable()
export class AuditRepository {
  /**
   * A person with a membership in the event's organization acts as that member; anyone else with a user id is
   * platform staff (their user id is kept for the provider, never shown to an organization); no one is the system.
   */
  async insert(event: AuditInsert): Promise<void> {
    await affected(
      `INSERT INTO audit_events (organization_id, actor_type, actor_id, action, entity_type, entity_id, changes)
       SELECT $1::uuid,
              CASE WHEN $2::uuid IS NULL THEN 'system' WHEN m.id IS NOT NULL THEN 'member' ELSE 'platform' END,
              coalesce(m.id, $2::uuid), $3, $4, $5, $6
         FROM (SELECT 1) AS one
         LEFT JOIN memberships m ON m.user_id = $2::uuid AND m.organization_id = $1::uuid`,
      [
        event.organizationId,
        event.actorUserId,
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
    return rows<AuditRow>(
      `SELECT id, actor_type, actor_id, action, entity_type, entity_id, changes, at, at::text AS cursor_at
         FROM audit_events WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params, 'at', 'id')}`,
      params,
    );
  }
}
