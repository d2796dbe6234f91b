import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { NotificationsController } from './http/notifications.controller';
import { PlatformQueuesController } from './http/platform-queues.controller';
import { NotificationRetry } from './notification-retry.service';
import { QueueOverviewService } from './queue-overview.service';
import { NotificationsModule } from './notifications.module';

@Module({
  imports: [NotificationsModule, AuditModule],
  providers: [QueueOverviewService, NotificationRetry],
  controllers: [NotificationsController, PlatformQueuesController],
})
export class NotificationsHttpModule {}
