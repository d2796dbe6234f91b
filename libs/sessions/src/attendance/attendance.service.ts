import { Injectable } from '@nestjs/common';
import { AuditService } from '@beacon/audit';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { LiveSessionCredit, LiveSessionCreditService } from '@beacon/enrollment';
import type { AttendanceView } from '../dto/attendance.dto';
import { LiveSessionRepository } from '../sessions/live-session.repository';
import { AttendanceRepository, AttendanceSession } from './attendance.repository';

/** Attendance may be marked from this long before the start (people sign in as they arrive). */
export const ATTENDANCE_OPENS_BEFORE_MS = 30 * 60 * 1000;

const NO_CREDIT: LiveSessionCredit = { enrollmentIds: [], certificateId: null, evaluationRequired: false };

/**
 * Attendance at a live session, marked by its facilitators or the organization's staff. Marking a member present
 * credits them as an assessment pass does (LiveSessionCreditService); a mark that earned credit is not taken back
 * (409): credit is never silently revoked.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly credit: LiveSessionCreditService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  mark(sessionId: string, memberId: string, attended: boolean): Promise<AttendanceView> {
    return this.enter(sessionId, async (session) => {
      if (session.status === 'cancelled') throw Problems.conflict('The session is cancelled.');
      const now = this.clock.now();
      const opensAt = new Date(session.starts_at.getTime() - ATTENDANCE_OPENS_BEFORE_MS);
      if (now < opensAt)
        throw Problems.conflict(
          `Attendance opens at ${opensAt.toISOString()}, 30 minutes before the session starts.`,
        );
      const line = await this.attendance.line(session.organization_id, sessionId, memberId);
      if (!line || line.status !== 'registered')
        throw Problems.invalidField(
          'memberId',
          'memberId must name a member registered (with a seat) for this session',
        );
      const organizationId = session.organization_id;
      if (!attended && (await this.credit.credited(memberId, sessionId)))
        throw Problems.conflict(
          'This attendance completed training or issued a certificate already; credit is not taken back here.',
        );
      const marked = await this.attendance.mark(
        organizationId,
        line.id,
        attended ? now : null,
        ExecutionContext.actor().userId,
      );
      if ((line.attended_at !== null) !== attended) {
        await this.audit.record({
          action: 'live_session.attendance_marked',
          entityType: 'live_session',
          entityId: sessionId,
          changes: { memberId: { from: null, to: memberId }, attended: { from: !attended, to: attended } },
        });
      }
      const credit =
        attended && marked.attended_at
          ? await this.credit.award({
              membershipId: memberId,
              courseId: session.course_id,
              sessionId,
              at: marked.attended_at,
              sessionMinutes: session.minutes,
            })
          : NO_CREDIT;
      return {
        sessionId,
        memberId,
        attended,
        attendedAt: marked.attended_at?.toISOString() ?? null,
        completedEnrollmentIds: credit.enrollmentIds,
        certificateId: credit.certificateId,
        evaluationRequired: credit.evaluationRequired,
      };
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
