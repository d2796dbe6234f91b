import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '@beacon/audit';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { LiveSessionCredit, LiveSessionCreditService } from '@beacon/enrollment';
import type { AttendanceView, CheckInCodeView, CheckInView, RosterCloseView } from '../dto/attendance.dto';
import { LiveSessionRepository } from '../sessions/live-session.repository';
import { AttendanceRepository, AttendanceSession, RosterLine } from './attendance.repository';
import { checkInCode, checkInCodeChangesAt, checkInCodeMatches } from './check-in-code';
import { CheckInThrottle } from './check-in-throttle';

/** Attendance may be marked from this long before the start (people sign in as they arrive). */
export const ATTENDANCE_OPENS_BEFORE_MS = 30 * 60 * 1000;

const NO_CREDIT: LiveSessionCredit = { enrollmentIds: [], certificateId: null, evaluationRequired: false };

/**
 * Attendance at a live session, marked by its facilitators or the organization's staff, or checked in by the
 * learners themselves with the minute's code (provisional until the facilitator closes the roster). Marking a
 * member present credits them as an assessment pass does (LiveSessionCreditService); a mark that earned credit is
 * not taken back (409): credit is never silently revoked.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly credit: LiveSessionCreditService,
    private readonly throttle: CheckInThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  mark(sessionId: string, memberId: string, attended: boolean): Promise<AttendanceView> {
    return this.enter(sessionId, async (session) => {
      const now = this.open(session);
      const line = await this.attendance.line(session.organization_id, sessionId, memberId);
      if (!line || line.status !== 'registered')
        throw Problems.invalidField(
          'memberId',
          'memberId must name a member registered (with a seat) for this session',
        );
      if (attended) return this.confirm(session, line, now);
      if (await this.credit.credited(memberId, sessionId))
        throw Problems.conflict(
          'This attendance completed training or issued a certificate already; credit is not taken back here.',
        );
      const marked = await this.attendance.mark(
        session.organization_id,
        line.id,
        null,
        ExecutionContext.actor().userId,
      );
      if (line.attended_at !== null) await this.recordMark(sessionId, memberId, false);
      return view(session, marked, NO_CREDIT);
    });
  }

  /** The code learners type to check in, this minute's; the first opening gives the session its key. */
  openCheckIn(sessionId: string): Promise<CheckInCodeView> {
    return this.enter(sessionId, async (session) => {
      const now = this.open(session);
      if (session.roster_closed_at) throw Problems.conflict('The roster is closed.');
      const secret = await this.attendance.checkInSecret(session.organization_id, sessionId, randomBytes(32));
      return { code: checkInCode(secret, now), changesAt: checkInCodeChangesAt(now).toISOString() };
    });
  }

  /**
   * A learner registered for the session checks in with the minute's (or the previous minute's) code: a
   * provisional check-in, which earns nothing until the facilitator closes the roster. Attempts are throttled.
   */
  async checkIn(sessionId: string, code: string): Promise<CheckInView> {
    const actor = ExecutionContext.actor();
    const memberId = actor.membershipId;
    if (actor.organizationId === null || memberId === null)
      throw Problems.forbidden('Check in with the organization you registered in.');
    await this.throttle.countAttempt(actor.userId, sessionId);
    return this.tx.run(async () => {
      const session = await this.attendance.lockSession(actor.organizationId as string, sessionId);
      if (!session) throw Problems.notFound('live session');
      const now = this.open(session);
      if (!session.check_in_secret || session.roster_closed_at)
        throw Problems.conflict('Check-in is not open for this session.');
      const line = await this.attendance.line(session.organization_id, sessionId, memberId);
      if (!line || line.status !== 'registered')
        throw Problems.forbidden('Only members registered (with a seat) for this session check in.');
      if (!checkInCodeMatches(session.check_in_secret, code, now))
        throw Problems.invalidField(
          'code',
          'code is not the code shown at the session (it changes every minute)',
        );
      const checked = await this.attendance.checkIn(session.organization_id, line.id, now);
      return {
        sessionId,
        memberId,
        checkedInAt: (checked.checked_in_at as Date).toISOString(),
        status: checked.check_in_rejected_at ? 'rejected' : checked.attended_at ? 'attended' : 'provisional',
      };
    });
  }

  /** Turns down a provisional check-in before the roster is closed (someone who is not in the room). */
  rejectCheckIn(sessionId: string, memberId: string): Promise<void> {
    return this.enter(sessionId, async (session) => {
      if (session.roster_closed_at) throw Problems.conflict('The roster is closed.');
      const line = await this.attendance.line(session.organization_id, sessionId, memberId);
      if (!line || line.checked_in_at === null) throw Problems.notFound('check-in');
      if (line.attended_at !== null)
        throw Problems.conflict('This member is marked present already; take the mark back instead.');
      await this.attendance.rejectCheckIn(session.organization_id, line.id, this.clock.now());
      await this.audit.record({
        action: 'live_session.check_in_rejected',
        entityType: 'live_session',
        entityId: sessionId,
        changes: { memberId: { from: null, to: memberId } },
      });
    });
  }

  /** Confirms every provisional check-in not rejected as attendance (with its credit) and ends check-in. */
  closeRoster(sessionId: string): Promise<RosterCloseView> {
    return this.enter(sessionId, async (session) => {
      const now = this.open(session);
      if (session.roster_closed_at) throw Problems.conflict('The roster is closed already.');
      const confirmed: AttendanceView[] = [];
      for (const line of await this.attendance.provisional(session.organization_id, sessionId))
        confirmed.push(await this.confirm(session, line, now));
      await this.attendance.closeRoster(session.organization_id, sessionId, now);
      return { sessionId, closedAt: now.toISOString(), confirmed };
    });
  }

  /** Attendance is open from 30 minutes before the start, in a session that is not cancelled; `now` if it is. */
  private open(session: AttendanceSession): Date {
    if (session.status === 'cancelled') throw Problems.conflict('The session is cancelled.');
    const now = this.clock.now();
    const opensAt = new Date(session.starts_at.getTime() - ATTENDANCE_OPENS_BEFORE_MS);
    if (now < opensAt)
      throw Problems.conflict(
        `Attendance opens at ${opensAt.toISOString()}, 30 minutes before the session starts.`,
      );
    return now;
  }

  /** Marks the member present and credits them; again for one present already credits nothing more. */
  private async confirm(session: AttendanceSession, line: RosterLine, now: Date): Promise<AttendanceView> {
    const marked = await this.attendance.mark(
      session.organization_id,
      line.id,
      now,
      ExecutionContext.actor().userId,
    );
    if (line.attended_at === null) await this.recordMark(session.id, line.member_id, true);
    const credit = await this.credit.award({
      membershipId: line.member_id,
      courseId: session.course_id,
      sessionId: session.id,
      at: marked.attended_at as Date,
      sessionMinutes: session.minutes,
    });
    return view(session, marked, credit);
  }

  private recordMark(sessionId: string, memberId: string, attended: boolean): Promise<void> {
    return this.audit.record({
      action: 'live_session.attendance_marked',
      entityType: 'live_session',
      entityId: sessionId,
      changes: { memberId: { from: null, to: memberId }, attended: { from: !attended, to: attended } },
    });
  }

  /**
   * The organization's staff act in their organization. A facilitator's token names none: the session's
   * organization is found through the platform lookup and entered, where they must be one of its facilitators
   * (else 404, as for a session they cannot see).
   */
  private async enter<T>(sessionId: string, work: (session: AttendanceSession) => Promise<T>): Promise<T> {
    const actor = ExecutionContext.actor();
    const locked = async (organizationId: string) => {
      const session = await this.attendance.lockSession(organizationId, sessionId);
      if (!session) throw Problems.notFound('live session');
      return work(session);
    };
    if (actor.organizationId !== null) {
      const organizationId = actor.organizationId;
      return this.tx.run(() => locked(organizationId));
    }
    const organizationId = await this.tx.platform(() => this.sessions.organizationOf(sessionId));
    if (!organizationId) throw Problems.notFound('live session');
    return this.tx.withOrganization(organizationId, async () => {
      if (!(await this.attendance.isFacilitator(organizationId, sessionId, actor.userId)))
        throw Problems.notFound('live session');
      return locked(organizationId);
    });
  }
}

const view = (session: AttendanceSession, line: RosterLine, credit: LiveSessionCredit): AttendanceView => ({
  sessionId: session.id,
  memberId: line.member_id,
  attended: line.attended_at !== null,
  attendedAt: line.attended_at?.toISOString() ?? null,
  completedEnrollmentIds: credit.enrollmentIds,
  certificateId: credit.certificateId,
  evaluationRequired: credit.evaluationRequired,
});
