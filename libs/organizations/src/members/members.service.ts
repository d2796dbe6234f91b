import { Injectable } from '@nestjs/common';
import {
  Actor,
  chainReader,
  ExecutionContext,
  OrganizationRole,
  PG_UNIQUE_VIOLATION,
  pgConstraint,
  pgErrorCode,
  TenantTransaction,
} from '@beacon/core/database';
import { Clock } from '@beacon/core/time';
import { DomainEvents } from '@beacon/core/events';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, ProblemException, Problems, toPage } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import { type MemberChangedEvent, PeopleService } from '@beacon/identity';
import { DepartmentRepository } from '../departments/department.repository';
import {
  CreateMemberDto,
  InvitationSentView,
  MemberListQuery,
  MemberView,
  UpdateMemberDto,
} from '../dto/member.dto';
import { OrganizationRepository } from '../organizations/organization.repository';
import { SiteRepository } from '../sites/site.repository';
import {
  MemberRepository,
  MemberRow,
  MembershipFields,
  membershipFieldsOf,
  NO_MEMBERSHIP_FIELDS,
} from './member.repository';

/** Invitation mails per member per hour, the first one included. */
export const INVITATIONS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/** Unique constraints on memberships a write can meet, and what each means to the caller. */
const UNIQUE_VIOLATIONS: Record<string, () => Error> = {
  memberships_employee_id_uq: () =>
    new ProblemException(409, 'Another member already has this employeeId.', {
      errors: [{ field: 'employeeId', message: 'another member already has this employeeId' }],
    }),
  memberships_user_id_organization_id_key: () =>
    Problems.conflict('This person is already a member of the organization.'),
};

