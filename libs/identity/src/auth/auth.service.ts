import { Injectable } from '@nestjs/common';
import { Actor, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { Problems } from '@beacon/core/http';
import { AuditService } from '@beacon/audit';
import { PasswordHasher } from '../crypto/password-hasher.service';
import { sha256 } from '../crypto/secret-token';
import { IdentityMembershipsRepository } from '../identity-memberships.repository';
import { InvitationRepository } from '../invitation.repository';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { UserRepository, UserRow } from '../user.repository';
import { LoginThrottle } from './login-throttle.service';
import { Binding, SessionBody, SessionService } from './session.service';

export const MIN_PASSWORD_LENGTH = 12;

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
    private readonly memberships: IdentityMembershipsRepository,
    private readonly invitations: InvitationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Checks credentials; wrong email and wrong password answer the same 401 after the same work. The attempt is
   * counted before the password is checked, so parallel guesses cannot outrun the throttle.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<UserRow> {
    await this.throttle.countAttempt(email, ip);
    const user = await this.tx.platform(() => this.users.findByEmail(email));
    const ok = await this.hasher.verify(user?.password_hash ?? null, password);
    if (!user || !ok || user.status !== 'active') throw Problems.unauthorized('Invalid email or password.');
    await this.throttle.succeeded(email, ip);
    return user;
  }

  login(user: UserRow, organizationId: string | undefined, remember = false): Promise<SessionBody> {
    const binding: Binding = organizationId ? { kind: 'requested', organizationId } : { kind: 'default' };
    return this.sessions.start(user, binding, { remember });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.tx.platform(() => this.users.findById(actor.userId));
    if (!user) throw Problems.unauthorized();
    if (!(await this.hasher.verify(user.password_hash, currentPassword))) {
      throw Problems.invalidField('currentPassword', 'currentPassword is not your current password');
    }
    const hash = await this.hasher.hash(newPassword);
    await this.tx.platform(async () => {
      await this.users.setPassword(user.id, hash);
      await this.refreshTokens.revokeForUser(user.id, actor.sessionId);
      await this.audit.record({ action: 'user.password_changed', entityType: 'user', entityId: user.id });
    });
  }

  /**
   * Accepts an invitation. A new person sets their password; a person who already has an account proves it
   * with that account's password, which is never replaced here.
   */
  async acceptInvitation(
    token: string,
    password: string,
    name: string | undefined,
    remember = false,
  ): Promise<SessionBody> {
    const found = await this.tx.platform(async () => {
      const invitation = await this.invitations.findByHash(sha256(token));
      const user = invitation ? await this.users.findById(invitation.user_id) : null;
      return { invitation, user };
    });
    const { invitation, user } = found;
    if (!invitation || !user) throw Problems.notFound('invitation');
    if (invitation.accepted_at || invitation.revoked_at || invitation.expires_at.getTime() <= Date.now()) {
      throw Problems.gone('This invitation was already used or has expired.');
    }
    const existingAccount = user.password_hash !== null;
    let newHash: string | null = null;
    if (existingAccount) {
      if (!(await this.hasher.verify(user.password_hash, password))) {
        throw Problems.unauthorized('The password does not match your existing account.');
      }
    } else {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw Problems.invalidField(
          'password',
          `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
        );
      }
      newHash = await this.hasher.hash(password);
    }

    const accept = async (): Promise<void> => {
      // A member deactivated since the invitation was sent: the link is dead, and nothing is written.
      if (invitation.organization_id && invitation.membership_id) {
        const status = await this.memberships.lockStatus(invitation.membership_id);
        if (status !== 'invited' && status !== 'active')
          throw Problems.gone('This invitation is no longer valid.');
      }
      if (!(await this.invitations.markAccepted(invitation.id))) {
        throw Problems.gone('This invitation was already used or has expired.');
      }
      if (newHash !== null) await this.users.setPassword(user.id, newHash);
      if (!existingAccount && name && name.trim() !== user.name)
        await this.users.setName(user.id, name.trim());
      if (invitation.organization_id && invitation.membership_id) {
        if (await this.memberships.activate(invitation.membership_id)) {
          await this.audit.record({
            action: 'member.activated',
            entityType: 'member',
            entityId: invitation.membership_id,
            changes: { status: { from: 'invited', to: 'active' } },
          });
          await this.events.publish({
            type: 'member.changed',
            organizationId: invitation.organization_id,
            memberIds: [invitation.membership_id],
            reason: 'activated',
          });
        }
      }
    };
    const actor = {
      userId: user.id,
      organizationId: invitation.organization_id,
      membershipId: null,
      roles: [],
      platformRoles: [],
      sessionId: '',
      restricted: false,
    };
    await ExecutionContext.run(actor, () =>
      invitation.organization_id
        ? this.tx.withOrganization(invitation.organization_id, accept)
        : this.tx.platform(accept),
    );
    const fresh = (await this.tx.platform(() => this.users.findById(user.id))) as UserRow;
    const binding: Binding = invitation.organization_id
      ? { kind: 'requested', organizationId: invitation.organization_id }
      : { kind: 'default' };
    return this.sessions.start(fresh, binding, { remember });
  }
}
