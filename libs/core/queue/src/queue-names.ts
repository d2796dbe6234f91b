/** Every queue and job name in one place; payloads carry ids only, never secrets or personal data. */
export const QueueName = {
  /** Mail delivery only: its worker's limiter (MAIL_RATE_PER_SECOND) is the send rate, so nothing else runs here. */
  notifications: 'notifications',
  /** The outbox's own work: relaying pending rows to the delivery queue, per organization. */
  outbox: 'outbox',
  members: 'members',
  reminders: 'reminders',
  /** Report exports (one job per report), the report sweep (expired files, lost jobs) and scheduled reports. */
  reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  deliverNotification: 'deliver-notification',
  relayPendingNotifications: 'relay-pending-notifications',
  pollOrganizationOutbox: 'poll-organization-outbox',
  relayOrganizationNotifications: 'relay-organization-notifications',
  followUpMemberImport: 'follow-up-member-import',
  resumeMemberImports: 'resume-member-imports',
  reminderSweep: 'reminder-sweep',
  sweepOrganizationReminders: 'sweep-organization-reminders',
  resumeOrganizationImports: 'resume-organization-imports',
  buildReport: 'build-report',
  reportSweep: 'report-sweep',
  sweepOrganizationReports: 'sweep-organization-reports',
  reportScheduleSweep: 'report-schedule-sweep',
  sweepOrganizationReportSchedules: 'sweep-organization-report-schedules',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export const SchedulerId = {
  relayPendingNotifications: 'relay-pending-notifications',
  resumeMemberImports: 'resume-member-imports',
  reminderSweep: 'reminder-sweep',
  reportSweep: 'report-sweep',
  reportScheduleSweep: 'report-schedule-sweep',
} as const;
export type SchedulerId = (typeof SchedulerId)[keyof typeof SchedulerId];
