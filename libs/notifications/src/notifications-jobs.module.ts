import { Module } from '@nestjs/common';
import { DeliverNotificationJob } from './jobs/deliver-notification.job';
import { NotificationSchedules } from './jobs/notification-schedules.service';
import { NotificationsProcessor } from './jobs/notifications.processor';
import { RelayPendingNotificationsJob } from './jobs/relay-pending-notifications.job';
import { NotificationsModule } from './notifications.module';

@Module({
  imports: [NotificationsModule],
  providers: [
    DeliverNotificationJob,
    RelayPendingNotificationsJob,
    NotificationsProcessor,
    NotificationSchedules,
  ],
  exports: [RelayPendingNotificationsJob],
})
export class NotificationsJobsModule {}
