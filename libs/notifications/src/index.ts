export * from './jobs/deliver-notification.job';
export * from './jobs/relay-pending-notifications.job';
export * from './notification-relay.service';
export * from './notification.repository';
export * from './notifications-http.module';
export * from './notifications-jobs.module';
export * from './notifications.module';
export * from './outbox.service';
