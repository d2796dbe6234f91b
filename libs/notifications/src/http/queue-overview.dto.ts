import { ApiProperty } from '@nestjs/swagger';

export class FailedJobView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Ids only (organization, notification): payloads carry nothing personal' })
  data!: Record<string, unknown>;
  @ApiProperty() failedReason!: string;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class QueueView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Jobs by state: waiting, active, delayed, failed, completed' })
  counts!: Record<string, number>;
  @ApiProperty({ type: [FailedJobView], description: 'The most recent failed jobs (kept for 7 days)' })
  failed!: FailedJobView[];
}

export class QueuePage {
  @ApiProperty({ type: [QueueView] }) items!: QueueView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RetriedJobView {
  @ApiProperty() queue!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The job state after the retry (waiting, or already active or done)' })
  state!: string;
}
