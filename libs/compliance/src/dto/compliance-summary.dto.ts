import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

export const SUMMARY_GROUPINGS = ['site', 'department', 'cohort', 'course'] as const;
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number];

export const TREND_INTERVALS = ['week'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
const DateField = (name: string): PropertyDecorator =>
  applyDecorators(
    Matches(DATE, { message: `${name} must be a date (YYYY-MM-DD)` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date` }),
  );

/** `?siteId=` (empty) is read as no filter, as the contract's example `?cohortId=&siteId=` writes it. */
const EmptyAsAbsent = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** The filters both compliance views take: ids of this organization (another's, or none, is a 400 naming it). */
export class ComplianceFilterQuery {
  @ApiPropertyOptional({ description: "Only members whose site is this one (the member's current site)" })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a site id' })
  siteId?: string;

  @ApiPropertyOptional({
    description: "Only members whose department is this one (the member's current one)",
  })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a department id' })
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Only enrollments of this cohort' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a cohort id' })
  cohortId?: string;

  @ApiPropertyOptional({
    description: 'Only enrollments of this course, any version of it (same course code)',
  })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId?: string;
}

export class ComplianceSummaryQuery extends ComplianceFilterQuery {
  @ApiPropertyOptional({ enum: SUMMARY_GROUPINGS, default: 'site' })
  @IsOptional()
  @IsIn(SUMMARY_GROUPINGS, { message: `groupBy must be one of: ${SUMMARY_GROUPINGS.join(', ')}` })
  groupBy?: SummaryGrouping;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description:
      "Only enrollments due on or after this local date (the organization's time zone). The due date filtered " +
      "is that of the member's newest cycle of the cohort: the counted enrollment's own, or, while a " +
      "recertification cycle is open but not due yet, that cycle's. Enrollments without a due date are left out " +
      'when `from` or `to` is given.',
  })
  @IsOptional()
  @DateField('from')
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Only enrollments due on or before this local date (inclusive); see `from`.',
  })
  @IsOptional()
  @DateField('to')
  to?: string;
}

export class ComplianceTrendQuery extends ComplianceFilterQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First local date; the first period is its week' })
  @DateField('from')
  from!: string;

  @ApiProperty({
    example: '2026-03-31',
    description: 'Last local date (inclusive), at most 2 years (731 days) after `from`',
  })
  @DateField('to')
  to!: string;

  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'week' })
  @IsOptional()
  @IsIn(TREND_INTERVALS, { message: 'interval must be week' })
  interval?: 'week';
}

export class ComplianceCountsView {
  @ApiProperty({ description: "Members' current-cycle enrollments, withdrawn ones not counted" })
  enrolled!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() notStarted!: number;
  @ApiProperty({
    description: 'Due instant passed, neither completed nor exempt (at the time of the request)',
  })
  overdue!: number;
  @ApiProperty() exempt!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'completed / (enrolled − exempt), 0..1 rounded to 4 places; null when that is 0',
  })
  completionRate!: number | null;
}

export class ComplianceGroupView extends ComplianceCountsView {
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The site, department, cohort or course id (for courses: the newest version of the course code); null ' +
      'for members without a site or department',
  })
  id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null with the id' })
  name!: string | null;
}

export class ComplianceSummaryView {
  @ApiProperty({ type: ComplianceCountsView }) totals!: ComplianceCountsView;
  @ApiProperty({
    type: [ComplianceGroupView],
    description:
      'Groups with at least one enrollment, by name (the null group last); they add up to the totals',
  })
  groups!: ComplianceGroupView[];
}

export class CompliancePeriodView {
  @ApiProperty({
    example: '2026-01-05',
    description: "The period's first day: a Monday, in the organization's time zone",
  })
  periodStart!: string;
  @ApiProperty({ description: 'Enrollments completed during the period' })
  completed!: number;
  @ApiProperty({
    description: 'Enrollments due before the end of the period (not exempt, not withdrawn, any cycle)',
  })
  dueByPeriodEnd!: number;
  @ApiProperty({ description: 'Of those, the ones completed before the end of the period' })
  completedByPeriodEnd!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'completedByPeriodEnd / dueByPeriodEnd, 0..1 rounded to 4 places; null when nothing was due',
  })
  completionRate!: number | null;
}

export class CompliancePeriodPage {
  @ApiProperty({ type: [CompliancePeriodView], description: 'Oldest period first' })
  items!: CompliancePeriodView[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: every period is in one answer' })
  nextCursor!: null;
}