export function memberView(row: MemberRow): MemberView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.status,
    siteId: row.site_id,
    departmentId: row.department_id,
    jobTitle: row.job_title,
    employeeId: row.employee_id,
    managerId: row.manager_id,
    license:
      row.license_type && row.license_state
        ? {
            type: row.license_type,
            state: row.license_state,
            number: row.license_number,
            expiresOn: row.license_expires_on,
          }
        : null,
    locale: row.locale,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly members: MemberRepository,
    private readonly sites: SiteRepository,
    private readonly departments: DepartmentRepository,
    private readonly organizations: OrganizationRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateMemberDto): Promise<MemberView> {
    return this.tx.run(async () => {
      const fields = await this.resolve(NO_MEMBERSHIP_FIELDS, null, dto);
      assertMayChangeAdmin(ExecutionContext.actor(), [], fields.roles);
      const { person } = await this.people.findOrCreate(dto.email, dto.name);
      if (await this.members.findByUser(person.id))
        throw Problems.conflict('This person is already a member of the organization.');
      const invite = dto.invite ?? true;
      // The name the organization entered is kept on the membership: an existing person's own name is not its to see.
      const id = await this.mapUniqueViolation(() =>
        this.members.insert(person.id, dto.name, invite ? 'invited' : 'active', fields),
      );
      if (invite) await this.sendInvitation(person, id);
      await this.audit.record({
        action: 'member.created',
        entityType: 'member',
        entityId: id,
        changes: diff(null, { email: person.email, status: invite ? 'invited' : 'active', ...fields }),
      });
      await this.publish([id], 'created');
      return memberView((await this.members.findById(id)) as MemberRow);
    });
  }

  list(query: MemberListQuery): Promise<Page<MemberView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.members.list(query, after, limit, chainReader(ExecutionContext.optionalActor())),
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        memberView,
      ),
    );
  }

  get(id: string): Promise<MemberView> {
    return this.tx.run(async () => {
      const row = await this.members.findById(id, false, chainReader(ExecutionContext.optionalActor()));
      if (!row) throw Problems.notFound('member');
      return memberView(row);
    });
  }

  update(id: string, dto: UpdateMemberDto): Promise<MemberView> {
    return this.tx.run(async () => {
      // Only a roles change can remove org_admin. Such a change locks the admins before the member, as deactivate
      // does, so two admins demoting each other at once wait for one another instead of deadlocking (a 500).
      if (dto.roles !== undefined) await this.members.lockAdminIds();
      // A manager change is checked for cycles against the other changes committed before it. This lock comes
      // before the member's: the new manager's row is share-locked by the foreign key, and a change of that
      // manager waiting here while holding its own row would deadlock.
      if (dto.managerId !== undefined) await this.members.lockReportingLines();
      const current = await this.require(id, true);
      const before = membershipFieldsOf(current);
      const next = await this.resolve(before, current.id, dto);
      assertMayChangeAdmin(ExecutionContext.actor(), before.roles, next.roles);
      if (before.roles.includes('org_admin') && !next.roles.includes('org_admin'))
        await this.assertNotLastAdmin(id);
      const changes = diff({ ...before }, { ...next });
      if (Object.keys(changes).length === 0) return memberView(current);
      await this.mapUniqueViolation(() => this.members.update(id, next));
      await this.audit.record({ action: 'member.updated', entityType: 'member', entityId: id, changes });
      await this.publish([id], 'updated');
      return memberView((await this.members.findById(id)) as MemberRow);
    });
  }

  /** Ends the membership's access at once (its sessions in this organization are revoked); records stay. */
  deactivate(id: string): Promise<MemberView> {
    return this.tx.run(async () => {
      await this.members.lockAdminIds();
      const current = await this.require(id, true);
      if (current.status === 'deactivated') return memberView(current);
      if (current.roles.includes('org_admin')) {
        assertMayChangeAdmin(ExecutionContext.actor(), current.roles, []);
        await this.assertNotLastAdmin(id);
      }
      await this.members.setStatus(id, 'deactivated');
      await this.people.endSessionsInOrganization(current.user_id, ExecutionContext.organizationId());
      await this.audit.record({
        action: 'member.deactivated',
        entityType: 'member',
        entityId: id,
        changes: { status: { from: current.status, to: 'deactivated' } },
      });
      await this.publish([id], 'deactivated');
      return memberView((await this.members.findById(id)) as MemberRow);
    });
  }

  /**
   * Gives a deactivated member their access back: active again, or invited when they never accepted the
   * invitation. Their withdrawn enrollments reopen where they still match (the reconcile on member.changed).
   */
  reactivate(id: string): Promise<MemberView> {
    return this.tx.run(async () => {
      const current = await this.require(id, true);
      if (current.status !== 'deactivated') return memberView(current);
      assertMayChangeAdmin(ExecutionContext.actor(), [], current.roles);
      const status = current.joined_at ? 'active' : 'invited';
      await this.members.setStatus(id, status);
      await this.audit.record({
        action: 'member.reactivated',
        entityType: 'member',
        entityId: id,
        changes: { status: { from: 'deactivated', to: status } },
      });
      await this.publish([id], 'reactivated');
      return memberView((await this.members.findById(id)) as MemberRow);
    });
  }

  /** Sends (or re-sends) the invitation; only the newest link works. At most INVITATIONS_PER_HOUR an hour. */
  invite(id: string): Promise<InvitationSentView> {
    return this.tx.run(async () => {
      // The lock on the membership serializes concurrent re-sends, so each counts the ones committed before it.
      const current = await this.require(id, true);
      if (current.status === 'deactivated')
        throw Problems.conflict('A deactivated member cannot be invited.');
      await this.assertInvitationAllowed(id);
      const person = await this.people.findById(current.user_id);
      if (!person) throw Problems.notFound('member');
      const invitationId = await this.sendInvitation(person, id);
      await this.audit.record({ action: 'member.invited', entityType: 'member', entityId: id });
      return { invitationId, status: current.status };
    });
  }

  private async sendInvitation(
    person: { id: string; email: string; name: string; password_hash: string | null },
    membershipId: string,
  ) {
    const organizationId = ExecutionContext.organizationId();
    const organization = await this.organizations.findById(organizationId);
    return this.people.inviteToOrganization(person, {
      id: organizationId,
      name: organization?.name ?? 'your organization',
      membershipId,
    });
  }

  private async assertInvitationAllowed(id: string): Promise<void> {
    const now = this.clock.now().getTime();
    const recent = await this.members.invitationsSince(id, new Date(now - HOUR_MS));
    if (recent.count >= INVITATIONS_PER_HOUR && recent.oldest) {
      throw Problems.tooManyRequests((recent.oldest.getTime() + HOUR_MS - now) / 1000);
    }
  }

  private async require(id: string, forUpdate = false): Promise<MemberRow> {
    const row = await this.members.findById(id, forUpdate);
    if (!row) throw Problems.notFound('member');
    return row;
  }

  private async assertNotLastAdmin(id: string): Promise<void> {
    const admins = await this.members.lockAdminIds();
    if (!admins.some((adminId) => adminId !== id)) {
      throw Problems.conflict('The organization must keep at least one org_admin.');
    }
  }

  /**
   * Applies the request over the current fields and checks every reference. An id that is not visible in this
   * organization (another organization's, or none) is a 400 naming the field.
   */
  private async resolve(
    current: MembershipFields,
    selfId: string | null,
    dto: UpdateMemberDto,
  ): Promise<MembershipFields> {
    const next: MembershipFields = { ...current, roles: dto.roles ?? current.roles };
    if (dto.jobTitle !== undefined) next.jobTitle = dto.jobTitle || null;
    if (dto.locale !== undefined) next.locale = dto.locale;
    if (dto.employeeId !== undefined) next.employeeId = dto.employeeId;
    if (dto.license !== undefined) {
      next.licenseType = dto.license?.type ?? null;
      next.licenseState = dto.license?.state ?? null;
      next.licenseNumber = dto.license?.number ?? null;
      next.licenseExpiresOn = dto.license?.expiresOn ?? null;
    }
    if (dto.siteId !== undefined) {
      next.siteId = dto.siteId;
      if (dto.siteId !== null) {
        const site = await this.sites.findById(dto.siteId);
        if (!site || site.archived_at)
          throw Problems.invalidField('siteId', 'siteId does not name a site of this organization');
      }
    }
    if (dto.departmentId !== undefined) {
      next.departmentId = dto.departmentId;
      if (dto.departmentId !== null) {
        const department = await this.departments.findById(dto.departmentId);
        if (!department || department.archived_at) {
          throw Problems.invalidField(
            'departmentId',
            'departmentId does not name a department of this organization',
          );
        }
        if (dto.siteId === undefined || dto.siteId === null) next.siteId = department.site_id;
        else if (department.site_id !== dto.siteId) {
          throw Problems.invalidField('departmentId', 'departmentId names a department of another site');
        }
      }
    } else if (next.departmentId !== null && next.siteId !== current.siteId) {
      // Moved to another site without naming a department: the old department does not go with them.
      next.departmentId = null;
    }
    if (dto.managerId !== undefined) {
      next.managerId = dto.managerId;
      if (dto.managerId !== null) {
        if (dto.managerId === selfId)
          throw Problems.invalidField('managerId', 'a member cannot be their own manager');
        if (!(await this.members.findById(dto.managerId))) {
          throw Problems.invalidField('managerId', 'managerId does not name a member of this organization');
        }
        if (selfId && (await this.members.reportsTo(dto.managerId, selfId))) {
          throw Problems.invalidField(
            'managerId',
            'managerId names a member who reports to this member (a cycle)',
          );
        }
      }
    }
    return next;
  }

  /** A unique violation the caller can act on is a 409 saying which; any other one is a fault (rethrown). */
  private async mapUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const known =
        pgErrorCode(error) === PG_UNIQUE_VIOLATION && UNIQUE_VIOLATIONS[pgConstraint(error) ?? ''];
      if (known) throw known();
      throw error;
    }
  }

  private publish(memberIds: string[], reason: MemberChangedEvent['reason']): Promise<void> {
    return this.events.publish({
      type: 'member.changed',
      organizationId: ExecutionContext.organizationId(),
      memberIds,
      reason,
    });
  }
}

/** Only an org_admin grants or removes org_admin. */
function assertMayChangeAdmin(
  actor: Actor,
  before: readonly OrganizationRole[],
  after: readonly OrganizationRole[],
): void {
  if (before.includes('org_admin') !== after.includes('org_admin') && !actor.roles.includes('org_admin')) {
    throw Problems.forbidden('Only an org_admin can grant or remove the org_admin role.');
  }
}
