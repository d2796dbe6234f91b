import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { FieldError, Problems } from '@beacon/core/http';
import { FacilitatorsService } from '@beacon/identity';
import type { LiveSessionConflictQuery, LiveSessionConflictView } from '../dto/live-session-conflict.dto';
import { LiveSessionRepository } from '../sessions/live-session.repository';
import { LiveSessionConflictRepository } from './live-session-conflict.repository';

@Injectable()
export class LiveSessionConflictsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly conflicts: LiveSessionConflictRepository,
    private readonly sessions: LiveSessionRepository,
    private readonly facilitators: FacilitatorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * What booking these facilitators for this time would collide with, before saving: the same busy ranges the
   * exclusion constraint compares, so the preview and the 409 of scheduling agree. It is advice, not a hold: a
   * booking made meanwhile is still refused on save.
   */
  async preview(
    query: LiveSessionConflictQuery,
  ): Promise<{ items: LiveSessionConflictView[]; nextCursor: null }> {
    const actor = ExecutionContext.actor();
    const organizationId = actor.organizationId ?? query.organizationId ?? null;
    const errors: FieldError[] = [];
    if (organizationId === null)
      errors.push({ field: 'organizationId', message: 'organizationId must name the organization' });
    if (Date.parse(query.endsAt) <= Date.parse(query.startsAt))
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    const strangers = await this.facilitators.notFacilitators(query.facilitatorIds);
    if (strangers.length > 0)
      errors.push({
        field: 'facilitatorIds',
        message: `facilitatorIds must name facilitators; these do not: ${strangers.join(', ')}`,
      });
    if (
      organizationId !== null &&
      actor.organizationId === null &&
      !(await this.tx.platform(() => this.sessions.organizationExists(organizationId)))
    )
      errors.push({ field: 'organizationId', message: 'organizationId must name an organization' });
    if (organizationId === null || errors.length > 0) throw Problems.invalid(errors);
    const found = await this.tx.withOrganization(organizationId, () =>
      this.conflicts.find({
        facilitatorIds: query.facilitatorIds,
        startsAt: query.startsAt,
        endsAt: query.endsAt,
        bufferMs: this.config.sessionTravelBufferMs,
        excludeSessionId: query.excludeSessionId ?? null,
      }),
    );
    return {
      items: found.map((row) => ({
        facilitatorId: row.facilitator_id,
        facilitatorName: row.facilitator_name,
        busyFrom: row.busy_from.toISOString(),
        busyUntil: row.busy_until.toISOString(),
        sessionId: row.session_id,
      })),
      nextCursor: null,
    };
  }
}
