import { Module } from '@nestjs/common';
import { NotificationsController } from './http/notifications.controller';
import { PlatformQueuesController } from './http/platform-queues.controller';
import { QueueOverviewService } from './queue-overview.service';
import { NotificationsModule } from './notifications.module';

@Module({
  imports: [NotificationsModule],
  providers: [QueueOverviewService],
  controllers: [NotificationsController, PlatformQueuesController],
})
export class NotificationsHttpModule {}
