import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { REPORT_FORMATS, REPORT_TYPES } from '../reports/report-source';

export const REPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;

/** An optional id of a row the report is narrowed to; capitals name the same row (PostgreSQL answers lower case). */
const FilterId = (what: string, description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    IsUUID('all', { message: `$property must be the id of a ${what}` }),
  );

export class ReportFiltersDto {
  @FilterId('site', "Members whose site is this one (the member's site now)")
  siteId?: string;

  @FilterId('department', "Members whose department is this one (the member's department now)")
  departmentId?: string;

  @FilterId('cohort', 'Enrollments of this cohort (certificates: of enrollments of this cohort)')
  cohortId?: string;

  @FilterId('course', 'This course, every version of its code')
  courseId?: string;
}

/** What a report holds: its type and filters. Ad-hoc requests and schedules share it (and its checks). */
export class ReportSelectionDto {
  @ApiProperty({ enum: REPORT_TYPES })
  @IsIn(REPORT_TYPES, { message: `type must be one of: ${REPORT_TYPES.join(', ')}` })
  type!: (typeof REPORT_TYPES)[number];

  @ApiPropertyOptional({ type: ReportFiltersDto })
  @IsOptional()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => ReportFiltersDto)
  filters?: ReportFiltersDto;
}

export const FORMAT_MESSAGE = `format must be one of: ${REPORT_FORMATS.join(', ')}`;

export class CreateReportDto extends ReportSelectionDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS, { message: FORMAT_MESSAGE })
  format!: (typeof REPORT_FORMATS)[number];
}

export class ReportFiltersView {
  @ApiPropertyOptional({ format: 'uuid' }) siteId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) departmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) cohortId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) courseId?: string;
}

class ReportRequesterView {
  @ApiProperty({ description: 'The membership id' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReportView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_TYPES }) type!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: string;
  @ApiProperty({
    enum: REPORT_STATUSES,
    description:
      'queued → running → ready or failed; expired once its file was deleted after REPORT_RETENTION_DAYS',
  })
  status!: string;
  @ApiProperty({ type: ReportFiltersView }) filters!: ReportFiltersView;
  @ApiProperty({
    enum: ['organization', 'reporting_chain'],
    description: "reporting_chain: a manager's report, bounded to their direct and indirect reports",
  })
  scope!: string;
  @ApiProperty({ type: ReportRequesterView }) requestedBy!: ReportRequesterView;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Rows written so far while running (moves every 10,000 rows), all rows once ready; null queued',
  })
  rowCount!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Bytes of the file once ready' })
  fileSize!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the report failed (status failed)' })
  error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the file is deleted (ready reports); a download after it answers 410',
  })
  expiresAt!: string | null;
}

export class ReportPage {
  @ApiProperty({ type: [ReportView] }) items!: ReportView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
