import { Injectable } from '@nestjs/common';
import { rows } from '@beacon/core/database';
import { isoInstant, MEMBER_NAME, RECIPIENT_LOCALE } from './reminder.sql';
import type { ScheduledMailSelect } from './reminder-sweep.repository';

/** A session is reminded this long before its start, and from then on until it starts. */
export const SESSION_REMINDER_LEAD = '24 hours';
/**
 * A seat taken after the reminder's time (a late registration, a promotion from the waitlist) is reminded only
 * while the start is further away than this: its registration mail, with the invite, has just gone, and a second
 * mail moments before the start would only be noise.
 */
export const LATE_SEAT_MIN_LEAD = '2 hours';

/** What the invite in the reminder names besides the session: the host of its UID and the organizer. */
export interface SessionInviteSettings {
  publicUrl: string;
  host: string;
  organizerName: string;
  organizerEmail: string;
}

/** A seat reminded for one start of its session, as `markOwed` answers it. */
export interface OwedSeat {
  session_id: string;
  member_id: string;
  starts_at: Date;
}

/**
 * The live-session reminders the sweep owes, set-based like the learners' reminders (`ReminderSweepRepository`), in
 * two statements of the sweep's transaction: mark what is owed in `session_reminders` (its primary key is the
 * exactly-once rule), then write the outbox mail of exactly the rows that marking inserted. One per member holding a
 * seat and start of a scheduled session: a session moved to another start is reminded again, relative to the new
 * one. Never at or after the start (the send-time check says so again).
 */
@Injectable()
export class SessionReminderSweepRepository {
  /**
   * Marks what is owed at `now`: every seat (`registered`, member not deactivated) of a `scheduled` session starting
   * within SESSION_REMINDER_LEAD, and not started. A reminder whose time passed while nobody swept (a worker down)
   * still goes until the start; a seat taken after the reminder's time only while the start is LATE_SEAT_MIN_LEAD
   * away. Not held by the reminder window (API.md: only due_soon, overdue and escalation are): the session fixes
   * the time, and a hold could carry it past the start. The start range reads `live_sessions_starts_idx`; a seat
   * marked already is passed over by a probe of the primary key, the conflict itself settling any race.
   */
  markOwed(organizationId: string, now: Date): Promise<OwedSeat[]> {
    return rows<OwedSeat>(
      `INSERT INTO session_reminders (organization_id, session_id, member_id, starts_at, reminded_at)
       SELECT $2::uuid, s.id, r.member_id, s.starts_at, $1::timestamptz
         FROM live_sessions s
         JOIN session_registrations r ON r.organization_id = $2 AND r.session_id = s.id AND r.status = 'registered'
         JOIN memberships m ON m.organization_id = $2 AND m.id = r.member_id AND m.status <> 'deactivated'
        WHERE s.organization_id = $2 AND s.status = 'scheduled'
          AND s.starts_at > $1::timestamptz AND s.starts_at <= $1::timestamptz + interval '${SESSION_REMINDER_LEAD}'
          AND (coalesce(r.promoted_at, r.created_at) <= s.starts_at - interval '${SESSION_REMINDER_LEAD}'
               OR s.starts_at - $1::timestamptz > interval '${LATE_SEAT_MIN_LEAD}')
          AND NOT EXISTS (SELECT 1 FROM session_reminders sr
                           WHERE sr.organization_id = $2 AND sr.session_id = s.id AND sr.member_id = r.member_id
                             AND sr.starts_at = s.starts_at OFFSET 0)
       ON CONFLICT DO NOTHING
       RETURNING session_id, member_id, starts_at`,
      [now, organizationId],
    );
  }

  /**
   * The outbox mail of the seats just marked: in the member's language, the session's time and zone, its place, its
   * page and the member's own invite (them as its one ATTENDEE, the session's SEQUENCE). The dedupe key repeats the
   * marking's key, so the outbox refuses a second copy too.
   */
  reminderMails(
    organizationId: string,
    seats: OwedSeat[],
    settings: SessionInviteSettings,
  ): ScheduledMailSelect {
    return {
      sql: `WITH o AS (SELECT id, name FROM organizations WHERE id = $1::uuid),
            marked AS (
              SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS k(session_id, member_id, starts_at)
            ),
            mailed AS (
              SELECT s.id, k.member_id, s.starts_at, s.ends_at, s.timezone, s.location, s.sequence,
                     'live-session-reminder:' || s.id || ':' || k.member_id || ':' || ${isoInstant('s.starts_at')}
                       AS dedupe_key,
                     u.email, u.id AS user_id, ${MEMBER_NAME} AS name, ${RECIPIENT_LOCALE} AS locale,
                     co.title AS course_title, st.name AS site_name, $5::text || '/sessions/' || s.id AS url
                FROM marked k
                JOIN live_sessions s ON s.organization_id = $1 AND s.id = k.session_id
                JOIN memberships m ON m.organization_id = $1 AND m.id = k.member_id
                JOIN users u ON u.id = m.user_id
                JOIN courses co ON co.id = s.course_id
                LEFT JOIN sites st ON st.organization_id = $1 AND st.id = s.site_id
            )
            SELECT 'live_session_reminder' AS kind, x.email, x.user_id, x.dedupe_key,
                   jsonb_build_object(
                     'recipientName', x.name, 'organizationName', o.name, 'courseTitle', x.course_title,
                     'startsAt', ${isoInstant('x.starts_at')}, 'timeZone', x.timezone, 'location', x.location,
                     'url', x.url, 'locale', x.locale, 'sessionId', x.id, 'memberId', x.member_id,
                     'invite', jsonb_build_object(
                       'sessionId', x.id, 'host', $6::text, 'sequence', x.sequence, 'cancelled', false,
                       'startsAt', ${isoInstant('x.starts_at')}, 'endsAt', ${isoInstant('x.ends_at')},
                       'timeZone', x.timezone, 'courseTitle', x.course_title, 'location', x.location,
                       'description', concat_ws(E'\\n', x.course_title || ' (' || o.name || ')',
                                                coalesce(x.site_name || ': ', '') || x.location, x.url),
                       'organizer', jsonb_build_object('name', $7::text, 'email', $8::text),
                       'attendees', jsonb_build_array(jsonb_build_object('name', x.name, 'email', x.email)))
                   ) AS payload,
                   NULL::timestamptz AS send_after
              FROM mailed x CROSS JOIN o`,
      params: [
        organizationId,
        seats.map((seat) => seat.session_id),
        seats.map((seat) => seat.member_id),
        seats.map((seat) => seat.starts_at),
        settings.publicUrl,
        settings.host,
        settings.organizerName,
        settings.organizerEmail,
      ],
    };
  }
}
