import { Module } from '@nestjs/common';
import { NotificationsModule } from '@beacon/notifications';
import { ReminderMailTemplates } from './mail/reminder-mail.templates';
import { ReminderCheckRepository } from './reminder-check.repository';
import { ReminderScheduleRepository } from './reminder-schedule.repository';
import { ReminderScheduleSubscriber } from './reminder-schedule.subscriber';
import { ReminderSendChecks } from './reminder-send-checks';

/**
 * Loaded by the api and the worker: the reminder templates, the send-time checks, and the subscriber that moves
 * held reminders when an organization's window or zones change (published by requests, in the api).
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    ReminderMailTemplates,
    ReminderCheckRepository,
    ReminderSendChecks,
    ReminderScheduleRepository,
    ReminderScheduleSubscriber,
  ],
})
export class RemindersModule {}
