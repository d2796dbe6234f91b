import { ApiProperty } from '@nestjs/swagger';

export class ModuleSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() estimatedMinutes!: number;
}

export class ModuleView extends ModuleSummaryView {
  @ApiProperty({ description: 'Markdown' }) body!: string;
}

export class CourseView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'HT-101' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 1 }) creditHours!: number;
  @ApiProperty({ type: [String], example: ['nursing_contact_hours'] }) creditTypes!: string[];
  @ApiProperty({
    example: 70,
    description: 'Minimum score (0–100) to pass, disclosed before the learner starts',
  })
  passingScore!: number;
  @ApiProperty({ example: 3 }) maxAttempts!: number;
  @ApiProperty() questionsPerAttempt!: number;
  @ApiProperty({ type: [String] }) objectives!: string[];
  @ApiProperty({ type: [String] }) accreditationStatements!: string[];
  @ApiProperty({ description: "The learner's evaluation of the activity is required before the certificate" })
  requiresEvaluation!: boolean;
  @ApiProperty() providerName!: string;
  @ApiProperty() providerAddress!: string;
  @ApiProperty({ type: [ModuleSummaryView] }) modules!: ModuleSummaryView[];
}

export class CourseDetailView extends CourseView {
  @ApiProperty({ type: [ModuleView] }) declare modules: ModuleView[];
}

export class CoursePage {
  @ApiProperty({ type: [CourseView] }) items!: CourseView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ChoiceKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() correct!: boolean;
}

export class QuestionKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ description: 'The learning objective the question assesses' }) objective!: string;
  @ApiProperty({ type: [ChoiceKeyView] }) choices!: ChoiceKeyView[];
  @ApiProperty() explanation!: string;
}

export class QuestionKeyPage {
  @ApiProperty({ type: [QuestionKeyView] }) items!: QuestionKeyView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
