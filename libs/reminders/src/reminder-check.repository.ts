import { Injectable } from '@nestjs/common';
import { one, preparedOne } from '@beacon/core/database';
import type { EscalatedReport } from './mail/reminder-mail.types';
import { escalatedCte, reportsJson } from './reminder.sql';

export interface EnrollmentState {
  open: boolean;
  due_at: Date | null;
}

/** What the send-time checks read again just before a reminder goes out. */
@Injectable()
export class ReminderCheckRepository {
  /** Open as the sweep means it: open status, cohort not archived, member not deactivated. */
  enrollmentState(enrollmentId: string): Promise<EnrollmentState | null> {
    return preparedOne<EnrollmentState>(
      `SELECT e.status IN ('not_started', 'in_progress') AND c.archived_at IS NULL AND m.status <> 'deactivated'
                AS open,
              e.due_at
         FROM enrollments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN memberships m ON m.id = e.membership_id
        WHERE e.id = $1`,
      [enrollmentId],
    );
  }

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
