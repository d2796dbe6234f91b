import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, pgErrorCode, PG_UNIQUE_VIOLATION } from '@beacon/core/database';
import { isMailLocale } from '@beacon/core/mail';
import { Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { OutboxService } from '@beacon/notifications';
import type { RegistrationStatus } from '../dto/registration.dto';
import { SessionInvitesService } from '../calendar/session-invites.service';
import { SessionScope } from '../sessions/session-scope';
import { LockedSession, RegistrationRepository } from './registration.repository';

export interface RegistrationView {
  id: string;
  sessionId: string;
  memberId: string;
  status: RegistrationStatus;
}

/**
 * Seats and the waitlist. Every change locks the session row first (see `lockSession`), so a seat is counted and
 * taken by one request at a time. Registration closes when the session starts (the cut-off); a cancelled session
 * takes none.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly scope: SessionScope,
    private readonly registrations: RegistrationRepository,
    private readonly outbox: OutboxService,
    private readonly invites: SessionInvitesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(sessionId: string, memberId: string): Promise<RegistrationView> {
    this.mayAct(memberId);
    return this.locked(sessionId, async (session) => {
      if (!(await this.registrations.activeMember(session.organization_id, memberId)))
        throw Problems.invalidField('memberId', 'memberId must name an active member of this organization');
      if (session.status === 'cancelled') throw Problems.conflict('The session is cancelled.');
      if (session.status === 'draft') throw Problems.conflict('The session is a draft, not yet published.');
      if (this.clock.now() >= session.starts_at)
        throw Problems.conflict('Registration closed when the session started.');
      if (await this.registrations.find(session.organization_id, sessionId, memberId))
        throw Problems.conflict('This member is registered for the session already.');
      const taken = await this.registrations.registeredCount(session.organization_id, sessionId);
      const status: RegistrationStatus = taken < session.capacity ? 'registered' : 'waitlisted';
      let registered;
      try {
        registered = view(
          await this.registrations.insert(session.organization_id, sessionId, memberId, status),
        );
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION)
          throw Problems.conflict('This member is registered for the session already.');
        throw error;
      }
      await this.invites.tellRegistered(session.organization_id, sessionId, memberId);
      return registered;
    });
  }

  /**
   * Removes a registration (or a place on the waitlist). A freed seat goes to the first waitlisted member, who is
   * told by mail; not once the session has started or when it is cancelled (nobody is promoted into those).
   */
  unregister(sessionId: string, memberId: string): Promise<void> {
    this.mayAct(memberId);
    return this.locked(sessionId, async (session) => {
      const removed = await this.registrations.delete(session.organization_id, sessionId, memberId);
      if (!removed) throw Problems.notFound('registration');
      const now = this.clock.now();
      if (removed.status !== 'registered' || session.status === 'cancelled' || now >= session.starts_at)
        return;
      const promoted = await this.registrations.promoteFirst(session.organization_id, sessionId, now);
      if (promoted) await this.tellPromoted(session, promoted.id, promoted.member_id);
    });
  }

  /** A learner acts for themselves only; org_admins, educators and platform admins for anyone. */
  private mayAct(memberId: string): void {
    const actor = ExecutionContext.actor();
    const staff =
      actor.platformRoles.includes('platform_admin') ||
      (actor.organizationId !== null &&
        actor.roles.some((role) => role === 'org_admin' || role === 'educator'));
    if (!staff && actor.membershipId !== memberId)
      throw Problems.forbidden('You may register or unregister only yourself.');
  }

  private locked<T>(sessionId: string, work: (session: LockedSession) => Promise<T>): Promise<T> {
    return this.scope.enter(sessionId, async (organizationId) => {
      const session =
        organizationId === null ? null : await this.registrations.lockSession(organizationId, sessionId);
      if (!session) throw Problems.notFound('live session');
      return work(session);
    });
  }

  /** Tells a member promoted from the waitlist of their seat, with their invite; in the promoting transaction. */
  async tellPromoted(session: LockedSession, registrationId: string, memberId: string): Promise<void> {
    const recipient = await this.registrations.seatRecipient(session.organization_id, session.id, memberId);
    if (!recipient) return;
    await this.outbox.enqueue({
      kind: 'live_session_seat',
      recipientEmail: recipient.email,
      recipientUserId: recipient.user_id,
      dedupeKey: `live-session-seat:${registrationId}`,
      payload: {
        recipientName: recipient.name,
        organizationName: recipient.organization_name,
        courseTitle: recipient.course_title,
        startsAt: recipient.starts_at.toISOString(),
        timeZone: recipient.timezone,
        location: recipient.location,
        url: `${this.config.publicUrl}/learn`,
        locale: isMailLocale(recipient.locale) ? recipient.locale : 'en',
        invite: await this.invites.inviteFor(session.organization_id, session.id, memberId),
      },
    });
  }
}

const view = (row: { id: string; session_id: string; member_id: string; status: RegistrationStatus }) => ({
  id: row.id,
  sessionId: row.session_id,
  memberId: row.member_id,
  status: row.status,
});
