/** Every queue and job name in one place; payloads carry ids only, never secrets or personal data. */
export const QueueName = {
  notifications: 'notifications',
  members: 'members',
  reminders: 'reminders',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  deliverNotification: 'deliver-notification',
  relayPendingNotifications: 'relay-pending-notifications',
  relayOrganizationNotifications: 'relay-organization-notifications',
  followUpMemberImport: 'follow-up-member-import',
  resumeMemberImports: 'resume-member-imports',
  reminderSweep: 'reminder-sweep',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export const SchedulerId = {
  relayPendingNotifications: 'relay-pending-notifications',
  resumeMemberImports: 'resume-member-imports',
  reminderSweep: 'reminder-sweep',
} as const;
export type SchedulerId = (typeof SchedulerId)[keyof typeof SchedulerId];
