import { Injectable } from '@nestjs/common';
import { one } from '@beacon/core/database';

export interface RosterLine {
  id: string;
  member_id: string;
  status: 'registered' | 'waitlisted';
  attended_at: Date | null;
}

export interface AttendanceSession {
  id: string;
  organization_id: string;
  course_id: string;
  status: 'scheduled' | 'cancelled';
  starts_at: Date;
  minutes: number;
}

@Injectable()
export class AttendanceRepository {
  /**
   * The session, locked until the transaction ends (the same row lock as registrations): marks of one session
   * queue here, so ten identical marks at once credit the member once.
   */
  lockSession(organizationId: string, sessionId: string): Promise<AttendanceSession | null> {
    return one<AttendanceSession>(
      `SELECT id, organization_id, course_id, status, starts_at,
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
      `SELECT id, member_id, status, attended_at FROM session_registrations
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
        RETURNING id, member_id, status, attended_at`,
      [organizationId, registrationId, attendedAt, markedBy],
    )) as RosterLine;
  }
}
