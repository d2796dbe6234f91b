import { Injectable } from '@nestjs/common';
import { affected, rows } from '@beacon/core/database';
import {
  escalatedCte,
  isoInstant,
  MEMBER_NAME,
  openEnrollmentsAlone,
  RECIPIENT_LOCALE,
  RECIPIENT_ZONE,
  reportsJson,
} from './reminder.sql';

/** A SELECT for the outbox: kind, email, user_id, dedupe_key, payload, send_after. */
export interface ScheduledMailSelect {
  sql: string;
  params: unknown[];
}

/**
 * What the sweep owes, decided set-based for one organization. Each statement filters out what the outbox holds
 * already (its dedupe key) before building payloads and windows, so a sweep with nothing new owed reads indexes
 * only; `ON CONFLICT DO NOTHING` in the outbox still settles any race.
 *
 * That filter is `NOT EXISTS (… OFFSET 0)`: the OFFSET keeps it a probe of the unique (organization_id, dedupe_key)
 * index per owed row. As a plain anti-join its plan hung on row estimates (the enrollments of one cohort of one
 * organization are estimated at ~10): with notifications' statistics a little stale the planner compared every
 * owed key with every one of the organization's rows (10^3 x 10^3 per sweep, 200 ms of 230), and with fresh ones
 * it hashed the organization's whole mail history, which only grows.
 */
@Injectable()
export class ReminderSweepRepository {
  /** One sweep of an organization at a time: an `immediate` digest depends on what the previous sweep reported. */
  async lock(organizationId: string): Promise<void> {
    await rows(`SELECT pg_advisory_xact_lock(hashtext('reminder-sweep'), hashtext($1))`, [organizationId]);
  }

  /**
   * The learners' reminders owed at `now` ($1): for each open enrollment, the nearest `due_soon` offset reached
   * (`due_at - N days <= now < due_at`; larger offsets reached at the same time are passed over for good, since the
   * nearest one stays owed), and `overdue` step k = floor((now - due_at) / overdueEveryDays) after the due date.
   */
  learnerReminders(organizationId: string, now: Date, publicUrl: string): ScheduledMailSelect {
    return {
      sql: `WITH o AS (SELECT id, name, timezone, reminder_window FROM organizations WHERE id = $3::uuid),
            candidates AS (
              SELECT e.id, e.cycle, e.due_at, e.course_id, e.membership_id, m.site_id,
                     c.reminder_before_due_days AS offsets, c.reminder_overdue_every_days AS every_days
                FROM ${openEnrollmentsAlone('$3')}
            ),
            owed AS (
              SELECT p.*, 'due_soon' AS kind, 'due_soon:' || p.id || ':' || p.cycle || ':' || n.days AS dedupe_key
                FROM candidates p
                CROSS JOIN LATERAL (SELECT min(d) AS days FROM unnest(p.offsets) AS d
                                     WHERE p.due_at - make_interval(days => d) <= $1::timestamptz) n
               WHERE $1::timestamptz < p.due_at AND n.days IS NOT NULL
              UNION ALL
              SELECT p.*, 'overdue', 'overdue:' || p.id || ':' || p.cycle || ':'
                     || floor(extract(epoch FROM $1::timestamptz - p.due_at) / (p.every_days * 86400))::bigint
                FROM candidates p
               WHERE p.due_at < $1::timestamptz
            ),
            fresh AS (
              SELECT w.*, ${RECIPIENT_ZONE} AS zone
                FROM owed w CROSS JOIN o LEFT JOIN sites s ON s.id = w.site_id
               WHERE NOT EXISTS (SELECT 1 FROM notifications n
                                  WHERE n.organization_id = $3 AND n.dedupe_key = w.dedupe_key OFFSET 0)
            ),
            windows AS (
              SELECT z.zone, reminder_send_after($1::timestamptz, z.zone, o.reminder_window) AS send_after
                FROM (SELECT DISTINCT zone FROM fresh) z CROSS JOIN o
            )
            SELECT f.kind, u.email, u.id AS user_id, f.dedupe_key,
                   jsonb_build_object(
                     'recipientName', ${MEMBER_NAME}, 'organizationName', o.name, 'courseTitle', co.title,
                     'dueAt', ${isoInstant('f.due_at')}, 'timeZone', f.zone, 'locale', ${RECIPIENT_LOCALE},
                     'url', $2::text || '/learn/enrollments/' || f.id, 'enrollmentId', f.id) AS payload,
                   w.send_after
              FROM fresh f
              JOIN memberships m ON m.id = f.membership_id
              JOIN users u ON u.id = m.user_id
              JOIN courses co ON co.id = f.course_id
              JOIN windows w ON w.zone = f.zone CROSS JOIN o`,
      params: [now, publicUrl, organizationId],
    };
  }

