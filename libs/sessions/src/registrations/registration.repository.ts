import { Injectable } from '@nestjs/common';
import { memberNameSql, one, rows } from '@beacon/core/database';
import type { RegistrationStatus } from '../dto/registration.dto';

export interface LockedSession {
  id: string;
  organization_id: string;
  capacity: number;
  status: 'draft' | 'scheduled' | 'cancelled';
  starts_at: Date;
}

export interface RegistrationRow {
  id: string;
  session_id: string;
  member_id: string;
  status: RegistrationStatus;
}

export interface SeatRecipient {
  user_id: string;
  email: string;
  name: string;
  locale: string;
  organization_name: string;
  course_title: string;
  starts_at: Date;
  timezone: string;
  location: string;
}

const COLUMNS = 'id, session_id, member_id, status';

@Injectable()
export class RegistrationRepository {
  /**
   * The session, locked until the transaction ends: registrations and cancellations of one session queue here, so
   * counting the seats and taking one is never raced (50 requests at once for 10 seats fill exactly 10).
   */
  lockSession(organizationId: string, sessionId: string): Promise<LockedSession | null> {
    return one<LockedSession>(
      `SELECT id, organization_id, capacity, status, starts_at FROM live_sessions
        WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, sessionId],
    );
  }

  async activeMember(organizationId: string, memberId: string): Promise<boolean> {
    const found = await one(
      `SELECT 1 FROM memberships WHERE organization_id = $1 AND id = $2 AND status = 'active'`,
      [organizationId, memberId],
    );
    return found !== null;
  }

  find(organizationId: string, sessionId: string, memberId: string): Promise<RegistrationRow | null> {
    return one<RegistrationRow>(
      `SELECT ${COLUMNS} FROM session_registrations
        WHERE organization_id = $1 AND session_id = $2 AND member_id = $3`,
      [organizationId, sessionId, memberId],
    );
  }

  async registeredCount(organizationId: string, sessionId: string): Promise<number> {
    const row = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM session_registrations
        WHERE organization_id = $1 AND session_id = $2 AND status = 'registered'`,
      [organizationId, sessionId],
    );
    return row?.count ?? 0;
  }

  async insert(
    organizationId: string,
    sessionId: string,
    memberId: string,
    status: RegistrationStatus,
  ): Promise<RegistrationRow> {
    const [row] = await rows<RegistrationRow>(
      `INSERT INTO session_registrations (organization_id, session_id, member_id, status)
       VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [organizationId, sessionId, memberId, status],
    );
    return row;
  }

  async delete(organizationId: string, sessionId: string, memberId: string): Promise<RegistrationRow | null> {
    return one<RegistrationRow>(
      `DELETE FROM session_registrations WHERE organization_id = $1 AND session_id = $2 AND member_id = $3
       RETURNING ${COLUMNS}`,
      [organizationId, sessionId, memberId],
    );
  }

  /** The first on the waitlist (first come, first served) moved to a seat; null when nobody waits. */
  promoteFirst(organizationId: string, sessionId: string, now: Date): Promise<RegistrationRow | null> {
    return one<RegistrationRow>(
      `UPDATE session_registrations SET status = 'registered', promoted_at = $3
        WHERE organization_id = $1 AND id = (
          SELECT id FROM session_registrations
           WHERE organization_id = $1 AND session_id = $2 AND status = 'waitlisted'
           ORDER BY created_at, id LIMIT 1)
       RETURNING ${COLUMNS}`,
      [organizationId, sessionId, now],
    );
  }

  /** What the promoted member's mail needs. */
  seatRecipient(organizationId: string, sessionId: string, memberId: string): Promise<SeatRecipient | null> {
    return one<SeatRecipient>(
      `SELECT u.id AS user_id, u.email, ${memberNameSql('m', 'u')} AS name,
              coalesce(u.locale, m.locale, 'en') AS locale, o.name AS organization_name, c.title AS course_title,
              s.starts_at, s.timezone, s.location
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         JOIN organizations o ON o.id = m.organization_id
         JOIN live_sessions s ON s.organization_id = m.organization_id AND s.id = $2
         JOIN courses c ON c.id = s.course_id
        WHERE m.organization_id = $1 AND m.id = $3`,
      [organizationId, sessionId, memberId],
    );
  }
}
