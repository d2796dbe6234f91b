import { Inject, Injectable } from '@nestjs/common';
import { AuditService, diff } from '@beacon/audit';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { FieldError, Problems, ProblemException } from '@beacon/core/http';
import { DomainEvents } from '@beacon/core/events';
import { Clock } from '@beacon/core/time';
import { FacilitatorsService } from '@beacon/identity';
import { SessionInvitesService } from '../calendar/session-invites.service';
import type { UpdateLiveSessionDto } from '../dto/live-session.dto';
import { RegistrationRepository } from '../registrations/registration.repository';
import { RegistrationsService } from '../registrations/registrations.service';
import { bookingConflict } from './booking-conflict';
import {
  LiveSessionChangesRepository,
  LiveSessionFields,
  LockedLiveSession,
} from './live-session-changes.repository';
import { LiveSessionRepository } from './live-session.repository';
import { liveSessionView, LiveSessionView } from './live-session.view';
import { SessionScope } from './session-scope';

/** What the invite shows: a change of these is mailed to everyone holding a seat. */
const SHOWN: ReadonlyArray<keyof LiveSessionFields> = [
  'siteId',
  'startsAt',
  'endsAt',
  'timezone',
  'location',
];

/**
 * Publishing a draft and changing a session. Each locks the session row first (as registrations do), so changes
 * of one session, and its seats, are made one at a time; a refused booking rolls the whole change back.
 */
