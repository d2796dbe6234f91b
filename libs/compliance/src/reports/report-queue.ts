import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, jobOptions, QueueName } from '@beacon/core/queue';

export interface BuildReportPayload {
  organizationId: string;
  reportId: string;
}

/** Asks the worker to build a report. One job per report (its id is the report's), so asking twice is harmless. */
@Injectable()
export class ReportQueue {
  private readonly logger = new Logger(ReportQueue.name);

  constructor(@InjectQueue(QueueName.reports) private readonly queue: Queue) {}

  /** After commit. A failure loses nothing: the report sweep queues reports that wait too long again. */
  async enqueue(payload: BuildReportPayload): Promise<void> {
    try {
      await this.queue.add(
        JobName.buildReport,
        payload,
        jobOptions(JobName.buildReport, `report-${payload.reportId}`),
      );
    } catch (error) {
      this.logger.warn({ err: error, ...payload }, 'queueing a report failed; the report sweep will retry');
    }
  }
}
