import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, logJobFailure, OrganizationJobPayload, QueueName } from '@beacon/core/queue';
import type { FollowUpMemberImportPayload } from '../members/import/import-follow-up.queue';
import { FollowUpMemberImportJob } from './follow-up-member-import.job';
import { ResumeMemberImportsJob } from './resume-member-imports.job';

// One import at a time per worker: each batch already keeps PostgreSQL busy, and imports of one organization
// would only queue behind each other's locks.
@Processor(QueueName.members, { concurrency: 1 })
export class MembersProcessor extends WorkerHost {
  private readonly logger = new Logger(MembersProcessor.name);

  constructor(
    private readonly followUp: FollowUpMemberImportJob,
    private readonly resume: ResumeMemberImportsJob,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.followUpMemberImport:
        return this.followUp.run(job.data as FollowUpMemberImportPayload);
      case JobName.resumeMemberImports:
        return this.resume.run();
      case JobName.resumeOrganizationImports:
        return this.resume.resume((job.data as OrganizationJobPayload).organizationId);
      default:
        throw new Error(`No handler for job "${job.name}" on queue ${QueueName.members}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    logJobFailure(this.logger, job, error);
  }
}
