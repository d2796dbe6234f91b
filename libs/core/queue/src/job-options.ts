import type { JobsOptions } from 'bullmq';
import { JobName } from './queue-names';

const DAY_SECONDS = 86_400;

/** All job options (retries, backoff, retention, dedupe id) are decided here, per job name. */
export function jobOptions(name: JobName, jobId?: string): JobsOptions {
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
      return { ...base, jobId };
    case JobName.relayPendingNotifications:
      return { ...base, attempts: 1 };
    case JobName.relayOrganizationNotifications:
      return { ...base, attempts: 3 };
    case JobName.followUpMemberImport:
      return { ...base, jobId };
    case JobName.resumeMemberImports:
      return { ...base, attempts: 1 };
  }
}
