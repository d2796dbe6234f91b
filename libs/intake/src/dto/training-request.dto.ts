import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NormalizeEmail, PageQuery, Trim } from '@beacon/core/http';
import { US_STATE_CODES } from './us-states';
import {
  FORMATS,
  INTAKE_LOCALES,
  SETTINGS,
  TRAINING_REQUEST_STATUSES,
  type Format,
  type IntakeLocale,
  type Setting,
  type TrainingRequestStatus,
} from './training-request.types';

const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** One line of text, trimmed, not empty: control characters (line breaks included) belong in no name or phone. */
const OneLine = (max: number): PropertyDecorator =>
  applyDecorators(
    Trim(),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    Matches(/^[^\p{Cc}]*$/u, { message: '$property must be one line of text' }),
  );

/** Free text (API.md: at most 5,000 characters); line breaks and tabs kept, other control characters refused. */
const FreeText = (): PropertyDecorator =>
  applyDecorators(
    Trim(),
    IsString(),
    IsNotEmpty(),
    MaxLength(5000),
    // Control characters other than tab, line feed and carriage return (\p{Cc} minus those three).
    Matches(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, {
      message: '$property must not contain control characters',
    }),
  );

export class TrainingRequestLocationDto {
  @ApiProperty({ example: 'Austin', maxLength: 100 })
  @OneLine(100)
  city!: string;

  @ApiProperty({ example: 'TX', description: 'Two-letter US state or territory code (either case)' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsIn(US_STATE_CODES, { message: 'state must be a two-letter US state code such as TX' })
  state!: string;
}

export class CreateTrainingRequestDto {
  @ApiProperty({ example: 'St. Mary Regional', maxLength: 200 })
  @OneLine(200)
  organizationName!: string;

  @ApiProperty({ example: 'Alex Rivera', maxLength: 200 })
  @OneLine(200)
  contactName!: string;

  @ApiProperty({ example: 'educator@stmary.org' })
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: '+1 512 555 0100', maxLength: 40 })
  @IfGiven()
  @Trim()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{7,40}$/, { message: 'phone must be a phone number (digits, spaces, + ( ) . -)' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Clinical educator', maxLength: 200 })
  @IfGiven()
  @OneLine(200)
  role?: string;

  @ApiProperty({ enum: SETTINGS })
  @IsIn(SETTINGS, { message: `setting must be one of: ${SETTINGS.join(', ')}` })
  setting!: Setting;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, example: 40 })
  @IfGiven()
  @IsInt({ message: 'staffCount must be a whole number' })
  @Min(1)
  @Max(100000)
  staffCount?: number;

  @ApiPropertyOptional({ type: [String], example: ['2027-03-15'], description: 'Up to 10 future dates' })
  @IfGiven()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO8601({ strict: true }, { each: true, message: 'preferredDates must hold real dates (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'preferredDates must hold dates as YYYY-MM-DD' })
  preferredDates?: string[];

  @ApiPropertyOptional({ type: TrainingRequestLocationDto })
  @IfGiven()
  @IsObject({ message: 'location must be an object { city, state }' })
  @ValidateNested()
  @Type(() => TrainingRequestLocationDto)
  location?: TrainingRequestLocationDto;

  @ApiProperty({ enum: FORMATS })
  @IsIn(FORMATS, { message: `format must be one of: ${FORMATS.join(', ')}` })
  format!: Format;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IfGiven()
  @FreeText()
  message?: string;

  @ApiPropertyOptional({
    description: 'Leave empty. A form field hidden from people: anything in it marks the request as spam.',
    maxLength: 1000,
  })
  @IfGiven()
  @IsString()
  @MaxLength(1000)
  website?: string;

  @ApiPropertyOptional({
    enum: INTAKE_LOCALES,
    description:
      "The language of the acknowledgement; without it, Accept-Language's first en or es, else en.",
  })
  @IfGiven()
  @IsIn(INTAKE_LOCALES, { message: 'locale must be en or es' })
  locale?: IntakeLocale;
}

export class TrainingRequestReceipt {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'TR-2026-000123' }) reference!: string;
  @ApiProperty({ enum: TRAINING_REQUEST_STATUSES }) status!: TrainingRequestStatus;
}

export class TrainingRequestListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRAINING_REQUEST_STATUSES })
  @IfGiven()
  @IsIn(TRAINING_REQUEST_STATUSES, {
    message: `status must be one of: ${TRAINING_REQUEST_STATUSES.join(', ')}`,
  })
  status?: TrainingRequestStatus;
}

export class UpdateTrainingRequestDto {
  @ApiPropertyOptional({ enum: TRAINING_REQUEST_STATUSES })
  @IfGiven()
  @IsIn(TRAINING_REQUEST_STATUSES, {
    message: `status must be one of: ${TRAINING_REQUEST_STATUSES.join(', ')}`,
  })
  status?: TrainingRequestStatus;

  @ApiPropertyOptional({ description: 'A platform user with the facilitator role' })
  @IfGiven()
  @IsUUID('all', { message: 'assignedFacilitatorId must be a facilitator id' })
  assignedFacilitatorId?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IfGiven()
  @FreeText()
  note?: string;
}

export class TrainingRequestLocationView {
  @ApiProperty() city!: string;
  @ApiProperty() state!: string;
}

export class TrainingRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: TRAINING_REQUEST_STATUSES }) status!: TrainingRequestStatus;
  @ApiProperty() organizationName!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ enum: SETTINGS }) setting!: Setting;
  @ApiProperty({ nullable: true, type: Number }) staffCount!: number | null;
  @ApiProperty({ type: [String] }) preferredDates!: string[];
  @ApiProperty({ nullable: true, type: TrainingRequestLocationView })
  location!: TrainingRequestLocationView | null;
  @ApiProperty({ enum: FORMATS }) format!: Format;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ enum: INTAKE_LOCALES }) locale!: IntakeLocale;
  @ApiProperty({ nullable: true, type: String, description: 'The earlier request this one was joined to' })
  duplicateOf!: string | null;
  @ApiProperty({ nullable: true, type: String }) assignedFacilitatorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The organization it was converted for' })
  organizationId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TrainingRequestPage {
  @ApiProperty({ type: [TrainingRequestView] }) items!: TrainingRequestView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TrainingRequestActivityView {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ['received', 'linked', 'status_changed', 'assigned', 'note', 'converted', 'session_linked'],
  })
  action!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for the public form' })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ nullable: true, type: String }) facilitatorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The follow-up request, for `linked`' })
  linkedRequestId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For `converted`: the organization' })
  organizationId!: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'For `converted`: whether the organization was created (else linked)',
  })
  organizationCreated!: boolean | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'For `converted` the drafted session, for `session_linked` the session scheduled',
  })
  sessionId!: string | null;
  @ApiProperty() at!: string;
}

export class TrainingRequestNoteView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) authorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty() at!: string;
}

export class TrainingRequestDetail extends TrainingRequestView {
  @ApiProperty({ type: [TrainingRequestNoteView] }) notes!: TrainingRequestNoteView[];
  @ApiProperty({ type: [TrainingRequestActivityView], description: 'Oldest first' })
  activity!: TrainingRequestActivityView[];
  @ApiProperty({ type: [TrainingRequestView], description: 'Follow-ups joined to this request' })
  linkedRequests!: TrainingRequestView[];
}
