import type { JobsOptions } from 'bullmq';
import { JobName } from './queue-names';

const DAY_SECONDS = 86_400;

/**
 * All job options (retries, backoff, retention, dedupe id) are decided here, per job name. `key` is what makes a
 * job unique: the job id of a delivery or a follow-up, the organization of a relay or of a fanned-out job.
 */
export function jobOptions(name: JobName, key?: string): JobsOptions {
  const base: JobsOptions = {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    // Completed jobs are removed so that a row that needs another delivery can be relayed under the same id;
    // failed jobs stay visible for a week.
    removeOnComplete: true,
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
  switch (name) {
    case JobName.deliverNotification:
      return { ...base, jobId: key };
    case JobName.relayPendingNotifications:
    case JobName.resumeMemberImports:
    case JobName.reminderSweep:
    case JobName.reportSweep:
    case JobName.reportScheduleSweep:
      // A scheduler's tick: the next tick is its retry.
      return { ...base, attempts: 1 };
    case JobName.pollOrganizationOutbox:
    case JobName.resumeOrganizationImports:
    case JobName.sweepOrganizationReminders:
    case JobName.sweepOrganizationReports:
    case JobName.sweepOrganizationReportSchedules:
      // One job per organization and job name while it waits, runs or backs off: ticks never pile up behind a
      // slow or failing organization, and its retries keep their backoff.
      return { ...base, attempts: 4, deduplication: { id: `${name}:${key}` } };
    case JobName.relayOrganizationNotifications:
      // One relay per organization at a time, and at most one more waiting behind it: a large import commits a
      // batch of mail every few seconds, and each relay already pages through every pending row.
      return {
        ...base,
        attempts: 3,
        deduplication: key ? { id: `relay-${key}`, keepLastIfActive: true } : undefined,
      };
    case JobName.followUpMemberImport:
      return { ...base, jobId: key };
    case JobName.buildReport:
      // One job per report (its id is the report's): asking again while it waits or runs is a no-op. A run
      // starts the file from scratch, so a retry after a crash or an error never leaves two files. The last
      // attempt's failure is recorded on the report.
      return { ...base, jobId: key, attempts: 3, backoff: { type: 'exponential', delay: 1_000 } };
  }
}

/**
 * Lock settings for workers whose jobs never block the event loop (the lock is renewed every 5 s): a job held by a
 * killed worker is handed to a live one within 10–15 s instead of BullMQ's default 30–60 s. A report's file is
 * written by its own export process and a sweep waits on PostgreSQL, so neither starves the renewal.
 */
export const PROMPT_STALL_RECOVERY = { lockDuration: 10_000, stalledInterval: 5_000 } as const;
