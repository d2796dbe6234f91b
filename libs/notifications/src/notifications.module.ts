import { Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';

@Module({
  providers: [NotificationRepository, NotificationRelay, OutboxService, NotificationsService],
  exports: [OutboxService, NotificationsService, NotificationRelay, NotificationRepository],
})
export class NotificationsModule {}
