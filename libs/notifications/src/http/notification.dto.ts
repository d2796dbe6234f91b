import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, Matches } from 'class-validator';
import { NormalizeEmail, PageQuery } from '@beacon/core/http';
import type { NotificationStatus } from '../notification.repository';

const STATUSES: NotificationStatus[] = ['pending', 'sending', 'sent', 'failed', 'cancelled'];

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'invitation' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'kind must be a notification kind' })
  kind?: string;

  @ApiPropertyOptional({ description: 'Recipient email' })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail({}, { message: 'recipient must be an email address' })
  recipient?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: NotificationStatus;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A reminder waits until this instant (the reminder window); null: sent when relayed',
  })
  sendAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ description: 'Delivery attempts so far' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' })
  lastError!: string | null;
  @ApiProperty() dedupeKey!: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
