import { Injectable } from '@nestjs/common';
import { Actor, RequestTransaction, Scope, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { ActorStateRow, IdentityMembershipsRepository } from '../identity-memberships.repository';
import type { AccessTokenClaims } from './access-token.service';

export interface LoadedActor {
  actor: Actor;
  /** The request's own transaction, opened with the actor check; null when the endpoint runs its own. */
  transaction: RequestTransaction | null;
}

/**
 * Turns verified token claims (checked by `accessTokenClaims`) into the actor of a request. Roles and status are read fresh on every request,
 * so a deactivation, a role change or a revoked session takes effect on the next request. The read is the first
 * statement of the request's own transaction, which the handler's work then joins (one transaction per request).
 */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: IdentityMembershipsRepository,
  ) {}

  async load(claims: AccessTokenClaims, keepTransaction: boolean): Promise<LoadedActor> {
    const scope: Scope = {
      organizationId: claims.org,
      userId: claims.sub,
      platform: claims.org === null,
    };
    if (!keepTransaction) {
      const state = await this.tx.forUser(claims.sub, () =>
        this.memberships.actorState(claims.sub, claims.org, claims.sid),
      );
      return { actor: toActor(claims, state), transaction: null };
    }
    const { transaction, rows } = await this.tx.begin<ActorStateRow>(
      scope,
      this.memberships.actorStateStatement(claims.sub, claims.org, claims.sid),
    );
    try {
      return { actor: toActor(claims, rows[0] ?? null), transaction };
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
  }
}

function toActor(claims: AccessTokenClaims, state: ActorStateRow | null): Actor {
  if (!state || state.user_status !== 'active' || state.session_revoked)
    throw Problems.unauthorized('The session has ended.');
  if (claims.org !== null && (state.membership_status !== 'active' || state.membership_id === null)) {
    throw Problems.unauthorized('Your membership in this organization is not active.');
  }
  return {
    userId: claims.sub,
    organizationId: claims.org,
    membershipId: state.membership_id,
    roles: claims.org !== null ? (state.roles ?? []) : [],
    platformRoles: state.platform_roles,
    sessionId: claims.sid,
    restricted: claims.org === null && state.platform_roles.length === 0 && !state.has_active_membership,
  };
}
