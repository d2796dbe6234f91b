import { Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';
import { SendTimeChecks } from './send-time-checks.service';

@Module({
  providers: [NotificationRepository, NotificationRelay, OutboxService, NotificationsService, SendTimeChecks],
  exports: [OutboxService, NotificationsService, NotificationRelay, NotificationRepository, SendTimeChecks],
})
export class NotificationsModule {}
