import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { OrganizationRole, PlatformRole, TenantTransaction } from '@beacon/core/database';
import { ProblemException, Problems } from '@beacon/core/http';
import { newSecretToken, sha256 } from '../crypto/secret-token';
import { IdentityMembershipsRepository, OwnMembershipRow } from '../identity-memberships.repository';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { UserRepository, UserRow } from '../user.repository';
import { AccessTokenService } from './access-token.service';

export interface MembershipSummary {
  organizationId: string;
  organizationName: string;
  roles: OrganizationRole[];
}

export interface SessionBody {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; name: string };
  organizationId: string | null;
  roles: OrganizationRole[];
  platformRoles: PlatformRole[];
  memberships: MembershipSummary[];
}

/** Which organization a new session is bound to. */
export type Binding = { kind: 'requested'; organizationId: string } | { kind: 'default' } | { kind: 'none' };

/** Issues sessions (access + rotating refresh tokens) and rotates, revokes and switches them. */
@Injectable()
export class SessionService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
    private readonly memberships: IdentityMembershipsRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly accessTokens: AccessTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session for the user; a requested organization the person is not an active member of is a 403. */
  start(user: UserRow, binding: Binding, familyId: string = randomUUID()): Promise<SessionBody> {
    return this.tx.forUser(user.id, async () => {
      const own = (await this.memberships.listOwn(user.id)).filter((m) => m.status === 'active');
      let bound: OwnMembershipRow | undefined;
      if (binding.kind === 'requested') {
        bound = own.find((m) => m.organization_id === binding.organizationId);
        if (!bound) throw Problems.forbidden('You are not a member of that organization.');
      } else if (binding.kind === 'default') {
        bound = own[0];
      }
      const refreshToken = newSecretToken();
      await this.refreshTokens.insert({
        userId: user.id,
        familyId,
        organizationId: bound?.organization_id ?? null,
        tokenHash: sha256(refreshToken),
        ttlSeconds: this.config.refreshTokenTtlSeconds,
      });
      return {
        accessToken: this.accessTokens.sign({
          sub: user.id,
          org: bound?.organization_id ?? null,
          sid: familyId,
        }),
        refreshToken,
        expiresIn: this.accessTokens.ttlSeconds,
        user: { id: user.id, email: user.email, name: user.name },
        organizationId: bound?.organization_id ?? null,
        roles: bound?.roles ?? [],
        platformRoles: user.platform_roles,
        memberships: own.map((m) => ({
          organizationId: m.organization_id,
          organizationName: m.organization_name,
          roles: m.roles,
        })),
      };
    });
  }

  /** Rotates a refresh token. A spent or revoked token is a reuse: the whole family is revoked. */
  async refresh(refreshToken: string): Promise<SessionBody> {
    const outcome = await this.tx.platform(async () => {
      const row = await this.refreshTokens.findByHash(sha256(refreshToken));
      if (!row) return { error: 'unknown' as const };
      if (row.used_at || row.revoked_at || !(await this.refreshTokens.spend(row.id))) {
        await this.refreshTokens.revokeFamily(row.family_id);
        return { error: 'reused' as const };
      }
      if (row.expires_at.getTime() <= Date.now()) return { error: 'expired' as const };
      const user = await this.users.findById(row.user_id);
      if (!user || user.status !== 'active') return { error: 'disabled' as const };
      return { row, user };
    });
    if ('error' in outcome) throw Problems.unauthorized('The refresh token is not valid.');
    const { row, user } = outcome;
    const binding: Binding = row.organization_id
      ? { kind: 'requested', organizationId: row.organization_id }
      : { kind: 'none' };
    try {
      return await this.start(user, binding, row.family_id);
    } catch (error) {
      // The membership was deactivated since: the session ends rather than silently changing organization.
      throw error instanceof ProblemException ? Problems.unauthorized('The session has ended.') : error;
    }
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    await this.tx.platform(async () => {
      const row = await this.refreshTokens.findByHash(sha256(refreshToken));
      if (row) await this.refreshTokens.revokeFamily(row.family_id);
    });
  }

  async switchTo(userId: string, organizationId: string): Promise<SessionBody> {
    const user = await this.tx.platform(() => this.users.findById(userId));
    if (!user || user.status !== 'active') throw Problems.unauthorized();
    return this.start(user, { kind: 'requested', organizationId });
  }
}
