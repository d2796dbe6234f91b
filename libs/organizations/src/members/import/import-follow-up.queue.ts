import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, jobOptions, QueueName } from '@beacon/core/queue';

export interface FollowUpMemberImportPayload {
  organizationId: string;
  importId: string;
}

/** Asks the worker to follow an import up. One job per import (its id is the import's), so asking twice is harmless. */
@Injectable()
export class ImportFollowUpQueue {
  private readonly logger = new Logger(ImportFollowUpQueue.name);

  constructor(@InjectQueue(QueueName.members) private readonly queue: Queue) {}

  /** After commit. A failure loses nothing: the worker's resume sweep finds the unfinished import. */
  async enqueue(payload: FollowUpMemberImportPayload): Promise<void> {
    try {
      await this.queue.add(
        JobName.followUpMemberImport,
        payload,
        jobOptions(JobName.followUpMemberImport, `import-${payload.importId}`),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, ...payload },
        'queueing an import follow-up failed; the sweep will retry',
      );
    }
  }
}
