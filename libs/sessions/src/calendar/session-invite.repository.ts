import { Injectable } from '@nestjs/common';
import { memberNameSql, one, rows } from '@beacon/core/database';

export interface InviteSessionRow {
  id: string;
  organization_id: string;
  /** Null for a facilitator, to whom RLS shows the session but not its organization's own rows. */
  organization_name: string | null;
  course_title: string;
  site_name: string | null;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  location: string;
  status: 'draft' | 'scheduled' | 'cancelled';
  sequence: number;
}

export interface InviteeRow {
  registration_id: string;
  member_id: string;
  user_id: string;
  email: string;
  name: string;
  locale: string;
  status: 'registered' | 'waitlisted';
}

/** What a session's calendar invite and its mail need; which rows are seen is RLS's, as for the session. */
@Injectable()
export class SessionInviteRepository {
  session(sessionId: string): Promise<InviteSessionRow | null> {
    return one<InviteSessionRow>(
      `SELECT s.id, s.organization_id, o.name AS organization_name, c.title AS course_title, st.name AS site_name,
              s.starts_at, s.ends_at, s.timezone, s.location, s.status, s.sequence
         FROM live_sessions s
         JOIN courses c ON c.id = s.course_id
         LEFT JOIN organizations o ON o.id = s.organization_id
         LEFT JOIN sites st ON st.organization_id = s.organization_id AND st.id = s.site_id
        WHERE s.id = $1`,
      [sessionId],
    );
  }

  /** The session's registrations (seats and waitlist, or one member's), with whom to write to. */
  invitees(organizationId: string, sessionId: string, memberId: string | null = null): Promise<InviteeRow[]> {
    return rows<InviteeRow>(
      `SELECT r.id AS registration_id, r.member_id, u.id AS user_id, u.email, ${memberNameSql('m', 'u')} AS name,
              coalesce(u.locale, m.locale, 'en') AS locale, r.status
         FROM session_registrations r
         JOIN memberships m ON m.organization_id = r.organization_id AND m.id = r.member_id
         JOIN users u ON u.id = m.user_id
        WHERE r.organization_id = $1 AND r.session_id = $2 AND ($3::uuid IS NULL OR r.member_id = $3)
        ORDER BY r.created_at, r.id`,
      [organizationId, sessionId, memberId],
    );
  }
}