  /**
   * One digest per recipient and period, listing every report overdue by `escalateAfterDays`. The period is read
   * at the instant the digest will go (after the window), so a digest held overnight and the next morning's sweep
   * share one key: daily, the recipient's local date; weekly, the ISO week; immediate, that instant, and only when
   * some escalation was not yet reported to the recipient.
   */
  escalationDigests(organizationId: string, now: Date, publicUrl: string): ScheduledMailSelect {
    return {
      sql: `WITH o AS (SELECT id, name, timezone, reminder_window FROM organizations WHERE id = $3::uuid),
            ${escalatedCte('$3', '$1::timestamptz')},
            r AS (
              SELECT m.id AS recipient_id, u.email, u.id AS user_id, ${MEMBER_NAME} AS name,
                     ${RECIPIENT_LOCALE} AS locale, coalesce(u.escalation_digest, 'daily') AS digest,
                     ${RECIPIENT_ZONE} AS zone, reminder_send_after($1::timestamptz, ${RECIPIENT_ZONE}, o.reminder_window) AS send_after
                FROM (SELECT DISTINCT recipient_id FROM escalated) x
                JOIN memberships m ON m.id = x.recipient_id
                JOIN users u ON u.id = m.user_id
                CROSS JOIN o
                LEFT JOIN sites s ON s.id = m.site_id
            ),
            keyed AS MATERIALIZED (
              SELECT r.*, 'escalation:' || r.recipient_id || ':' || CASE r.digest
                       WHEN 'daily' THEN to_char(r.send_after AT TIME ZONE r.zone, 'YYYY-MM-DD')
                       WHEN 'weekly' THEN to_char(r.send_after AT TIME ZONE r.zone, 'IYYY-"W"IW')
                       ELSE ${isoInstant('r.send_after')} END AS dedupe_key
                FROM r
               WHERE r.digest <> 'immediate'
                  OR EXISTS (SELECT 1 FROM escalated x
                              WHERE x.recipient_id = r.recipient_id
                                AND NOT EXISTS (SELECT 1 FROM reminder_escalations re
                                                 WHERE re.organization_id = $3 AND re.enrollment_id = x.enrollment_id
                                                   AND re.recipient_membership_id = x.recipient_id))
            )
            SELECT 'escalation' AS kind, r.email, r.user_id, r.dedupe_key,
                   jsonb_build_object(
                     'recipientName', r.name, 'organizationName', o.name, 'timeZone', r.zone, 'locale', r.locale,
                     'url', $2::text || '/team', 'recipientMembershipId', r.recipient_id,
                     'reports', ${reportsJson('$1::timestamptz', 'r')}) AS payload,
                   r.send_after
              FROM keyed r CROSS JOIN o
             WHERE NOT EXISTS (SELECT 1 FROM notifications n
                                WHERE n.organization_id = $3 AND n.dedupe_key = r.dedupe_key OFFSET 0)`,
      params: [now, publicUrl, organizationId],
    };
  }

  /** Every escalation current at `now` counts as reported to its recipients from here on. */
  markEscalationsReported(organizationId: string, now: Date): Promise<number> {
    return affected(
      `WITH ${escalatedCte('$1::uuid', '$2::timestamptz')}
       INSERT INTO reminder_escalations (organization_id, enrollment_id, cycle, recipient_membership_id, notified_at)
       SELECT $1::uuid, enrollment_id, cycle, recipient_id, $2::timestamptz FROM escalated
       ON CONFLICT DO NOTHING`,
      [organizationId, now],
    );
  }
}
