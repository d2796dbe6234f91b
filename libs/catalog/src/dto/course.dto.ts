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

export class CourseSourceView {
  @ApiProperty({ example: 'Trafficking Victims Protection Act definitions, 22 U.S.C. § 7102' })
  title!: string;
  @ApiProperty({ example: 'https://www.law.cornell.edu/uscode/text/22/7102' }) url!: string;
}

export const FACULTY_ROLES = ['author', 'planner', 'faculty', 'reviewer'];

export class FacultyMemberView {
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'PhD, MHS', description: 'Degrees and titles as the person writes them' })
  credentials!: string;
  @ApiProperty() affiliation!: string;
  @ApiProperty({ enum: FACULTY_ROLES, isArray: true }) roles!: string[];
}

export class DisclosedRelationshipView {
  @ApiProperty({ description: 'A person in control of the content' }) name!: string;
  @ApiProperty({ example: 'None', description: 'What they disclosed; `None` when nothing relevant' })
  relationship!: string;
}

export class DisclosuresView {
  @ApiProperty({ description: 'Shown to the learner before the activity starts' }) statement!: string;
  @ApiProperty({ type: [DisclosedRelationshipView] }) relationships!: DisclosedRelationshipView[];
  @ApiProperty({ example: 'This activity received no commercial support.' }) commercialSupport!: string;
}

export class ContactHourMethodView {
  @ApiProperty({ enum: ['word_count', 'pilot_test'] }) method!: string;
  @ApiProperty({ description: 'How the minutes were arrived at, with the figures' }) description!: string;
  @ApiProperty({ example: 60, description: 'The result; creditHours is these minutes / 60' })
  minutes!: number;
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
  @ApiProperty({
    type: [Number],
    example: [3, 3, 2, 2],
    description:
      'Questions each attempt draws per objective (objective order), summing to questionsPerAttempt',
  })
  questionsPerObjective!: number[];
  @ApiProperty({ type: [String] }) accreditationStatements!: string[];
  @ApiProperty({ description: "The learner's evaluation of the activity is required before the certificate" })
  requiresEvaluation!: boolean;
  @ApiProperty() providerName!: string;
  @ApiProperty() providerAddress!: string;
  @ApiProperty({ type: [CourseSourceView], description: 'The references behind the content' })
  sources!: CourseSourceView[];
  @ApiProperty({
    type: [FacultyMemberView],
    description: 'Everyone in control of the content: planners, authors, faculty, reviewers',
  })
  faculty!: FacultyMemberView[];
  @ApiProperty({
    type: DisclosuresView,
    nullable: true,
    description: 'Financial-relationship disclosures (null for versions published before the activity file)',
  })
  disclosures!: DisclosuresView | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-03' })
  releaseDate!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2029-12-02',
    description: 'The last day the course takes new cohorts',
  })
  expiresOn!: string | null;
  @ApiProperty({ type: ContactHourMethodView, nullable: true })
  contactHourMethod!: ContactHourMethodView | null;
  @ApiProperty({ type: String, nullable: true }) targetAudience!: string | null;
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
