import { ApiProperty } from '@nestjs/swagger';

/** A notification sent again, as the outbox list shows it. */
export class RetriedNotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Held until then (a reminder outside the window)',
  })
  sendAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ description: 'Send attempts so far; kept across a retry' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the last attempt failed; cleared once sent',
  })
  lastError!: string | null;
  @ApiProperty() dedupeKey!: string;
}
