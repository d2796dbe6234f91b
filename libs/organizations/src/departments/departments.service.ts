import { Injectable } from '@nestjs/common';
import { ExecutionContext, PG_UNIQUE_VIOLATION, pgErrorCode, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, Problems, toPage } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import {
  CreateDepartmentDto,
  DepartmentListQuery,
  DepartmentView,
  UpdateDepartmentDto,
} from '../dto/structure.dto';
import { MemberRepository } from '../members/member.repository';
import { SiteRepository } from '../sites/site.repository';
import { DepartmentFields, DepartmentRepository, DepartmentRow } from './department.repository';

const AUDITED = ['siteId', 'name', 'kind'] as const;

export function departmentView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    kind: row.kind,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly departments: DepartmentRepository,
    private readonly sites: SiteRepository,
    private readonly members: MemberRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  create(dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.tx.run(async () => {
      await this.requireLiveSite(dto.siteId);
      const fields: DepartmentFields = { siteId: dto.siteId, name: dto.name, kind: dto.kind };
      const row = await this.uniqueName(() => this.departments.insert(fields));
      await this.audit.record({
        action: 'department.created',
        entityType: 'department',
        entityId: row.id,
        changes: diff(null, { ...fields }, AUDITED),
      });
      return departmentView(row);
    });
  }

  list(query: DepartmentListQuery): Promise<Page<DepartmentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.departments.list(
          { siteId: query.siteId, includeArchived: query.includeArchived ?? false },
          after,
          limit,
        ),
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        departmentView,
      ),
    );
  }

  get(id: string): Promise<DepartmentView> {
    return this.tx.run(async () => departmentView(await this.require(id)));
  }

  update(id: string, dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.tx.run(async () => {
      const current = await this.require(id);
      if (current.archived_at) throw Problems.conflict('An archived department cannot be changed.');
      const next: DepartmentFields = {
        siteId: dto.siteId ?? current.site_id,
        name: dto.name ?? current.name,
        kind: dto.kind ?? current.kind,
      };
      if (next.siteId !== current.site_id) await this.requireLiveSite(next.siteId);
      const changes = diff(
        { siteId: current.site_id, name: current.name, kind: current.kind },
        { ...next },
        AUDITED,
      );
      if (Object.keys(changes).length === 0) return departmentView(current);
      const row = await this.uniqueName(() => this.departments.update(id, next));
      await this.audit.record({
        action: 'department.updated',
        entityType: 'department',
        entityId: id,
        changes,
      });
      if (next.siteId !== current.site_id) {
        const moved = await this.members.moveDepartmentMembers(id, next.siteId);
        if (moved.length > 0) {
          await this.events.publish({
            type: 'member.changed',
            organizationId: ExecutionContext.organizationId(),
            memberIds: moved,
            reason: 'updated',
          });
        }
      }
      return departmentView(row);
    });
  }

  archive(id: string): Promise<void> {
    return this.tx.run(async () => {
      const current = await this.require(id);
      if (current.archived_at) return;
      await this.departments.archive(id);
      await this.audit.record({
        action: 'department.archived',
        entityType: 'department',
        entityId: id,
        changes: { archived: { from: false, to: true } },
      });
    });
  }

  private async require(id: string): Promise<DepartmentRow> {
    const row = await this.departments.findById(id);
    if (!row) throw Problems.notFound('department');
    return row;
  }

  /** A site of another organization is invisible here, so it answers like a site that does not exist. */
  private async requireLiveSite(siteId: string): Promise<void> {
    const site = await this.sites.findById(siteId);
    if (!site) throw Problems.invalidField('siteId', 'siteId does not name a site of this organization');
    if (site.archived_at) throw Problems.invalidField('siteId', 'siteId names an archived site');
  }

  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
        throw Problems.conflict('A department with this name exists already at this site.');
      }
      throw error;
    }
  }
}
