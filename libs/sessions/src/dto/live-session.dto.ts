import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { InstantField, OptionalInstantField } from '@beacon/core/http';
import { IsTimeZone } from '@beacon/organizations';

export const MAX_CAPACITY = 1000;
export const MAX_FACILITATORS = 10;

export class CreateLiveSessionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId!: string;

  @ApiProperty({ description: 'A site of the organization' })
  @IsUUID('all', { message: 'siteId must be a site id' })
  siteId!: string;

  @InstantField('startsAt')
  startsAt!: string;

  @InstantField('endsAt')
  endsAt!: string;

  @ApiProperty({ example: 'America/Chicago', description: "The IANA zone the session's times are shown in" })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: 'Education room 2, main building' })
  @IsString({ message: 'location must be text' })
  @MinLength(1, { message: 'location must not be empty' })
  @MaxLength(500, { message: 'location must be at most 500 characters' })
  location!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY })
  @IsInt({ message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Min(1, { message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Max(MAX_CAPACITY, { message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  capacity!: number;

  @ApiProperty({
    type: [String],
    description: 'Platform users with the `facilitator` role (GET /facilitators)',
  })
  @IsArray({ message: 'facilitatorIds must be a list of facilitator ids' })
  @ArrayNotEmpty({ message: 'facilitatorIds must name at least one facilitator' })
  @ArrayMaxSize(MAX_FACILITATORS, { message: `facilitatorIds may name at most ${MAX_FACILITATORS}` })
  @ArrayUnique({ message: 'facilitatorIds must not name a facilitator twice' })
  @IsUUID('all', { each: true, message: 'facilitatorIds must be a list of facilitator ids' })
  facilitatorIds!: string[];

  @ApiPropertyOptional({
    description:
      "Platform admins only (their token names no organization): the organization the session is for. Ignored for an organization's own staff.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organization id' })
  organizationId?: string;

  @ApiPropertyOptional({
    description:
      "The training request the session answers: one converted for the session's organization (else 400). " +
      "Recorded in the request's activity.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'trainingRequestId must be a training request id' })
  trainingRequestId?: string;
}

/** A change of a draft or scheduled session: only the fields given change. */
export class UpdateLiveSessionDto {
  @ApiPropertyOptional({ description: 'A site of the organization' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a site id' })
  siteId?: string;

  @OptionalInstantField('startsAt')
  startsAt?: string;

  @OptionalInstantField('endsAt')
  endsAt?: string;

  @ApiPropertyOptional({
    example: 'America/Chicago',
    description: "The IANA zone the session's times are shown in",
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'Education room 2, main building' })
  @IsOptional()
  @IsString({ message: 'location must be text' })
  @MinLength(1, { message: 'location must not be empty' })
  @MaxLength(500, { message: 'location must be at most 500 characters' })
  location?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAPACITY })
  @IsOptional()
  @IsInt({ message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Min(1, { message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  @Max(MAX_CAPACITY, { message: `capacity must be a whole number from 1 to ${MAX_CAPACITY}` })
  capacity?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'The whole new list of facilitators (platform users with the `facilitator` role)',
  })
  @IsOptional()
  @IsArray({ message: 'facilitatorIds must be a list of facilitator ids' })
  @ArrayNotEmpty({ message: 'facilitatorIds must name at least one facilitator' })
  @ArrayMaxSize(MAX_FACILITATORS, { message: `facilitatorIds may name at most ${MAX_FACILITATORS}` })
  @ArrayUnique({ message: 'facilitatorIds must not name a facilitator twice' })
  @IsUUID('all', { each: true, message: 'facilitatorIds must be a list of facilitator ids' })
  facilitatorIds?: string[];
}

/** A range of sessions, by instants with their offsets. */
export class MyLiveSessionRangeQuery {
  @OptionalInstantField('from', { description: 'Sessions ending after this instant' })
  from?: string;

  @OptionalInstantField('to', { description: 'Sessions starting before this instant' })
  to?: string;
}

export class LiveSessionRangeQuery extends MyLiveSessionRangeQuery {
  @ApiPropertyOptional({ description: 'Platform admins only: the organization whose sessions to list' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organization id' })
  organizationId?: string;
}

export class SessionFacilitatorView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class LiveSessionView {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() location!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({
    enum: ['draft', 'scheduled', 'cancelled'],
    description: 'A draft (made by converting a training request) is seen only by schedulers until published',
  })
  status!: string;
  @ApiProperty({ description: 'The calendar SEQUENCE: 0, raised on every change of a scheduled session' })
  sequence!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The training request the session answers' })
  trainingRequestId!: string | null;
  @ApiProperty({ type: [SessionFacilitatorView] }) facilitators!: SessionFacilitatorView[];
  @ApiProperty() registeredCount!: number;
  @ApiProperty() waitlistCount!: number;
  @ApiProperty({ format: 'date-time', description: 'Registration closes at the start' })
  registrationClosesAt!: string;
}

export class LiveSessionPage {
  @ApiProperty({ type: [LiveSessionView] }) items!: LiveSessionView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Always null: a range is read whole (at most 500)',
  })
  nextCursor!: string | null;
}

export class MyLiveSessionView extends LiveSessionView {
  @ApiProperty({
    enum: ['registered', 'waitlisted'],
    nullable: true,
    type: String,
    description: 'My registration; null when I only facilitate',
  })
  registrationStatus!: string | null;

  @ApiProperty({ description: 'Whether I am one of its facilitators' }) facilitating!: boolean;
}

export class MyLiveSessionPage {
  @ApiProperty({ type: [MyLiveSessionView] }) items!: MyLiveSessionView[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: read whole (at most 500)' })
  nextCursor!: string | null;
}
