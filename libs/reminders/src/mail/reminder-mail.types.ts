import type { LocalizedPayload } from '@beacon/core/mail';

/** A learner's `due_soon` or `overdue` reminder: ids, names and dates only, nothing else about the person. */
export interface LearnerReminderMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  courseTitle: string;
  /** ISO instant; shown as a date in `timeZone`. */
  dueAt: string;
  /** The recipient's site time zone, else the organization's. */
  timeZone: string;
  /** `PUBLIC_URL/learn/enrollments/:id` */
  url: string;
  /** Read again at send time: a reminder about an enrollment that is no longer open is cancelled. */
  enrollmentId: string;
}

export interface EscalatedReport {
  name: string;
  courseTitle: string;
  dueAt: string;
  daysOverdue: number;
}

/** One manager's (or educator's) digest of every overdue report; the list is read again at send time. */
export interface EscalationDigestMail extends LocalizedPayload {
  recipientName: string;
  organizationName: string;
  timeZone: string;
  /** `PUBLIC_URL/team` */
  url: string;
  recipientMembershipId: string;
  reports: EscalatedReport[];
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    due_soon: LearnerReminderMail;
    overdue: LearnerReminderMail;
    escalation: EscalationDigestMail;
  }
}
