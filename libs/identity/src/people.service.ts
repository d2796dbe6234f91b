import { Injectable } from '@nestjs/common';
import { IdentityMembershipsRepository } from './identity-memberships.repository';
import { InvitationsService } from './invitations.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository, UserRow } from './user.repository';

export type Person = Pick<UserRow, 'id' | 'email' | 'name' | 'password_hash'>;

/**
 * What other features may do with global identities, always inside their own transaction: find or create a
 * person by email (never renaming someone who exists), invite them, and end their sessions in an organization.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly users: UserRepository,
    private readonly invitations: InvitationsService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly memberships: IdentityMembershipsRepository,
  ) {}

  async findOrCreate(email: string, name: string): Promise<{ person: Person; created: boolean }> {
    const { user, created } = await this.users.findOrCreate(email, name);
    return { person: user, created };
  }

  /** Bulk find-or-create for imports: everyone's id by lower-cased email, with whether they were created. */
  async findOrCreateMany(
    entries: Array<{ email: string; name: string }>,
  ): Promise<Map<string, { id: string; created: boolean }>> {
    const rows = await this.users.findOrCreateMany(entries);
    return new Map(rows.map((row) => [row.email.toLowerCase(), { id: row.id, created: row.created }]));
  }

  /** Invites many members of one organization (after an import): one statement per table, whatever the count. */
  async inviteManyToOrganization(
    organization: { id: string; name: string },
    targets: Array<{ userId: string; membershipId: string }>,
  ): Promise<number> {
    const users = new Map(
      (await this.users.findByIds(targets.map((t) => t.userId))).map((user) => [user.id, user]),
    );
    return this.invitations.inviteMany(
      organization,
      targets.map((t) => ({ user: users.get(t.userId) as UserRow, membershipId: t.membershipId })),
    );
  }

  findById(id: string): Promise<Person | null> {
    return this.users.findById(id);
  }

  inviteToOrganization(
    person: Person,
    organization: { id: string; name: string; membershipId: string },
  ): Promise<string> {
    return this.invitations.invite({ user: person, organization });
  }

  async endSessionsInOrganization(userId: string, organizationId: string): Promise<void> {
    await this.refreshTokens.revokeForUserInOrganization(userId, organizationId);
  }

  activateMembership(membershipId: string): Promise<boolean> {
    return this.memberships.activate(membershipId);
  }
}
