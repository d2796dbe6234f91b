import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, QueryBoolean, Trim } from '@beacon/core/http';
import { CourseRefView, ProgressView } from './enrollment.dto';

/** Withdrawn enrollments are not part of the team view, so they are no filter either. */
export const TEAM_STATUSES = ['not_started', 'in_progress', 'completed', 'exempt'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export class TeamEnrollmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TEAM_STATUSES })
  @IsOptional()
  @IsIn(TEAM_STATUSES, { message: `status must be one of: ${TEAM_STATUSES.join(', ')}` })
  status?: TeamStatus;

  @ApiPropertyOptional({ description: 'Only overdue enrollments (true) or only the others (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: "Search in the member's name" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;
}

class NamedRefView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class TeamEnrollmentView {
  @ApiProperty() id!: string;
  @ApiProperty() cohortId!: string;
  @ApiProperty({ description: 'The membership id' }) memberId!: string;
  @ApiProperty() memberName!: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: NamedRefView }) site!: NamedRefView | null;
  @ApiProperty({ nullable: true, type: NamedRefView }) department!: NamedRefView | null;
  @ApiProperty({ type: CourseRefView }) course!: CourseRefView;
  @ApiProperty({ enum: TEAM_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ description: 'Due date passed, not completed, not exempt' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: ProgressView }) progress!: ProgressView;
}

export class TeamEnrollmentPage {
  @ApiProperty({ type: [TeamEnrollmentView] }) items!: TeamEnrollmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
