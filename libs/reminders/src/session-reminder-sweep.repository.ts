import { Injectable } from '@nestjs/common';
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

/**
 * The live-session reminders the sweep owes, set-based like the learners' reminders (`ReminderSweepRepository`).
 * One per member holding a seat and start of a scheduled session: the key carries the start, so a session moved to
 * another time is reminded again, relative to the new start, and a session moved back and forth never twice for
 * one start. Never at or after the start (the send-time check says so again).
 */
@Injectable()
export class SessionReminderSweepRepository {
  /**
   * Owed at `now` ($1): every seat (`registered`, member not deactivated) of a `scheduled` session starting within
   * SESSION_REMINDER_LEAD, and not started. A reminder whose time passed while nobody swept (a worker down) still
   * goes until the start; a seat taken after the reminder's time only while the start is LATE_SEAT_MIN_LEAD away.
   * Not held by the reminder window (API.md: only due_soon, overdue and escalation are): the session fixes the
   * time, and a hold could carry it past the start. The start range reads `live_sessions_starts_idx`.
   */
  sessionReminders(organizationId: string, now: Date, settings: SessionInviteSettings): ScheduledMailSelect {
    return {
      sql: `WITH o AS (SELECT id, name FROM organizations WHERE id = $3::uuid),
            due AS (
              SELECT s.id, s.course_id, s.site_id, s.starts_at, s.ends_at, s.timezone, s.location, s.sequence
                FROM live_sessions s
               WHERE s.organization_id = $3 AND s.status = 'scheduled'
                 AND s.starts_at > $1::timestamptz
                 AND s.starts_at <= $1::timestamptz + interval '${SESSION_REMINDER_LEAD}'
            ),
            owed AS (
              SELECT d.*, r.member_id,
                     'live-session-reminder:' || d.id || ':' || r.member_id || ':' || ${isoInstant('d.starts_at')}
                       AS dedupe_key
                FROM due d
                JOIN session_registrations r
                  ON r.organization_id = $3 AND r.session_id = d.id AND r.status = 'registered'
                JOIN memberships m ON m.organization_id = $3 AND m.id = r.member_id AND m.status <> 'deactivated'
               WHERE coalesce(r.promoted_at, r.created_at) <= d.starts_at - interval '${SESSION_REMINDER_LEAD}'
                  OR d.starts_at - $1::timestamptz > interval '${LATE_SEAT_MIN_LEAD}'
            ),
            fresh AS (
              SELECT w.* FROM owed w
               WHERE NOT EXISTS (SELECT 1 FROM notifications n
                                  WHERE n.organization_id = $3 AND n.dedupe_key = w.dedupe_key OFFSET 0)
            ),
            mailed AS (
              SELECT f.*, u.email, u.id AS user_id, ${MEMBER_NAME} AS name, ${RECIPIENT_LOCALE} AS locale,
                     co.title AS course_title, st.name AS site_name, $2::text || '/sessions/' || f.id AS url
                FROM fresh f
                JOIN memberships m ON m.organization_id = $3 AND m.id = f.member_id
                JOIN users u ON u.id = m.user_id
                JOIN courses co ON co.id = f.course_id
                LEFT JOIN sites st ON st.organization_id = $3 AND st.id = f.site_id
            )
            SELECT 'live_session_reminder' AS kind, x.email, x.user_id, x.dedupe_key,
                   jsonb_build_object(
                     'recipientName', x.name, 'organizationName', o.name, 'courseTitle', x.course_title,
                     'startsAt', ${isoInstant('x.starts_at')}, 'timeZone', x.timezone, 'location', x.location,
                     'url', x.url, 'locale', x.locale, 'sessionId', x.id, 'memberId', x.member_id,
                     'invite', jsonb_build_object(
                       'sessionId', x.id, 'host', $4::text, 'sequence', x.sequence, 'cancelled', false,
                       'startsAt', ${isoInstant('x.starts_at')}, 'endsAt', ${isoInstant('x.ends_at')},
                       'timeZone', x.timezone, 'courseTitle', x.course_title, 'location', x.location,
                       'description', concat_ws(E'\\n', x.course_title || ' (' || o.name || ')',
                                                coalesce(x.site_name || ': ', '') || x.location, x.url),
                       'organizer', jsonb_build_object('name', $5::text, 'email', $6::text),
                       'attendees', jsonb_build_array(jsonb_build_object('name', x.name, 'email', x.email)))
                   ) AS payload,
                   NULL::timestamptz AS send_after
              FROM mailed x CROSS JOIN o`,
      params: [
        now,
        settings.publicUrl,
        organizationId,
        settings.host,
        settings.organizerName,
        settings.organizerEmail,
      ],
    };
  }
}
