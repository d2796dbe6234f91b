import { Injectable } from '@nestjs/common';
import { Actor, OrganizationRole, PlatformRole, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import type { MailLocale } from '@beacon/core/mail';
import { AuditService, diff } from '@beacon/audit';
import { MembershipSummary } from './auth/session.service';
import { UpdateMeDto } from './dto/auth.dto';
import { IdentityMembershipsRepository } from './identity-memberships.repository';
import { EscalationDigest, UserRepository } from './user.repository';

export interface MeView {
  user: { id: string; email: string; name: string };
  organizationId: string | null;
  roles: OrganizationRole[];
  platformRoles: PlatformRole[];
  memberships: MembershipSummary[];
  /** The values in effect, defaults and the organization's entry filled in. */
  preferences: { locale: MailLocale; escalationDigest: EscalationDigest };
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
      const preferences = await this.users.effectivePreferences(actor.userId, actor.organizationId);
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
        preferences: { locale: preferences.locale, escalationDigest: preferences.escalation_digest },
      };
    });
  }

  /**
   * Changes the person's own name and choices. A choice once made is the person's (stored on the user, so it holds
   * in every organization); what is left out stays as it is.
   */
  async update(actor: Actor, dto: UpdateMeDto): Promise<MeView> {
    await this.tx.platform(async () => {
      const user = await this.users.findById(actor.userId);
      if (!user) throw Problems.unauthorized();
      const before = { name: user.name, locale: user.locale, escalationDigest: user.escalation_digest };
      const next = {
        name: dto.name ?? before.name,
        locale: dto.preferences?.locale ?? before.locale,
        escalationDigest: dto.preferences?.escalationDigest ?? before.escalationDigest,
      };
      const changes = diff(before, next);
      if (Object.keys(changes).length === 0) return;
      await this.users.updateProfile(actor.userId, next);
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
