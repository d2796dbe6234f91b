import { Injectable } from '@nestjs/common';
import { rows } from '@beacon/core/database';
import { REMINDER_KINDS } from './reminder.sql';

/** Held reminders follow the organization's window and their recipient's zone as they are now. */
@Injectable()
export class ReminderScheduleRepository {
  /**
   * Recomputes `send_after` (and the zone dates are shown in) of every pending reminder of the organization in one
   * statement, from `now`: the reminders are owed already, so they go at the next opening of the window as it now
   * is; a cleared window makes them due at once. Answers which rows are due at `now`.
   */
  reschedulePending(organizationId: string, now: Date): Promise<Array<{ id: string; due: boolean }>> {
    return rows<{ id: string; due: boolean }>(
      `WITH placed AS (
         SELECT n.id, coalesce(s.timezone, o.timezone) AS zone, o.reminder_window
           FROM notifications n
           JOIN organizations o ON o.id = n.organization_id
           JOIN memberships m ON m.organization_id = n.organization_id AND m.user_id = n.recipient_user_id
           LEFT JOIN sites s ON s.id = m.site_id
          WHERE n.organization_id = $1 AND n.status = 'pending' AND n.kind = ANY ($3::text[])
       )
       UPDATE notifications n
          SET send_after = reminder_send_after($2::timestamptz, p.zone, p.reminder_window),
              payload = jsonb_set(n.payload, '{timeZone}', to_jsonb(p.zone)), updated_at = now()
         FROM placed p
        WHERE n.id = p.id AND n.status = 'pending'
       RETURNING n.id, n.send_after <= $2::timestamptz AS due`,
      [organizationId, now, [...REMINDER_KINDS]],
    );
  }
}