@Injectable()
export class LiveSessionUpdatesService {
  constructor(
    private readonly scope: SessionScope,
    private readonly sessions: LiveSessionRepository,
    private readonly changes: LiveSessionChangesRepository,
    private readonly registrations: RegistrationRepository,
    private readonly seats: RegistrationsService,
    private readonly facilitators: FacilitatorsService,
    private readonly invites: SessionInvitesService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A draft becomes scheduled: its facilitators' time is booked now, and a conflict is a 409 naming them. */
  publish(id: string): Promise<LiveSessionView> {
    return this.locked(id, async (session) => {
      if (session.status !== 'draft')
        throw Problems.conflict(`The session is ${session.status}, not a draft.`);
      const names = await this.changes.userNames(session.facilitator_ids);
      await this.changes.publish(session.organization_id, id, this.clock.now());
      await this.booked(names, 'facilitatorIds', () =>
        this.changes.rebook(session.organization_id, id, this.config.sessionTravelBufferMs, true),
      );
      await this.audit.record({
        action: 'live_session.published',
        entityType: 'live_session',
        entityId: id,
        changes: { status: { from: 'draft', to: 'scheduled' } },
      });
      if (session.training_request_id !== null)
        await this.events.publish({
          type: 'live-session.scheduled-for-request',
          trainingRequestId: session.training_request_id,
          sessionId: id,
          organizationId: session.organization_id,
        });
      return this.view(id);
    });
  }

  /**
   * Changes a draft or scheduled session. A scheduled one's SEQUENCE is raised by one per change, and everyone
   * holding a seat is mailed the new invite when what it shows changed; a larger capacity seats the waitlist in
   * order. Nothing changes when a facilitator's time is taken or the capacity is below the seats taken.
   */
  update(id: string, body: UpdateLiveSessionDto): Promise<LiveSessionView> {
    if (Object.values(body).every((value) => value === undefined))
      throw Problems.invalidField(
        'body',
        'give at least one of startsAt, endsAt, timezone, location, capacity, siteId, facilitatorIds',
      );
    return this.locked(id, async (session) => {
      if (session.status === 'cancelled') throw Problems.conflict('The session is cancelled.');
      const before: LiveSessionFields = {
        siteId: session.site_id,
        startsAt: session.starts_at.toISOString(),
        endsAt: session.ends_at.toISOString(),
        timezone: session.timezone,
        location: session.location,
        capacity: session.capacity,
      };
      const after: LiveSessionFields = {
        siteId: body.siteId ?? before.siteId,
        startsAt: body.startsAt === undefined ? before.startsAt : new Date(body.startsAt).toISOString(),
        endsAt: body.endsAt === undefined ? before.endsAt : new Date(body.endsAt).toISOString(),
        timezone: body.timezone ?? before.timezone,
        location: body.location ?? before.location,
        capacity: body.capacity ?? before.capacity,
      };
      const facilitatorIds = body.facilitatorIds ? [...body.facilitatorIds].sort() : session.facilitator_ids;
      await this.check(session, after, body.facilitatorIds);
      const changed = {
        ...diff({ ...before }, { ...after }),
        ...diff({ facilitatorIds: session.facilitator_ids }, { facilitatorIds }),
      };
      if (Object.keys(changed).length === 0) return this.view(id);

      const names = await this.changes.userNames(facilitatorIds);
      await this.changes.update(session.organization_id, id, after, this.clock.now());
      const removed = session.facilitator_ids.filter((f) => !facilitatorIds.includes(f));
      const added = facilitatorIds.filter((f) => !session.facilitator_ids.includes(f));
      if (removed.length > 0) await this.changes.unbook(session.organization_id, id, removed);
      await this.booked(names, 'facilitatorIds', async () => {
        const active = session.status === 'scheduled';
        const buffer = this.config.sessionTravelBufferMs;
        await this.sessions.book(session.organization_id, id, added, buffer, active);
        await this.changes.rebook(session.organization_id, id, buffer, active);
      });
      await this.audit.record({
        action: 'live_session.updated',
        entityType: 'live_session',
        entityId: id,
        changes: changed,
      });
      if (session.status !== 'scheduled') return this.view(id);
      const promoted = await this.seatWaitlist(session, after.capacity);
      if (SHOWN.some((field) => changed[field])) await this.invites.tellUpdated(id, promoted);
      return this.view(id);
    });
  }

  private async check(
    session: LockedLiveSession,
    after: LiveSessionFields,
    facilitatorIds: readonly string[] | undefined,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (Date.parse(after.endsAt) <= Date.parse(after.startsAt))
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    if (
      after.siteId !== session.site_id &&
      !(await this.sessions.siteExists(session.organization_id, after.siteId))
    )
      errors.push({ field: 'siteId', message: 'siteId must name a site of this organization' });
    const strangers = facilitatorIds ? await this.facilitators.notFacilitators(facilitatorIds) : [];
    if (strangers.length > 0)
      errors.push({
        field: 'facilitatorIds',
        message: `facilitatorIds must name facilitators; these do not: ${strangers.join(', ')}`,
      });
    if (errors.length > 0) throw Problems.invalid(errors);
    if (after.capacity < session.registered_count)
      throw new ProblemException(409, `${session.registered_count} members hold a seat already.`, {
        errors: [
          {
            field: 'capacity',
            message: `capacity must be at least the ${session.registered_count} seats taken`,
          },
        ],
      });
  }

  /**
   * Seats the waitlist, first come first served, up to a capacity that grew; each is told as for a freed seat.
   * Not once the session has started (nobody is promoted into those, as for a freed seat). The members seated.
   */
  private async seatWaitlist(session: LockedLiveSession, capacity: number): Promise<string[]> {
    const now = this.clock.now();
    if (capacity <= session.capacity || now >= session.starts_at) return [];
    const seated: string[] = [];
    for (let taken = session.registered_count; taken < capacity; taken += 1) {
      const promoted = await this.registrations.promoteFirst(session.organization_id, session.id, now);
      if (!promoted) break;
      await this.seats.tellPromoted(
        {
          id: session.id,
          organization_id: session.organization_id,
          capacity,
          status: 'scheduled',
          starts_at: session.starts_at,
        },
        promoted.id,
        promoted.member_id,
      );
      seated.push(promoted.member_id);
    }
    return seated;
  }

  private async booked(names: ReadonlyMap<string, string>, field: string, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      throw bookingConflict(error, names, field) ?? error;
    }
  }

  private locked<T>(id: string, work: (session: LockedLiveSession) => Promise<T>): Promise<T> {
    return this.scope.enter(id, async (organizationId) => {
      const session = organizationId === null ? null : await this.changes.lock(organizationId, id);
      if (!session) throw Problems.notFound('live session');
      return work(session);
    });
  }

  private async view(id: string): Promise<LiveSessionView> {
    const row = await this.sessions.find(id);
    if (!row) throw Problems.notFound('live session');
    return liveSessionView(row);
  }
}
