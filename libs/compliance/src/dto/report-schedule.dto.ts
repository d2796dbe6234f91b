import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { REPORT_FORMATS, REPORT_TYPES } from '../reports/report-source';
import { FORMAT_MESSAGE, ReportFiltersDto, ReportFiltersView, ReportSelectionDto } from './report.dto';

export const SCHEDULE_FREQUENCIES = ['weekly', 'monthly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];
/** Recipients of one schedule, at most. */
export const MAX_RECIPIENTS = 50;

const FREQUENCY_MESSAGE = `frequency must be one of: ${SCHEDULE_FREQUENCIES.join(', ')}`;
const RECIPIENTS_MESSAGE = 'recipients must be a list of email addresses';
const FREQUENCY_DOC =
  "weekly: each Monday at 06:00, monthly: on the 1st at 06:00, both in the organization's time zone";
const RECIPIENTS_DOC =
  "Emails of the organization's active org_admins and educators, or of the schedule's creator; 1 to 50.";

/** A field a PATCH may leave out, but not set to null. */
const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Emails trimmed and lower-cased (they compare case-insensitively); anything else is left for the validators. */
const NormalizeEmails = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item))
      : value,
  );

const Recipients = (): PropertyDecorator =>
  applyDecorators(
    NormalizeEmails(),
    IsArray({ message: RECIPIENTS_MESSAGE }),
    ArrayNotEmpty({ message: 'recipients must name at least one email address' }),
    ArrayMaxSize(MAX_RECIPIENTS, { message: `recipients may name at most ${MAX_RECIPIENTS} addresses` }),
    IsEmail({}, { each: true, message: RECIPIENTS_MESSAGE }),
    MaxLength(320, { each: true, message: RECIPIENTS_MESSAGE }),
    ArrayUnique({ message: 'recipients must not name an address twice' }),
  );

export class CreateReportScheduleDto extends ReportSelectionDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'xlsx when left out' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: (typeof REPORT_FORMATS)[number];

  @ApiProperty({ enum: SCHEDULE_FREQUENCIES, description: FREQUENCY_DOC })
  @IsIn(SCHEDULE_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency!: ScheduleFrequency;

  @ApiProperty({ type: [String], format: 'email', description: RECIPIENTS_DOC })
  @Recipients()
  recipients!: string[];
}

export class UpdateReportScheduleDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS })
  @IfGiven()
  @IsIn(REPORT_FORMATS, { message: FORMAT_MESSAGE })
  format?: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: SCHEDULE_FREQUENCIES, description: FREQUENCY_DOC })
  @IfGiven()
  @IsIn(SCHEDULE_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency?: ScheduleFrequency;

  @ApiPropertyOptional({ type: [String], format: 'email', description: RECIPIENTS_DOC })
  @IfGiven()
  @Recipients()
  recipients?: string[];

  @ApiPropertyOptional({
    type: ReportFiltersDto,
    description: 'Replaces the filters; {} clears them. Checked as for POST /reports.',
  })
  @IfGiven()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => ReportFiltersDto)
  filters?: ReportFiltersDto;

  @ApiPropertyOptional({
    description:
      'false pauses the schedule; true resumes it from the next period to come (none is caught up)',
  })
  @IfGiven()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class ReportScheduleCreatorView {
  @ApiProperty({ description: 'The membership id' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReportScheduleView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_TYPES }) type!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: string;
  @ApiProperty({ type: ReportFiltersView }) filters!: ReportFiltersView;
  @ApiProperty({ enum: SCHEDULE_FREQUENCIES, description: FREQUENCY_DOC }) frequency!: string;
  @ApiProperty({ type: [String], description: 'The recipients’ emails' }) recipients!: string[];
  @ApiProperty({ description: 'false: paused, no report is built until it is resumed' }) active!: boolean;
  @ApiProperty({
    enum: ['organization', 'reporting_chain'],
    description:
      "reporting_chain: a manager's schedule, whose reports hold their direct and indirect reports (decided from " +
      "the creator's roles at each run)",
  })
  scope!: string;
  @ApiProperty({ type: ReportScheduleCreatorView }) createdBy!: ReportScheduleCreatorView;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the next report is built (06:00 local on its Monday or 1st); null while paused',
  })
  nextRunAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the last scheduled report was requested' })
  lastRunAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The report of the last run (GET /reports/:id)',
  })
  lastReportId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ReportSchedulePage {
  @ApiProperty({ type: [ReportScheduleView] }) items!: ReportScheduleView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ScheduleRecipientView {
  @ApiProperty({ description: 'The membership id' }) memberId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class ScheduleRecipientPage {
  @ApiProperty({ type: [ScheduleRecipientView] }) items!: ScheduleRecipientView[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list at once' })
  nextCursor!: string | null;
}
