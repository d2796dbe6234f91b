import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { LiveSessionRepository } from './live-session.repository';

/**
 * Enters the scope in which a session id is read: the caller's organization; for a platform admin, the session's
 * own organization (found through the platform lookup); for a facilitator, the platform scope, where RLS admits
 * exactly the sessions they are assigned to. `work` gets the organization entered, or null for a facilitator.
 */
@Injectable()
export class SessionScope {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
  ) {}

  async enter<T>(sessionId: string, work: (organizationId: string | null) => Promise<T>): Promise<T> {
    const actor = ExecutionContext.actor();
    if (actor.organizationId !== null) {
      const organizationId = actor.organizationId;
      return this.tx.run(() => work(organizationId));
    }
    if (actor.platformRoles.includes('platform_admin')) {
      const organizationId = await this.tx.platform(() => this.sessions.organizationOf(sessionId));
      if (!organizationId) throw Problems.notFound('live session');
      return this.tx.withOrganization(organizationId, () => work(organizationId));
    }
    return this.tx.platform(() => work(null));
  }
}
