import { Injectable } from '@nestjs/common';
import { ExecutionContext } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { PeopleService } from '@beacon/identity';
import { OrganizationRepository } from '../../organizations/organization.repository';
import { MemberImportRepository } from './member-import.repository';

/**
 * What an import owes once its members are written: invitations for the members it created and a
 * `member.changed` event for every member it created or changed (enrollment follows). Runs in the caller's
 * transaction: the import's own for a small file, one per batch in the worker for a large one.
 */
@Injectable()
export class MemberImportFollowUp {
  constructor(
    private readonly repository: MemberImportRepository,
    private readonly organizations: OrganizationRepository,
    private readonly people: PeopleService,
    private readonly events: DomainEvents,
  ) {}

  async run(memberIds: string[], createdIds: string[]): Promise<void> {
    const organizationId = ExecutionContext.organizationId();
    // A member deactivated after a large import committed, before the worker got to them, is not invited.
    const invitees = await this.repository.stillInvited(createdIds);
    if (invitees.length > 0) {
      const organization = await this.organizations.findById(organizationId);
      await this.people.inviteManyToOrganization(
        { id: organizationId, name: organization?.name ?? 'your organization' },
        invitees.map((m) => ({ userId: m.userId, membershipId: m.id })),
      );
    }
    if (memberIds.length > 0) {
      await this.events.publish({ type: 'member.changed', organizationId, memberIds, reason: 'imported' });
    }
  }
}
