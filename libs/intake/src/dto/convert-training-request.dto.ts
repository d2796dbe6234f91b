import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { OptionalInstantField } from '@beacon/core/http';
import { CreateOrganizationDto } from '@beacon/organizations';
import { TrainingRequestDetail } from './training-request.dto';

export class ConvertNewOrganizationDto extends PickType(CreateOrganizationDto, [
  'name',
  'slug',
  'timezone',
] as const) {}

/** The draft session's overrides; whatever is left out comes from the request (see the endpoint). */
export class ConvertSessionDto {
  @ApiPropertyOptional({ description: 'A published course; default: the first published course' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId?: string;

  @ApiPropertyOptional({ description: 'A site of the linked organization; default: its first site by name' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a site id' })
  siteId?: string;

  @OptionalInstantField('startsAt')
  startsAt?: string;

  @OptionalInstantField('endsAt')
  endsAt?: string;
}

export class ConvertTrainingRequestDto {
  @ApiPropertyOptional({
    description: 'Link an existing organization (invites nobody). Exactly one of this and organization.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organization id' })
  organizationId?: string;

  @ApiPropertyOptional({
    type: ConvertNewOrganizationDto,
    description: "Create this organization and invite the request's contact as its org_admin.",
  })
  @IsOptional()
  @IsObject({ message: 'organization must be an object { name, slug, timezone }' })
  @ValidateNested()
  @Type(() => ConvertNewOrganizationDto)
  organization?: ConvertNewOrganizationDto;

  @ApiPropertyOptional({ type: ConvertSessionDto })
  @IsOptional()
  @IsObject({ message: 'session must be an object' })
  @ValidateNested()
  @Type(() => ConvertSessionDto)
  session?: ConvertSessionDto;
}

export class ConvertTrainingRequestResult {
  @ApiProperty({ type: TrainingRequestDetail }) request!: TrainingRequestDetail;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ description: 'Whether the organization was created (else linked)' })
  organizationCreated!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who was invited as org_admin: the contact when the organization was created, else null',
  })
  invitedEmail!: string | null;
  @ApiProperty({ description: 'The drafted live session' }) sessionId!: string;
}
