import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@beacon/audit';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, pgConstraint, pgErrorCode, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { FieldError, Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { FacilitatorsService } from '@beacon/identity';
import { SessionInvitesService } from '../calendar/session-invites.service';
import type { CreateLiveSessionDto, LiveSessionRangeQuery } from '../dto/live-session.dto';
import { seesDrafts } from './draft-readers';
import { LiveSessionChangesRepository } from './live-session-changes.repository';
import { LiveSessionRepository } from './live-session.repository';
import { liveSessionView, LiveSessionView, myLiveSessionView, MyLiveSessionView } from './live-session.view';
import { SessionScope } from './session-scope';

const PG_EXCLUSION_VIOLATION = '23P01';
const NO_OVERLAP = 'session_facilitators_no_overlap';

@Injectable()
export class LiveSessionsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
    private readonly scope: SessionScope,
    private readonly facilitators: FacilitatorsService,
    private readonly audit: AuditService,
    private readonly invites: SessionInvitesService,
    private readonly changes: LiveSessionChangesRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Schedules a session and books its facilitators. A facilitator booked elsewhere within the session's time plus
   * the travel buffer (in this organization or another, which RLS hides) is refused by the exclusion constraint,
   * whose violation is the 409: two bookings at the same moment cannot both pass a check made before writing.
   */
  async create(body: CreateLiveSessionDto): Promise<LiveSessionView> {
    const actor = ExecutionContext.actor();
    const organizationId = actor.organizationId ?? body.organizationId ?? null;
    const errors: FieldError[] = [];
    if (organizationId === null)
      errors.push({ field: 'organizationId', message: 'organizationId must name the organization' });
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    const strangers = await this.facilitators.notFacilitators(body.facilitatorIds);
    if (strangers.length > 0)
      errors.push({
        field: 'facilitatorIds',
        message: `facilitatorIds must name facilitators; these do not: ${strangers.join(', ')}`,
      });
    if (organizationId === null) throw Problems.invalid(errors);
    const trainingRequestId = body.trainingRequestId ?? null;
    if (
      trainingRequestId !== null &&
      (await this.tx.platform(() => this.changes.requestOrganization(trainingRequestId))) !== organizationId
    )
      errors.push({
        field: 'trainingRequestId',
        message: 'trainingRequestId must name a training request converted for this organization',
      });
    if (
      actor.organizationId === null &&
      !(await this.tx.platform(() => this.sessions.organizationExists(organizationId)))
    )
      throw Problems.invalid([
        ...errors,
        { field: 'organizationId', message: 'organizationId must name an organization' },
      ]);
    try {
      return await this.tx.withOrganization(organizationId, async () => {
        if (!(await this.sessions.courseExists(body.courseId)))
          errors.push({ field: 'courseId', message: 'courseId must name a published course' });
        if (!(await this.sessions.siteExists(organizationId, body.siteId)))
          errors.push({ field: 'siteId', message: 'siteId must name a site of this organization' });
        if (errors.length > 0) throw Problems.invalid(errors);
        const id = await this.sessions.insert({
          organizationId,
          courseId: body.courseId,
          siteId: body.siteId,
          startsAt: body.startsAt,
          endsAt: body.endsAt,
          timezone: body.timezone,
          location: body.location,
          capacity: body.capacity,
          status: 'scheduled',
          trainingRequestId,
          createdBy: actor.userId,
          now: this.clock.now(),
        });
        await this.sessions.book(organizationId, id, body.facilitatorIds, this.config.sessionTravelBufferMs);
        await this.sessions.index(organizationId, id);
        await this.audit.record({
          action: 'live_session.created',
          entityType: 'live_session',
          entityId: id,
          changes: {
            startsAt: { from: null, to: body.startsAt },
            facilitatorIds: { from: [], to: body.facilitatorIds },
          },
        });
        if (trainingRequestId !== null)
          await this.events.publish({
            type: 'live-session.scheduled-for-request',
            trainingRequestId,
            sessionId: id,
            organizationId,
          });
        return this.found(await this.sessions.find(id));
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_EXCLUSION_VIOLATION && pgConstraint(error) === NO_OVERLAP)
        throw Problems.conflict(
          'A facilitator is already booked at that time (their travel time between sessions included).',
        );
      throw error;
    }
  }

  /** Sessions overlapping the range: the organization's; for platform staff, those of `organizationId` (platform admins) or those they facilitate. */
  async list(query: LiveSessionRangeQuery): Promise<{ items: LiveSessionView[]; nextCursor: null }> {
    if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from))
      throw Problems.invalidField('to', 'to must be after from');
    const actor = ExecutionContext.actor();
    const from = query.from ?? null;
    const to = query.to ?? null;
    let found;
    if (actor.organizationId !== null) {
      const organizationId = actor.organizationId;
      found = await this.tx.run(() => this.sessions.list(organizationId, from, to, seesDrafts(actor)));
    } else if (query.organizationId && actor.platformRoles.includes('platform_admin')) {
      const organizationId = query.organizationId;
      found = await this.tx.withOrganization(organizationId, () =>
        this.sessions.list(organizationId, from, to, true),
      );
    } else {
      // Those a platform user facilitates: never drafts, which hold none of their time.
      found = await this.tx.platform(() => this.sessions.list(null, from, to, false));
    }
    return { items: found.map(liveSessionView), nextCursor: null };
  }

  /**
   * My sessions: those I am registered for (or waitlisted) in the organization my token names, and those I
   * facilitate in any organization.
   */
  async mine(query: LiveSessionRangeQuery): Promise<{ items: MyLiveSessionView[]; nextCursor: null }> {
    if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from))
      throw Problems.invalidField('to', 'to must be after from');
    const actor = ExecutionContext.actor();
    const read = () =>
      this.sessions.mine(actor.membershipId, actor.userId, query.from ?? null, query.to ?? null);
    const found = await (actor.organizationId !== null ? this.tx.run(read) : this.tx.platform(read));
    return { items: found.map(myLiveSessionView), nextCursor: null };
  }

  get(id: string): Promise<LiveSessionView> {
    return this.scope.enter(id, async () =>
      this.found(await this.sessions.find(id, seesDrafts(ExecutionContext.actor()))),
    );
  }

  /**
   * Cancels the session (its SEQUENCE is raised) and frees its facilitators; cancelling twice is a 409. A draft
   * may be cancelled too (it was never sent, so nobody is told).
   */
  cancel(id: string): Promise<LiveSessionView> {
    return this.scope.enter(id, async () => {
      const session = this.found(await this.sessions.find(id));
      if (session.status === 'cancelled') throw Problems.conflict('The session is cancelled already.');
      await this.sessions.cancel(id, this.clock.now());
      await this.invites.tellCancelled(id);
      await this.audit.record({
        action: 'live_session.cancelled',
        entityType: 'live_session',
        entityId: id,
        changes: { status: { from: session.status, to: 'cancelled' } },
      });
      return this.found(await this.sessions.find(id));
    });
  }

  private found(row: Awaited<ReturnType<LiveSessionRepository['find']>>): LiveSessionView {
    if (!row) throw Problems.notFound('live session');
    return liveSessionView(row);
  }
}
