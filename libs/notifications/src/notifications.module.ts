import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@beacon/core/queue';
import { NotificationRepository } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.notifications })],
  providers: [NotificationRepository, NotificationRelay, OutboxService, NotificationsService],
  exports: [BullModule, OutboxService, NotificationsService, NotificationRelay, NotificationRepository],
})
export class NotificationsModule {}
