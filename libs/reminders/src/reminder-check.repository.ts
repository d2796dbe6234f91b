import { Injectable } from '@nestjs/common';
import { one } from '@beacon/core/database';
import type { EscalatedReport } from './mail/reminder-mail.types';
import { escalatedCte, reportsJson } from './reminder.sql';

/** As `enrollmentStateSql` answers it (json: the date is a string); null when there is no such enrollment. */
export interface EnrollmentState {
  open: boolean;
  due_at: string | null;
}

/** As `sessionStateSql` answers it; null when the session is gone from view. */
export interface SessionSeatState {
  status: string;
  starts_at: string;
  /** The member holds a seat (`registered`, not waitlisted) and is not deactivated. */
  seated: boolean;
}

/** What the send-time checks read again just before a reminder goes out. */
@Injectable()
export class ReminderCheckRepository {
  /**
   * The enrollment a learner reminder `n` is about, as json {open, due_at}, read in the sender's claim
   * (`SendTimeChecks`). Open as the sweep means it: open status, cohort not archived, member not deactivated.
   * The id is read from the payload behind a fence (OFFSET 0): a cast of payload text is not leakproof, so as a
   * condition on `enrollments` itself row security would keep it out of the primary-key lookup.
   */
  readonly enrollmentStateSql = `(SELECT json_build_object(
        'open', e.status IN ('not_started', 'in_progress') AND c.archived_at IS NULL AND m.status <> 'deactivated',
        'due_at', e.due_at)
       FROM (SELECT (n.payload ->> 'enrollmentId')::uuid AS id OFFSET 0) k
       JOIN enrollments e ON e.id = k.id
       JOIN cohorts c ON c.id = e.cohort_id
       JOIN memberships m ON m.id = e.membership_id)`;

  /**
   * The session and seat a live-session reminder `n` is about, as json {status, starts_at, seated}, read in the
   * sender's claim; the ids come from the payload behind the same fence as above.
   */
  readonly sessionStateSql = `(SELECT json_build_object(
        'status', s.status, 'starts_at', s.starts_at,
        'seated', coalesce(r.status = 'registered' AND m.status <> 'deactivated', false))
       FROM (SELECT (n.payload ->> 'sessionId')::uuid AS session_id, (n.payload ->> 'memberId')::uuid AS member_id
              OFFSET 0) k
       JOIN live_sessions s ON s.id = k.session_id
       LEFT JOIN session_registrations r
         ON r.organization_id = s.organization_id AND r.session_id = s.id AND r.member_id = k.member_id
       LEFT JOIN memberships m ON m.organization_id = s.organization_id AND m.id = k.member_id)`;

  /** The recipient's overdue reports as of `now`, the digest's list (empty: nobody is overdue any more). */
  async escalatedReports(
    organizationId: string,
    recipientMembershipId: string,
    zone: string,
    now: Date,
  ): Promise<EscalatedReport[]> {
    const row = await one<{ reports: EscalatedReport[] | null }>(
      `WITH ${escalatedCte('$1::uuid', '$3::timestamptz')},
            r AS (SELECT $2::uuid AS recipient_id, $4::text AS zone)
       SELECT ${reportsJson('$3::timestamptz', 'r')} AS reports FROM r`,
      [organizationId, recipientMembershipId, now, zone],
    );
    return row?.reports ?? [];
  }
}
