import { Module } from '@nestjs/common';
import { DeliverNotificationJob } from './jobs/deliver-notification.job';
import { NotificationsProcessor } from './jobs/notifications.processor';
import { OutboxProcessor } from './jobs/outbox.processor';
import { RelayPendingNotificationsJob } from './jobs/relay-pending-notifications.job';
import { NotificationsModule } from './notifications.module';

@Module({
  imports: [NotificationsModule],
  providers: [DeliverNotificationJob, RelayPendingNotificationsJob, NotificationsProcessor, OutboxProcessor],
  exports: [RelayPendingNotificationsJob],
})
export class NotificationsJobsModule {}
