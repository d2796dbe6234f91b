import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, PageQuery, Problems, toPage } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import { PeopleService } from '@beacon/identity';
import { CreateOrganizationDto, OrganizationView } from '../dto/organization.dto';
import { MemberRepository, NO_MEMBERSHIP_FIELDS } from '../members/member.repository';
import { OrganizationRepository, OrganizationRow } from './organization.repository';

const view = (row: OrganizationRow): OrganizationView => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  timezone: row.timezone,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly organizations: OrganizationRepository,
    private readonly members: MemberRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Creates the organization and invites its first org_admin in one transaction: the id is chosen up front and
   * the new organization entered explicitly, so membership, invitation, outbox row and audit commit together.
   */
  create(dto: CreateOrganizationDto): Promise<OrganizationView> {
    const id = randomUUID();
    return this.tx.withOrganization(id, async () => {
      const organization = await this.organizations.insert({
        id,
        name: dto.name,
        slug: dto.slug,
        timezone: dto.timezone,
      });
      if (!organization) throw Problems.conflict('An organization with this slug exists already.');
      const { person } = await this.people.findOrCreate(dto.admin.email, dto.admin.name);
      const membershipId = await this.members.insert(person.id, dto.admin.name, 'invited', {
        ...NO_MEMBERSHIP_FIELDS,
        roles: ['org_admin'],
      });
      await this.people.inviteToOrganization(person, { id, name: organization.name, membershipId });
      await this.audit.record({
        action: 'organization.created',
        entityType: 'organization',
        entityId: id,
        changes: diff(null, {
          name: organization.name,
          slug: organization.slug,
          timezone: organization.timezone,
        }),
      });
      await this.audit.record({
        action: 'member.created',
        entityType: 'member',
        entityId: membershipId,
        changes: diff(null, { email: person.email, roles: ['org_admin'], status: 'invited' }),
      });
      await this.events.publish({
        type: 'member.changed',
        organizationId: id,
        memberIds: [membershipId],
        reason: 'created',
      });
      return view(organization);
    });
  }

  list(query: PageQuery): Promise<Page<OrganizationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.platform(async () =>
      toPage(
        await this.organizations.list(after, limit),
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        view,
      ),
    );
  }
}
