import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@beacon/core/http';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'site' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'entityType must be a snake_case entity name' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;
}

export class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['member', 'platform', 'system'] }) actorType!: 'member' | 'platform' | 'system';
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The acting member id; null for platform staff and jobs',
  })
  actorId!: string | null;
  @ApiProperty({ example: 'site.created' }) action!: string;
  @ApiProperty({ example: 'site' }) entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Changed fields: { field: { from, to } }' }) changes!: Record<string, unknown>;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
