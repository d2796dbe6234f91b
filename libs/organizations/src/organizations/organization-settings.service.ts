import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { Problems } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import { OrganizationSettingsView, UpdateOrganizationDto } from '../dto/organization-settings.dto';
import { normalizeReminderWindow } from '../reminder-window';
import { OrganizationRepository, OrganizationRow, OrganizationSettings } from './organization.repository';

const settingsOf = (row: OrganizationRow): OrganizationSettings => ({
  name: row.name,
  timezone: row.timezone,
  reminderWindow: normalizeReminderWindow(row.reminder_window),
  idleSignOutMinutes: row.idle_sign_out_minutes,
});

const view = (row: OrganizationRow): OrganizationSettingsView => ({
  id: row.id,
  slug: row.slug,
  ...settingsOf(row),
});

/** The settings of the organization the caller's token is bound to. */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  get(): Promise<OrganizationSettingsView> {
    return this.tx.run(async () => view(await this.require(false)));
  }

  update(dto: UpdateOrganizationDto): Promise<OrganizationSettingsView> {
    return this.tx.run(async () => {
      const current = await this.require(true);
      const before = settingsOf(current);
      const next: OrganizationSettings = {
        name: dto.name ?? before.name,
        timezone: dto.timezone ?? before.timezone,
        reminderWindow:
          dto.reminderWindow === undefined
            ? before.reminderWindow
            : normalizeReminderWindow(dto.reminderWindow),
        idleSignOutMinutes: dto.idleSignOutMinutes ?? before.idleSignOutMinutes,
      };
      const changes = diff({ ...before }, { ...next });
      if (Object.keys(changes).length === 0) return view(current);
      const row = await this.organizations.updateSettings(current.id, next);
      await this.audit.record({
        action: 'organization.updated',
        entityType: 'organization',
        entityId: current.id,
        changes,
      });
      // Pending reminders were timed by the old window or zone; the engine re-times them in this transaction.
      if (changes.reminderWindow || changes.timezone)
        await this.events.publish({ type: 'reminder-schedule.changed', organizationId: current.id });
      return view(row);
    });
  }

  private async require(forUpdate: boolean): Promise<OrganizationRow> {
    const row = await this.organizations.findById(ExecutionContext.organizationId(), forUpdate);
    if (!row) throw Problems.notFound('organization');
    return row;
  }
}
