import { Module } from '@nestjs/common';
import { NotificationsModule } from '@beacon/notifications';
import { RemindersProcessor } from './jobs/reminders.processor';
import { ReminderSweepJob } from './reminder-sweep.job';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { RemindersModule } from './reminders.module';

/** The worker's part: the sweep and its queue. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  providers: [ReminderSweepRepository, ReminderSweepJob, RemindersProcessor],
  exports: [ReminderSweepJob],
})
export class RemindersJobsModule {}
