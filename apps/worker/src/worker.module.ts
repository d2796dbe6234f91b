import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ComplianceJobsModule } from '@beacon/compliance';
import { ConfigModule } from '@beacon/core/config';
import { DatabaseModule } from '@beacon/core/database';
import { EventsModule } from '@beacon/core/events';
import { LoggingModule } from '@beacon/core/http';
import { MailModule } from '@beacon/core/mail';
import { QueueModule } from '@beacon/core/queue';
import { ClockModule } from '@beacon/core/time';
import { EnrollmentModule } from '@beacon/enrollment';
import { IntakeModule } from '@beacon/intake';
import { NotificationsJobsModule } from '@beacon/notifications';
import { OrganizationsJobsModule } from '@beacon/organizations';
import { RemindersJobsModule } from '@beacon/reminders';
import { SessionsJobsModule } from '@beacon/sessions';
import { BullWorkers } from './bull-workers.service';
import { JobSchedules } from './job-schedules.service';

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
    OrganizationsJobsModule,
    // Its subscriber to `member.changed` enrolls the members a large import's follow-up hands over.
    EnrollmentModule,
    RemindersJobsModule,
    ComplianceJobsModule,
    SessionsJobsModule,
    // Intake's mail templates, for the sender.
    IntakeModule,
    DiscoveryModule,
  ],
  providers: [JobSchedules, BullWorkers],
})
export class WorkerModule {}
