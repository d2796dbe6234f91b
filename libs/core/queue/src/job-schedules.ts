import type { AppConfig } from '@beacon/core/config';
import { JobName, QueueName, SchedulerId } from './queue-names';

export interface JobSchedule {
  id: SchedulerId;
  queue: QueueName;
  job: JobName;
  everyMs: number;
}

/** Every recurring job, in one place; the worker upserts them at start-up. Each fans out per organization. */
export function jobSchedules(config: AppConfig): JobSchedule[] {
  return [
    {
      id: SchedulerId.relayPendingNotifications,
      queue: QueueName.outbox,
      job: JobName.relayPendingNotifications,
      everyMs: config.outboxPollEveryMs,
    },
    {
      id: SchedulerId.resumeMemberImports,
      queue: QueueName.members,
      job: JobName.resumeMemberImports,
      everyMs: config.outboxPollEveryMs,
    },
    {
      id: SchedulerId.reminderSweep,
      queue: QueueName.reminders,
      job: JobName.reminderSweep,
      everyMs: config.reminderSweepEveryMs,
    },
    {
      id: SchedulerId.reportSweep,
      queue: QueueName.reports,
      job: JobName.reportSweep,
      everyMs: config.reportSweepEveryMs,
    },
    {
      id: SchedulerId.reportScheduleSweep,
      queue: QueueName.reports,
      job: JobName.reportScheduleSweep,
      everyMs: config.reportSweepEveryMs,
    },
  ];
}
