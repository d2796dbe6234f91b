import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, Matches } from 'class-validator';
import { NormalizeEmail, PageQuery } from '@beacon/core/http';

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
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty() dedupeKey!: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
