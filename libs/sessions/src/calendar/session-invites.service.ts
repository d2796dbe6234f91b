import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { isMailLocale } from '@beacon/core/mail';
import { OutboxService } from '@beacon/notifications';
import { seesDrafts } from '../sessions/draft-readers';
import { SessionScope } from '../sessions/session-scope';
import { CalendarPerson, sessionCalendar, SessionInvite } from './session-calendar';
import { InviteeRow, InviteSessionRow, SessionInviteRepository } from './session-invite.repository';

/**
 * A session's calendar invite, downloaded or sent with its mail. The UID is the session's; the SEQUENCE its own
 * (raised by every change), so every copy a person receives updates the same calendar entry.
 */
@Injectable()
export class SessionInvitesService {
  constructor(
    private readonly scope: SessionScope,
    private readonly repository: SessionInviteRepository,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The invite for whoever may read the session. A registered (or waitlisted) reader is its one ATTENDEE, as in the
   * invite mailed to them; staff get the registered attendees (a scheduler's copy of the roster).
   */
  download(sessionId: string): Promise<string> {
    return this.scope.enter(sessionId, async () => {
      const session = await this.repository.session(sessionId);
      if (!session) throw Problems.notFound('live session');
      const actor = ExecutionContext.actor();
      if (session.status === 'draft') {
        if (!seesDrafts(actor)) throw Problems.notFound('live session');
        throw Problems.conflict('A draft session has no calendar invite until it is published.');
      }
      const mine = actor.membershipId
        ? await this.repository.invitees(session.organization_id, sessionId, actor.membershipId)
        : [];
      const attendees =
        mine.length > 0
          ? mine
          : isStaff()
            ? (await this.repository.invitees(session.organization_id, sessionId)).filter(
                (invitee) => invitee.status === 'registered',
              )
            : [];
      return sessionCalendar(this.invite(session, attendees));
    });
  }

  /** Confirms a registration by mail, with the invite when a seat was taken. Inside the registering transaction. */
  async tellRegistered(organizationId: string, sessionId: string, memberId: string): Promise<void> {
    const session = await this.repository.session(sessionId);
    const [invitee] = await this.repository.invitees(organizationId, sessionId, memberId);
    if (!session || !invitee) return;
    await this.outbox.enqueue({
      kind: 'live_session_registered',
      recipientEmail: invitee.email,
      recipientUserId: invitee.user_id,
      dedupeKey: `live-session-registered:${invitee.registration_id}`,
      payload: {
        ...this.notice(session, invitee),
        status: invitee.status,
        invite: invitee.status === 'registered' ? this.invite(session, [invitee]) : undefined,
      },
    });
  }

  /** A member's own invite (them as its ATTENDEE), for a mail telling them of a seat. */
  async inviteFor(
    organizationId: string,
    sessionId: string,
    memberId: string,
  ): Promise<SessionInvite | undefined> {
    const session = await this.repository.session(sessionId);
    const invitees = await this.repository.invitees(organizationId, sessionId, memberId);
    return session ? this.invite(session, invitees) : undefined;
  }

  /**
   * Tells everyone registered or waitlisted that the session is cancelled; those holding a seat get METHOD:CANCEL
   * with the raised SEQUENCE. Inside the cancelling transaction, after the sequence was raised.
   */
  async tellCancelled(sessionId: string): Promise<void> {
    const session = await this.repository.session(sessionId);
    if (!session) return;
    const invitees = await this.repository.invitees(session.organization_id, sessionId);
    await this.outbox.enqueueMany(
      invitees.map((invitee) => ({
        kind: 'live_session_cancelled' as const,
        recipientEmail: invitee.email,
        recipientUserId: invitee.user_id,
        dedupeKey: `live-session-cancelled:${invitee.registration_id}:${session.sequence}`,
        payload: {
          ...this.notice(session, invitee),
          invite: invitee.status === 'registered' ? this.invite(session, [invitee]) : undefined,
        },
      })),
    );
  }

  /**
   * Tells everyone holding a seat that the session changed, with the invite at its raised SEQUENCE (METHOD:REQUEST
   * updates their calendar entry). `except`: members told otherwise already (promoted by this change). Inside the
   * changing transaction, after the sequence was raised.
   */
  async tellUpdated(sessionId: string, except: readonly string[] = []): Promise<void> {
    const session = await this.repository.session(sessionId);
    if (!session) return;
    const invitees = (await this.repository.invitees(session.organization_id, sessionId)).filter(
      (invitee) => invitee.status === 'registered' && !except.includes(invitee.member_id),
    );
    await this.outbox.enqueueMany(
      invitees.map((invitee) => ({
        kind: 'live_session_updated' as const,
        recipientEmail: invitee.email,
        recipientUserId: invitee.user_id,
        dedupeKey: `live-session-updated:${invitee.registration_id}:${session.sequence}`,
        payload: { ...this.notice(session, invitee), invite: this.invite(session, [invitee]) },
      })),
    );
  }

  private notice(session: InviteSessionRow, invitee: InviteeRow) {
    return {
      recipientName: invitee.name,
      organizationName: session.organization_name ?? '',
      courseTitle: session.course_title,
      startsAt: session.starts_at.toISOString(),
      timeZone: session.timezone,
      location: session.location,
      url: `${this.config.publicUrl}/learn`,
      locale: isMailLocale(invitee.locale) ? invitee.locale : ('en' as const),
    };
  }

  private invite(session: InviteSessionRow, attendees: CalendarPerson[]): SessionInvite {
    return {
      sessionId: session.id,
      host: new URL(this.config.publicUrl).hostname,
      sequence: session.sequence,
      cancelled: session.status === 'cancelled',
      startsAt: session.starts_at.toISOString(),
      endsAt: session.ends_at.toISOString(),
      timeZone: session.timezone,
      courseTitle: session.course_title,
      location: session.location,
      description: [
        session.organization_name
          ? `${session.course_title} (${session.organization_name})`
          : session.course_title,
        session.site_name ? `${session.site_name}: ${session.location}` : session.location,
        `${this.config.publicUrl}/learn`,
      ].join('\n'),
      organizer: { name: this.config.providerName, email: this.config.providerInbox },
      attendees: attendees.map(({ name, email }) => ({ name, email })),
    };
  }
}

/** Those who schedule or run sessions: they see the roster in the invite. */
function isStaff(): boolean {
  const actor = ExecutionContext.actor();
  return (
    actor.platformRoles.length > 0 || actor.roles.some((role) => role === 'org_admin' || role === 'educator')
  );
}
