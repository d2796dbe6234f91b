import { Injectable } from '@nestjs/common';
import { Actor, OrganizationRole, PlatformRole, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { AuditService, diff } from '@beacon/audit';
import { MembershipSummary } from './auth/session.service';
import { IdentityMembershipsRepository } from './identity-memberships.repository';
import { UserRepository } from './user.repository';

export interface MeView {
  user: { id: string; email: string; name: string };
  organizationId: string | null;
  roles: OrganizationRole[];
  platformRoles: PlatformRole[];
  memberships: MembershipSummary[];
}

@Injectable()
export class MeService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
    private readonly memberships: IdentityMembershipsRepository,
    private readonly audit: AuditService,
  ) {}

  get(actor: Actor): Promise<MeView> {
    return this.tx.forUser(actor.userId, async () => {
      const user = await this.users.findById(actor.userId);
      if (!user) throw Problems.unauthorized();
      const own = (await this.memberships.listOwn(actor.userId)).filter((m) => m.status === 'active');
      return {
        user: { id: user.id, email: user.email, name: user.name },
        organizationId: actor.organizationId,
        roles: [...actor.roles],
        platformRoles: user.platform_roles,
        memberships: own.map((m) => ({
          organizationId: m.organization_id,
          organizationName: m.organization_name,
          roles: m.roles,
        })),
      };
    });
  }

  async rename(actor: Actor, name: string): Promise<MeView> {
    await this.tx.platform(async () => {
      const user = await this.users.findById(actor.userId);
      if (!user) throw Problems.unauthorized();
      const changes = diff({ name: user.name }, { name });
      if (Object.keys(changes).length === 0) return;
      await this.users.setName(actor.userId, name);
      await this.audit.record({
        action: 'user.updated',
        entityType: 'user',
        entityId: actor.userId,
        changes,
      });
    });
    return this.get(actor);
  }
}
