import { Injectable } from '@nestjs/common';
import { one } from '@beacon/core/database';
import type { EscalatedReport } from './mail/reminder-mail.types';
import { escalatedCte, reportsJson } from './reminder.sql';

/** As `enrollmentStateSql` answers it (json: the date is a string); null when there is no such enrollment. */
export interface EnrollmentState {
  open: boolean;
  due_at: string | null;
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
