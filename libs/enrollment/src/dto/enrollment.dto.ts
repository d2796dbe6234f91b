import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@beacon/core/http';

export const ENROLLMENT_STATUSES = ['not_started', 'in_progress', 'completed', 'exempt', 'withdrawn'];

export class CohortEnrollmentView {
  @ApiProperty() id!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty() memberName!: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ description: 'Due date passed, not completed, not exempt' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty() cycle!: number;
}

export class CohortEnrollmentPage {
  @ApiProperty({ type: [CohortEnrollmentView] }) items!: CohortEnrollmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CourseRefView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class ProgressView {
  @ApiProperty() modulesCompleted!: number;
  @ApiProperty() modulesTotal!: number;
}

export class MyEnrollmentView {
  @ApiProperty() id!: string;
  @ApiProperty() cohortId!: string;
  @ApiProperty({ type: CourseRefView }) course!: CourseRefView;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: ProgressView }) progress!: ProgressView;
  @ApiProperty() attemptsRemaining!: number;
}

export class PlayerModuleView {
  @ApiProperty() moduleId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The first opening of the module; null until opened',
  })
  openedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'openedAt + MODULE_MIN_TIME_SHARE × the estimated minutes; null until opened',
  })
  completableAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
}

export class MyEnrollmentDetailView extends MyEnrollmentView {
  @ApiProperty({
    type: [PlayerModuleView],
    description: "Every module of the enrollment's course version, in order, with the learner's progress",
  })
  modules!: PlayerModuleView[];
  @ApiProperty({
    description: 'The course asks for the evaluation (POST …/evaluation) before the certificate',
  })
  evaluationRequired!: boolean;
  @ApiProperty({ description: 'The learner gave the evaluation of this enrollment' })
  evaluationGiven!: boolean;
  @ApiProperty({ description: 'An attempt of this enrollment passed the assessment' })
  assessmentPassed!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The certificate of this enrollment (not revoked)',
  })
  certificateId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The attempt started and not yet submitted' })
  openAttemptId!: string | null;
}

export class MyEnrollmentPage {
  @ApiProperty({ type: [MyEnrollmentView] }) items!: MyEnrollmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ExemptDto {
  @ApiProperty({ example: 'Completed equivalent training at previous employer (certificate on file)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason!: string;
}

export class GrantAttemptsDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  count!: number;
}

export class AnswerDto {
  @ApiProperty()
  @IsUUID('all', { message: 'questionId must be a question id' })
  questionId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'choiceId must be a choice id' })
  choiceId!: string;
}

export class SubmitAttemptDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];
}

class AttemptChoiceView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

class AttemptQuestionView {
  @ApiProperty() id!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: [AttemptChoiceView] }) choices!: AttemptChoiceView[];
}

export class AttemptView {
  @ApiProperty() attemptId!: string;
  @ApiProperty({ type: [AttemptQuestionView] }) questions!: AttemptQuestionView[];
}

export class MissedQuestionView {
  @ApiProperty() questionId!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ description: 'The learning objective the question assesses' }) objective!: string;
  @ApiProperty({ description: 'Why the answer is what it is, without naming the correct choice' })
  explanation!: string;
}

export class AttemptResultView {
  @ApiProperty({ description: '0–100, like passingScore' }) score!: number;
  @ApiProperty() passed!: boolean;
  @ApiProperty() attemptsRemaining!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Issued at the pass, unless the course requires the evaluation first',
  })
  certificateId!: string | null;
  @ApiProperty({
    description: 'Passed, and the course requires the evaluation (POST …/evaluation) before the certificate',
  })
  evaluationRequired!: boolean;
  @ApiProperty({
    type: [String],
    description:
      'The objectives of the questions answered wrong or left unanswered, in objective order, each once',
  })
  missedObjectives!: string[];
  @ApiProperty({
    type: [MissedQuestionView],
    description:
      'After a pass, the explanations of the questions missed (no choice ids, no answer key); empty otherwise',
  })
  missedQuestions!: MissedQuestionView[];
}

export class ModuleOpeningView {
  @ApiProperty({ description: 'The first opening of the module' }) openedAt!: string;
  @ApiProperty({
    description:
      'From then on the module can be completed: openedAt + MODULE_MIN_TIME_SHARE × its estimated minutes',
  })
  completableAt!: string;
}

export class EvaluationDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'The learning objectives were met (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  objectivesMet!: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'The content is relevant to my practice (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  relevantToPractice!: number;

  @ApiProperty({ description: 'I perceived commercial bias in the activity' })
  @IsBoolean()
  commercialBias!: boolean;

  @ApiProperty({ required: false, maxLength: 5000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  comments?: string;
}

export class EvaluationResultView {
  @ApiProperty() certificateId!: string;
}

export class GrantAttemptsView {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() extraAttempts!: number;
  @ApiProperty() attemptsRemaining!: number;
}
