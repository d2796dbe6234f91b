import { Injectable } from '@nestjs/common';
import { PlatformRole, TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, PageQuery, Problems, toPage } from '@beacon/core/http';
import { AuditService } from '@beacon/audit';
import { InvitationsService } from './invitations.service';
import { UserRepository, UserRow } from './user.repository';

export interface PlatformUserView {
  id: string;
  email: string;
  name: string;
  platformRoles: PlatformRole[];
}

const view = (user: UserRow): PlatformUserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  platformRoles: user.platform_roles,
});

@Injectable()
export class PlatformUsersService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /** Grants platform roles to a person (new or existing) and invites them; someone who is staff already is a 409. */
  create(input: { email: string; name: string; platformRoles: PlatformRole[] }): Promise<PlatformUserView> {
    return this.tx.platform(async () => {
      const { user } = await this.users.findOrCreate(input.email, input.name);
      if (user.platform_roles.length > 0)
        throw Problems.conflict('This person is already on the platform staff.');
      const roles = await this.users.addPlatformRoles(user.id, input.platformRoles);
      await this.invitations.invite({ user, organization: null });
      await this.audit.record({
        action: 'platform_user.created',
        entityType: 'platform_user',
        entityId: user.id,
        changes: { platformRoles: { from: [], to: roles } },
      });
      return view({ ...user, platform_roles: roles });
    });
  }

  list(query: PageQuery): Promise<Page<PlatformUserView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.platform(async () =>
      toPage(
        await this.users.listPlatformStaff(after, limit),
        limit,
        (u) => ({ at: u.cursor_at, id: u.id }),
        view,
      ),
    );
  }
}
