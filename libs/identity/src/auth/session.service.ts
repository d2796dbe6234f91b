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

export interface SessionOptions {
  /** The family a rotated token continues; a new session starts one. */
  familyId?: string;
  remember?: boolean;
}

export interface RefreshedSession {
  session: SessionBody;
  /** The family's keep-me-signed-in choice, for the cookie's lifetime. */
  remember: boolean;
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

  /**
   * Opens a session for the user; a requested organization the person is not an active member of is a 403.
   * `remember` is the browser's keep-me-signed-in choice, kept with the family for its cookie (see RefreshCookie).
   */
  start(user: UserRow, binding: Binding, options: SessionOptions = {}): Promise<SessionBody> {
    return this.tx.forUser(user.id, async () => {
      const own = (await this.memberships.listOwn(user.id)).filter((m) => m.status === 'active');
      let bound: OwnMembershipRow | undefined;
      if (binding.kind === 'requested') {
        bound = own.find((m) => m.organization_id === binding.organizationId);
        if (!bound) throw Problems.forbidden('You are not a member of that organization.');
      } else if (binding.kind === 'default') {
        bound = own[0];
      }
      const familyId = options.familyId ?? randomUUID();
      const refreshToken = newSecretToken();
      await this.refreshTokens.insert({
        userId: user.id,
        familyId,
        organizationId: bound?.organization_id ?? null,
        tokenHash: sha256(refreshToken),
        ttlSeconds: this.config.refreshTokenTtlSeconds,
        remember: options.remember ?? false,
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

  /**
   * Rotates a refresh token. A spent or revoked token is a reuse: the whole family is revoked. The token's row stays
   * locked from its check until the next token is written, so of parallel refreshes with one token exactly one
   * succeeds, and the others, finding it spent, revoke the family with the winner's new token in it. `remember`
   * changes the family's keep-me-signed-in choice; left out, the next token keeps it.
   */
  async refresh(refreshToken: string, remember?: boolean): Promise<RefreshedSession> {
    const tokenHash = sha256(refreshToken);
    const owner = await this.tx.platform(() => this.refreshTokens.findByHash(tokenHash));
    const outcome = owner
      ? await this.tx.forUser(owner.user_id, () => this.rotate(tokenHash, remember))
      : ({ error: 'unknown' } as const);
    if ('error' in outcome) {
      throw Problems.unauthorized(
        // The membership was deactivated since: the session ends rather than silently changing organization.
        outcome.error === 'ended' ? 'The session has ended.' : 'The refresh token is not valid.',
      );
    }
    return outcome;
  }

  /** Answers an error rather than throwing it, so that revoking a reused token's family commits. */
  private async rotate(
    tokenHash: string,
    remember: boolean | undefined,
  ): Promise<RefreshedSession | { error: 'unknown' | 'reused' | 'expired' | 'disabled' | 'ended' }> {
    const row = await this.refreshTokens.lockByHash(tokenHash);
    if (!row) return { error: 'unknown' };
    if (row.used_at || row.revoked_at || !(await this.refreshTokens.spend(row.id))) {
      await this.refreshTokens.revokeFamily(row.family_id);
      return { error: 'reused' };
    }
    if (row.expires_at.getTime() <= Date.now()) return { error: 'expired' };
    const user = await this.users.findById(row.user_id);
    if (!user || user.status !== 'active') return { error: 'disabled' };
    const binding: Binding = row.organization_id
      ? { kind: 'requested', organizationId: row.organization_id }
      : { kind: 'none' };
    const keep = remember ?? row.remember;
    try {
      return {
        session: await this.start(user, binding, { familyId: row.family_id, remember: keep }),
        remember: keep,
      };
    } catch (error) {
      if (error instanceof ProblemException) return { error: 'ended' };
      throw error;
    }
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    await this.tx.platform(async () => {
      const row = await this.refreshTokens.findByHash(sha256(refreshToken));
      if (row) await this.refreshTokens.revokeFamily(row.family_id);
    });
  }

  /** Ends the session `replaced` belongs to unless it is the family of `kept` (the one that takes its place). */
  async revokeFamilyReplacedBy(replaced: string, kept: string): Promise<void> {
    await this.tx.platform(async () => {
      const row = await this.refreshTokens.findByHash(sha256(replaced));
      if (!row) return;
      const keptRow = await this.refreshTokens.findByHash(sha256(kept));
      if (keptRow?.family_id !== row.family_id) await this.refreshTokens.revokeFamily(row.family_id);
    });
  }

  /** The keep-me-signed-in choice of the token's family; null for a token never issued. */
  async rememberedBy(refreshToken: string): Promise<boolean | null> {
    const row = await this.tx.platform(() => this.refreshTokens.findByHash(sha256(refreshToken)));
    return row?.remember ?? null;
  }

  async switchTo(userId: string, organizationId: string, remember = false): Promise<SessionBody> {
    const user = await this.tx.platform(() => this.users.findById(userId));
    if (!user || user.status !== 'active') throw Problems.unauthorized();
    return this.start(user, { kind: 'requested', organizationId }, { remember });
  }
}
