import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { NameField } from '@beacon/core/http';
import { IsTimeZone } from '@beacon/organizations';
import { TrainingRequestDetail } from './training-request.dto';

/** An instant with its offset (or Z), as live sessions take them. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const OptionalInstant = (name: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', example: '2031-03-04T14:00:00Z' }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: `${name} must be a date and time with its offset` }),
    Matches(INSTANT, { message: `${name} must be a date and time with its offset` }),
  );

export class ConvertNewOrganizationDto {
  @NameField({ example: 'St. Mary Health' })
  name!: string;

  @ApiProperty({ example: 'st-mary', description: '3–63 of a-z, 0-9 and -' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,63}$/, { message: 'slug must be 3–63 characters of a-z, 0-9 and -' })
  slug!: string;

  @ApiProperty({ example: 'America/Chicago' })
  @IsTimeZone()
  timezone!: string;
}

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

  @OptionalInstant('startsAt')
  startsAt?: string;

  @OptionalInstant('endsAt')
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
