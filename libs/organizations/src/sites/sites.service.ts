import { Injectable } from '@nestjs/common';
import { ExecutionContext, PG_UNIQUE_VIOLATION, pgErrorCode, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, Problems, toPage } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import { DepartmentRepository } from '../departments/department.repository';
import { CreateSiteDto, SiteListQuery, SiteView, UpdateSiteDto } from '../dto/structure.dto';
import { SiteFields, SiteRepository, SiteRow } from './site.repository';

const AUDITED = ['name', 'kind', 'timezone', 'address'] as const;

export function siteView(row: SiteRow): SiteView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    timezone: row.timezone,
    address: row.address,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const fieldsOf = (row: SiteRow): SiteFields => ({
  name: row.name,
  kind: row.kind,
  timezone: row.timezone,
  address: row.address,
});

@Injectable()
export class SitesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sites: SiteRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  create(dto: CreateSiteDto): Promise<SiteView> {
    return this.tx.run(async () => {
      const fields: SiteFields = {
        name: dto.name,
        kind: dto.kind,
        timezone: dto.timezone ?? null,
        address: dto.address ?? null,
      };
      const row = await this.uniqueName(() => this.sites.insert(fields));
      await this.audit.record({
        action: 'site.created',
        entityType: 'site',
        entityId: row.id,
        changes: diff(null, { ...fields }, AUDITED),
      });
      return siteView(row);
    });
  }

  list(query: SiteListQuery): Promise<Page<SiteView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.sites.list(query.includeArchived ?? false, after, limit),
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        siteView,
      ),
    );
  }

  get(id: string): Promise<SiteView> {
    return this.tx.run(async () => siteView(await this.require(id)));
  }

  update(id: string, dto: UpdateSiteDto): Promise<SiteView> {
    return this.tx.run(async () => {
      const current = await this.require(id, true);
      if (current.archived_at) throw Problems.conflict('An archived site cannot be changed.');
      const next: SiteFields = {
        name: dto.name ?? current.name,
        kind: dto.kind ?? current.kind,
        timezone: dto.timezone === undefined ? current.timezone : dto.timezone,
        address: dto.address === undefined ? current.address : dto.address,
      };
      const changes = diff({ ...fieldsOf(current) }, { ...next }, AUDITED);
      if (Object.keys(changes).length === 0) return siteView(current);
      const row = await this.uniqueName(() => this.sites.update(id, next));
      await this.audit.record({ action: 'site.updated', entityType: 'site', entityId: id, changes });
      // The site's members get their reminders in the site's zone: held reminders are re-timed with it.
      if (changes.timezone)
        await this.events.publish({
          type: 'reminder-schedule.changed',
          organizationId: ExecutionContext.organizationId(),
        });
      return siteView(row);
    });
  }

  /** Archives the site and its departments; records are kept (CE rules ask for six years). */
  archive(id: string): Promise<void> {
    return this.tx.run(async () => {
      const current = await this.require(id, true);
      if (current.archived_at) return;
      await this.sites.archive(id);
      const departments = await this.departments.archiveBySite(id);
      await this.audit.record({
        action: 'site.archived',
        entityType: 'site',
        entityId: id,
        changes: {
          archived: { from: false, to: true },
          ...(departments > 0 ? { archivedDepartments: { from: 0, to: departments } } : {}),
        },
      });
    });
  }

  private async require(id: string, forUpdate = false): Promise<SiteRow> {
    const row = await this.sites.findById(id, forUpdate);
    if (!row) throw Problems.notFound('site');
    return row;
  }

  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION)
        throw Problems.conflict('A site with this name exists already.');
      throw error;
    }
  }
}
