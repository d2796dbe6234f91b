import { Injectable } from '@nestjs/common';
import { Actor, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { IdentityMembershipsRepository } from '../identity-memberships.repository';
import type { AccessTokenClaims } from './access-token.service';

/**
 * Turns verified token claims into the actor of a request. Roles and status are read fresh on every request,
 * so a deactivation, a role change or a revoked session takes effect on the next request.
 */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: IdentityMembershipsRepository,
  ) {}

  async load(claims: AccessTokenClaims): Promise<Actor> {
    const state = await this.tx.forUser(claims.sub, () =>
      this.memberships.actorState(claims.sub, claims.org, claims.sid),
    );
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
    };
  }
}
