import { Module } from '@nestjs/common';
import { ConfigModule } from '@beacon/core/config';
import { DatabaseModule } from '@beacon/core/database';
import { EventsModule } from '@beacon/core/events';
import { LoggingModule } from '@beacon/core/http';
import { MailModule } from '@beacon/core/mail';
import { QueueModule } from '@beacon/core/queue';
import { ClockModule } from '@beacon/core/time';
import { NotificationsJobsModule } from '@beacon/notifications';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    MailModule,
    EventsModule,
    ClockModule,
    NotificationsJobsModule,
  ],
})
export class WorkerModule {}
