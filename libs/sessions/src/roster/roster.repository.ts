import { Injectable } from '@nestjs/common';
import { memberNameSql, one, rows } from '@beacon/core/database';
import type { RegistrationStatus } from '../dto/registration.dto';

export interface RosterRow {
  member_id: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  attended_at: Date | null;
  attendance_marked_by: string | null;
  checked_in_at: Date | null;
  check_in_rejected_at: Date | null;
}

export interface MyRegistrationRow extends Omit<RosterRow, 'member_id' | 'name' | 'email' | 'status'> {
  status: RegistrationStatus | null;
  roster_closed_at: Date | null;
}

@Injectable()
export class RosterRepository {
  async closedAt(
    organizationId: string,
    sessionId: string,
    withDrafts: boolean,
  ): Promise<{ roster_closed_at: Date | null } | null> {
    return one<{ roster_closed_at: Date | null }>(
      `SELECT roster_closed_at FROM live_sessions
        WHERE organization_id = $1 AND id = $2 AND (status <> 'draft' OR $3)`,
      [organizationId, sessionId, withDrafts],
    );
  }

  async isFacilitator(organizationId: string, sessionId: string, userId: string): Promise<boolean> {
    const found = await one(
      'SELECT 1 FROM session_facilitators WHERE organization_id = $1 AND session_id = $2 AND facilitator_id = $3',
      [organizationId, sessionId, userId],
    );
    return found !== null;
  }

  /** The member's registration of the session, with the session's own columns; null for a session not seen. */
  mine(
    organizationId: string,
    sessionId: string,
    memberId: string,
    withDrafts: boolean,
  ): Promise<MyRegistrationRow | null> {
    return one<MyRegistrationRow>(
      `SELECT s.roster_closed_at, r.status, r.attended_at, r.attendance_marked_by, r.checked_in_at,
              r.check_in_rejected_at
         FROM live_sessions s
         LEFT JOIN session_registrations r
           ON r.organization_id = s.organization_id AND r.session_id = s.id AND r.member_id = $3
        WHERE s.organization_id = $1 AND s.id = $2 AND (s.status <> 'draft' OR $4)`,
      [organizationId, sessionId, memberId, withDrafts],
    );
  }

  /** Every registration of the session by the member's name (the id breaks ties so the order is stable). */
  entries(organizationId: string, sessionId: string): Promise<RosterRow[]> {
    return rows<RosterRow>(
      `SELECT r.member_id, ${memberNameSql('m', 'u')} AS name, u.email, r.status, r.attended_at,
              r.attendance_marked_by, r.checked_in_at, r.check_in_rejected_at
         FROM session_registrations r
         JOIN memberships m ON m.organization_id = r.organization_id AND m.id = r.member_id
         JOIN users u ON u.id = m.user_id
        WHERE r.organization_id = $1 AND r.session_id = $2
        ORDER BY lower(${memberNameSql('m', 'u')}), r.member_id`,
      [organizationId, sessionId],
    );
  }
}
