import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';

export interface RosterLine {
  id: string;
  member_id: string;
  status: 'registered' | 'waitlisted';
  attended_at: Date | null;
  checked_in_at: Date | null;
  check_in_rejected_at: Date | null;
}

const LINE = 'id, member_id, status, attended_at, checked_in_at, check_in_rejected_at';

export interface AttendanceSession {
  id: string;
  organization_id: string;
  course_id: string;
  status: 'scheduled' | 'cancelled';
  starts_at: Date;
  minutes: number;
  check_in_secret: Buffer | null;
  roster_closed_at: Date | null;
}

@Injectable()
export class AttendanceRepository {
  /**
   * The session, locked until the transaction ends (the same row lock as registrations): marks of one session
   * queue here, so ten identical marks at once credit the member once.
   */
  lockSession(organizationId: string, sessionId: string): Promise<AttendanceSession | null> {
    return one<AttendanceSession>(
      `SELECT id, organization_id, course_id, status, starts_at, check_in_secret, roster_closed_at,
              round(extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes
         FROM live_sessions WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, sessionId],
    );
  }

  /** Whether the user is one of the session's facilitators (read in the session's organization). */
  async isFacilitator(organizationId: string, sessionId: string, userId: string): Promise<boolean> {
    const found = await one(
      `SELECT 1 FROM session_facilitators WHERE organization_id = $1 AND session_id = $2 AND facilitator_id = $3`,
      [organizationId, sessionId, userId],
    );
    return found !== null;
  }

  line(organizationId: string, sessionId: string, memberId: string): Promise<RosterLine | null> {
    return one<RosterLine>(
      `SELECT ${LINE} FROM session_registrations
        WHERE organization_id = $1 AND session_id = $2 AND member_id = $3`,
      [organizationId, sessionId, memberId],
    );
  }

  /** Marks the member present (keeping the first mark's time) or takes the mark back. */
  async mark(
    organizationId: string,
    registrationId: string,
    attendedAt: Date | null,
    markedBy: string,
  ): Promise<RosterLine> {
    return (await one<RosterLine>(
      `UPDATE session_registrations
          SET attended_at = CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE coalesce(attended_at, $3) END,
              attendance_marked_by = $4
        WHERE organization_id = $1 AND id = $2
        RETURNING ${LINE}`,
      [organizationId, registrationId, attendedAt, markedBy],
    )) as RosterLine;
  }

  /** The session's check-in key: the one it has, or `secret` on first opening. */
  async checkInSecret(organizationId: string, sessionId: string, secret: Buffer): Promise<Buffer> {
    const row = (await one<{ check_in_secret: Buffer }>(
      `UPDATE live_sessions SET check_in_secret = coalesce(check_in_secret, $3)
        WHERE organization_id = $1 AND id = $2 RETURNING check_in_secret`,
      [organizationId, sessionId, secret],
    )) as { check_in_secret: Buffer };
    return row.check_in_secret;
  }

  /** A provisional check-in (the first one's time kept); a rejected one stays rejected. */
  async checkIn(organizationId: string, registrationId: string, now: Date): Promise<RosterLine> {
    return (await one<RosterLine>(
      `UPDATE session_registrations SET checked_in_at = coalesce(checked_in_at, $3)
        WHERE organization_id = $1 AND id = $2 RETURNING ${LINE}`,
      [organizationId, registrationId, now],
    )) as RosterLine;
  }

  async rejectCheckIn(organizationId: string, registrationId: string, now: Date): Promise<void> {
    await one(
      `UPDATE session_registrations SET check_in_rejected_at = coalesce(check_in_rejected_at, $3)
        WHERE organization_id = $1 AND id = $2 RETURNING id`,
      [organizationId, registrationId, now],
    );
  }

  /** Check-ins waiting for the roster's close: not rejected, not marked present already. */
  provisional(organizationId: string, sessionId: string): Promise<RosterLine[]> {
    return rows<RosterLine>(
      `SELECT ${LINE} FROM session_registrations
        WHERE organization_id = $1 AND session_id = $2 AND status = 'registered' AND checked_in_at IS NOT NULL
          AND check_in_rejected_at IS NULL AND attended_at IS NULL
        ORDER BY checked_in_at, id`,
      [organizationId, sessionId],
    );
  }

  async closeRoster(organizationId: string, sessionId: string, now: Date): Promise<void> {
    await one(
      'UPDATE live_sessions SET roster_closed_at = $3 WHERE organization_id = $1 AND id = $2 RETURNING id',
      [organizationId, sessionId, now],
    );
  }
}
