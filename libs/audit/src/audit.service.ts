import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '@beacon/core/http';
import { Changes } from './audit-diff';
import { AuditRepository } from './audit.repository';
import { AuditEventView, AuditQuery } from './http/audit.dto';

export interface AuditRecord {
  /** `<entityType>.<past-tense verb>`, e.g. `site.created`. */
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: Changes;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly tx: TenantTransaction,
  ) {}

  /** Records an event in the current transaction, so it commits or rolls back with the write it describes. */
  async record(event: AuditRecord): Promise<void> {
    await this.repository.insert({
      organizationId: ExecutionContext.isPlatform() ? null : ExecutionContext.organizationId(),
      actorUserId: ExecutionContext.optionalActor()?.userId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      changes: event.changes ?? {},
    });
  }

  list(query: AuditQuery): Promise<Page<AuditEventView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () => {
      const rows = await this.repository.list(
        { entityType: query.entityType, entityId: query.entityId },
        after,
        limit,
      );
      return toPage(
        rows,
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        (row) => ({
          id: row.id,
          actorType: row.actor_type,
          // Only a member's id is the organization's to see.
          actorId: row.actor_type === 'member' ? row.actor_id : null,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          at: row.at.toISOString(),
          changes: row.changes,
        }),
      );
    });
  }
}
