import { Inject, Injectable } from '@nestjs/common';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { AuditService } from '@beacon/audit';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { FieldError, Problems, ProblemException } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { FacilitatorsService } from '@beacon/identity';
import { MAX_CAPACITY } from '../dto/live-session.dto';
import { LiveSessionChangesRepository } from './live-session-changes.repository';
import { LiveSessionRepository } from './live-session.repository';

dayjs.extend(utc);
dayjs.extend(timezone);

const DRAFT_HOUR = '09:00';
const DRAFT_LEAD_DAYS = 14;
const DRAFT_LENGTH_MS = 4 * 60 * 60 * 1000;
const DEFAULT_CAPACITY = 30;

/** What a converted training request says about the session it asks for, and the scheduler's overrides. */
export interface SessionDraftInput {
  organizationId: string;
  trainingRequestId: string;
  /** Preferred dates, `YYYY-MM-DD`, in order. */
  preferredDates: readonly string[];
  /** "city, state" from the request, when it gave one. */
  place: string | null;
  staffCount: number | null;
  facilitatorId: string | null;
  courseId?: string;
  siteId?: string;
  startsAt?: string;
  endsAt?: string;
}

/**
 * Drafts the live session a converted training request asks for. A draft takes no registrations, sends no mail
 * and holds no facilitator's time (its bookings are inactive) until a scheduler publishes it. Problems name the
 * convert body's `session.*` fields.
 */
@Injectable()
export class LiveSessionDraftsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
    private readonly changes: LiveSessionChangesRepository,
    private readonly facilitators: FacilitatorsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Joins the caller's transaction; answers the draft's id. */
  draft(input: SessionDraftInput): Promise<string> {
    return this.tx.withOrganization(input.organizationId, async () => {
      const errors: FieldError[] = [];
      const zone = (await this.changes.organizationTimezone(input.organizationId)) ?? 'UTC';
      const courseId = input.courseId ?? (await this.changes.firstPublishedCourse());
      if (courseId === null)
        throw new ProblemException(409, 'The catalog has no published course to draft a session of.', {
          errors: [{ field: 'session.courseId', message: 'no published course exists' }],
        });
      if (input.courseId !== undefined && !(await this.sessions.courseExists(input.courseId)))
        errors.push({ field: 'session.courseId', message: 'session.courseId must name a published course' });
      const site = await this.changes.site(input.organizationId, input.siteId ?? null);
      if (!site && input.siteId !== undefined)
        errors.push({
          field: 'session.siteId',
          message: 'session.siteId must name a site of the organization',
        });
      const startsAt = input.startsAt ?? this.defaultStart(input.preferredDates, zone);
      const endsAt = input.endsAt ?? new Date(Date.parse(startsAt) + DRAFT_LENGTH_MS).toISOString();
      if (Date.parse(endsAt) <= Date.parse(startsAt))
        errors.push({ field: 'session.endsAt', message: 'session.endsAt must be after session.startsAt' });
      if (errors.length > 0) throw Problems.invalid(errors);
      if (!site)
        throw new ProblemException(409, 'The organization has no site to hold the session; add one first.', {
          errors: [{ field: 'session.siteId', message: 'the organization has no site' }],
        });
      const facilitatorIds =
        input.facilitatorId !== null &&
        (await this.facilitators.notFacilitators([input.facilitatorId])).length === 0
          ? [input.facilitatorId]
          : [];
      const id = await this.sessions.insert({
        organizationId: input.organizationId,
        courseId,
        siteId: site.id,
        startsAt,
        endsAt,
        timezone: zone,
        location: input.place ?? site.name,
        capacity: Math.min(MAX_CAPACITY, Math.max(1, input.staffCount ?? DEFAULT_CAPACITY)),
        status: 'draft',
        trainingRequestId: input.trainingRequestId,
        createdBy: ExecutionContext.actor().userId,
        now: this.clock.now(),
      });
      await this.sessions.book(
        input.organizationId,
        id,
        facilitatorIds,
        this.config.sessionTravelBufferMs,
        false,
      );
      await this.sessions.index(input.organizationId, id);
      await this.audit.record({
        action: 'live_session.drafted',
        entityType: 'live_session',
        entityId: id,
        changes: {
          status: { from: null, to: 'draft' },
          startsAt: { from: null, to: startsAt },
          facilitatorIds: { from: [], to: facilitatorIds },
        },
      });
      return id;
    });
  }

  /**
   * 09:00 in the organization's zone on the first preferred date still ahead; with none, 14 days from today.
   * A request converted late may list dates that have passed: a draft in the past would only be moved again.
   */
  private defaultStart(preferredDates: readonly string[], zone: string): string {
    const now = this.clock.now().getTime();
    for (const date of preferredDates) {
      const start = dayjs.tz(`${date}T${DRAFT_HOUR}:00`, zone);
      if (start.valueOf() > now) return start.toDate().toISOString();
    }
    const day = dayjs(now).tz(zone).add(DRAFT_LEAD_DAYS, 'day').format('YYYY-MM-DD');
    return dayjs.tz(`${day}T${DRAFT_HOUR}:00`, zone).toDate().toISOString();
  }
}
