import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@beacon/core/http';
import {
  APPROVAL_MODES,
  CONFIDENCE_LEVELS,
  LICENSE_TYPE_CODES,
  REQUIREMENT_FREQUENCIES,
  REQUIREMENT_SCOPES,
} from '../requirements/state-requirement.types';

export class StateRequirementQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'TX', description: 'Two-letter US state code (either case)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter state code such as TX' })
  state?: string;
}

export class RequirementSourceView {
  @ApiProperty({ example: '26 TAC §370.1 (Legal Information Institute)' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: 'https://law.cornell.edu' }) url!: string | null;
}

export class StateRequirementView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'tx-practitioners', description: 'Stable key of the rule' }) code!: string;
  @ApiProperty({ example: 'TX' }) state!: string;
  @ApiProperty({
    enum: REQUIREMENT_SCOPES,
    description:
      'licensee: each license holder; facility: a facility and its staff (or a posting); none: no rule',
  })
  scope!: string;
  @ApiProperty({
    type: [String],
    example: ['RN', 'LVN'],
    description: `Normalized license type codes the rule names: ${Object.keys(LICENSE_TYPE_CODES).join(', ')}`,
  })
  licenseTypes!: string[];
  @ApiProperty({ description: 'Who the rule covers, in words' }) licenseTypesDescription!: string;
  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'null: the sources state no hours' })
  hours!: number | null;
  @ApiProperty({ nullable: true, type: String }) hoursNote!: string | null;
  @ApiProperty({ nullable: true, enum: REQUIREMENT_FREQUENCIES, description: 'null when scope is none' })
  frequency!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Set for every_n_renewals only' })
  everyNRenewals!: number | null;
  @ApiProperty({ nullable: true, type: String }) frequencyNote!: string | null;
  @ApiProperty({ enum: APPROVAL_MODES }) approvalMode!: string;
  @ApiProperty({ nullable: true, type: String }) approvalNote!: string | null;
  @ApiProperty({ description: 'What the training (or posting) must cover' }) contentSummary!: string;
  @ApiProperty({ type: [RequirementSourceView] }) sources!: RequirementSourceView[];
  @ApiProperty({
    enum: CONFIDENCE_LEVELS,
    description:
      'H: statute or rule text seen; M: official summary or agreeing secondary sources; L: secondary only',
  })
  confidence!: string;
  @ApiProperty({ description: 'Part of this rule is unconfirmed (see note): do not apply it as settled' })
  unconfirmed!: boolean;
  @ApiProperty({ description: 'Unconfirmed, or confidence below H: review before relying on it' })
  needsReview!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'What is unconfirmed or needs review' })
  note!: string | null;
  @ApiProperty({ example: '2026-12-03', description: 'When the rule was last checked against its sources' })
  reviewedOn!: string;
}

export class StateRequirementPage {
  @ApiProperty({ type: [StateRequirementView] }) items!: StateRequirementView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
