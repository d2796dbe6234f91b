import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ORGANIZATION_ROLES } from '@beacon/core/database';
import { NameField, OptionalNameField, PageQuery, QueryBoolean } from '@beacon/core/http';

/**
 * Ids in capitals name the same rows; PostgreSQL answers them lower-cased, so they are compared (and made unique)
 * lower-cased, or a valid id would be refused as not in the organization.
 */
const LowerCaseIds = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id))
      : value,
  );

/** Each title trimmed before it is checked: one of spaces alone would match nobody (members' titles are trimmed). */
const TrimEach = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((title: unknown) => (typeof title === 'string' ? title.trim() : title))
      : value,
  );

export class CohortTargetDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @LowerCaseIds()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'siteIds must hold site ids' })
  siteIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @LowerCaseIds()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'departmentIds must hold department ids' })
  departmentIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Matched case-insensitively' })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  jobTitles?: string[];

  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANIZATION_ROLES, { each: true, message: `roles must be among: ${ORGANIZATION_ROLES.join(', ')}` })
  roles?: string[];
}

export class RemindersDto {
  @ApiProperty({
    type: [Number],
    example: [7, 1],
    description: 'A due_soon reminder N days before the due date',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  beforeDueDays!: number[];

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(1)
  @Max(365)
  overdueEveryDays!: number;

  @ApiProperty({ example: 14 })
  @IsInt()
  @Min(0)
  @Max(365)
  escalateAfterDays!: number;
}

export class RecurrenceDto {
  @ApiProperty({
    example: 12,
    description: 'Completing a cycle opens the next one, due this many months later',
  })
  @IsInt()
  @Min(1)
  @Max(120)
  intervalMonths!: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateCohortDto {
  @NameField({ example: 'ED nurses 2026' })
  name!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'courseId must be the id of a course' })
  courseId!: string;

  @ApiProperty({ type: CohortTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CohortTargetDto)
  target!: CohortTargetDto;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: "End of that day in the organization's time zone",
  })
  @IsOptional()
  @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string;

  @ApiPropertyOptional({ example: 30, description: "Days from each member's enrollment" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  dueInDays?: number;

  @ApiPropertyOptional({ type: RecurrenceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({ type: RemindersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RemindersDto)
  reminders?: RemindersDto;
}

export class CohortPreviewDto {
  @ApiProperty({ type: CohortTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CohortTargetDto)
  target!: CohortTargetDto;
}

export class MatchingMemberView {
  @ApiProperty({ description: 'The member (membership) id' }) id!: string;
  @ApiProperty() name!: string;
}

export class CohortPreviewView {
  @ApiProperty({ description: 'Members the target matches now: who a cohort with it would enroll' })
  matching!: number;

  @ApiProperty({ type: [MatchingMemberView], description: 'Up to 5 of them, by name' })
  sample!: MatchingMemberView[];
}

export class UpdateCohortDto {
  @OptionalNameField()
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  dueInDays?: number | null;

  @ApiPropertyOptional({ type: RemindersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RemindersDto)
  reminders?: RemindersDto;
}

export class CohortListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}

export class CohortStatsView {
  @ApiProperty() enrolled!: number;
  @ApiProperty() notStarted!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() exempt!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'completed / (enrolled − exempt), 0..1' })
  completionRate!: number | null;
}

export class CohortView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty({ type: CohortTargetDto }) target!: CohortTargetDto;
  @ApiProperty({ nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) dueInDays!: number | null;
  @ApiProperty({ nullable: true, type: RecurrenceDto }) recurrence!: RecurrenceDto | null;
  @ApiProperty({ type: RemindersDto }) reminders!: RemindersDto;
  @ApiProperty() archived!: boolean;
  @ApiProperty() enrolledCount!: number;
  @ApiProperty({ type: CohortStatsView }) stats!: CohortStatsView;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CohortPage {
  @ApiProperty({ type: [CohortView] }) items!: CohortView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
