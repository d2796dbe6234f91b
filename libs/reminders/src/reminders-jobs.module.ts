import { Module } from '@nestjs/common';
import { NotificationsModule } from '@beacon/notifications';
import { RemindersProcessor } from './jobs/reminders.processor';
import { ReminderSweepJob } from './reminder-sweep.job';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { RemindersModule } from './reminders.module';
import { SessionReminderSweepRepository } from './session-reminder-sweep.repository';

/** The worker's part: the sweep (learners, managers and live sessions) and its queue. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  providers: [ReminderSweepRepository, SessionReminderSweepRepository, ReminderSweepJob, RemindersProcessor],
  exports: [ReminderSweepJob],
})
export class RemindersJobsModule {}
