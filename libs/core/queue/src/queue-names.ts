/** Every queue and job name in one place; payloads carry ids only, never secrets or personal data. */
export const QueueName = {
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  deliverNotification: 'deliver-notification',
  relayPendingNotifications: 'relay-pending-notifications',
  relayOrganizationNotifications: 'relay-organization-notifications',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export const SchedulerId = {
  relayPendingNotifications: 'relay-pending-notifications',
} as const;
