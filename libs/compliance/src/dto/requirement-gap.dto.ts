import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@beacon/core/http';
import { LICENSE_CATEGORIES } from '../requirements/license-categories';
import { GAP_REASON_CODES, GAP_STATUSES } from '../requirements/requirement-gap.repository';
import {
  APPROVAL_MODES,
  CONFIDENCE_LEVELS,
  REQUIREMENT_FREQUENCIES,
} from '../requirements/state-requirement.types';

const upperCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class RequirementGapQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Members of this site (the member's site)" })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ description: "Members of this department (the member's department)" })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ example: 'TX', description: "The license's state: a two-letter code (either case)" })
  @IsOptional()
  @Transform(upperCase)
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter state code such as TX' })
  state?: string;

  @ApiPropertyOptional({
    enum: LICENSE_CATEGORIES,
    example: 'RN',
    description: "The license category read from the member's license type (either case)",
  })
  @IsOptional()
  @Transform(upperCase)
  @IsIn(LICENSE_CATEGORIES, { message: `licenseType must be one of: ${LICENSE_CATEGORIES.join(', ')}` })
  licenseType?: string;

  @ApiPropertyOptional({ enum: GAP_STATUSES, default: 'open', description: 'open (default), met or all' })
  @IsOptional()
  @IsIn(GAP_STATUSES, { message: `status must be one of: ${GAP_STATUSES.join(', ')}` })
  status?: (typeof GAP_STATUSES)[number];
}

class GapMemberView {
  @ApiProperty({ description: 'The membership id' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
}

class GapPlaceView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class GapLicenseView {
  @ApiProperty({ nullable: true, type: String, description: 'As entered or imported' }) type!: string | null;
  @ApiProperty({
    nullable: true,
    enum: LICENSE_CATEGORIES,
    description: 'The category read from the type; null: not recognised',
  })
  category!: string | null;
  @ApiProperty({ example: 'TX' }) state!: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-06-30' }) expiresOn!: string | null;
}

class GapRuleView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'fl-nurses' }) code!: string;
  @ApiProperty({ example: 'FL' }) state!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the sources state no hours' })
  hours!: number | null;
  @ApiProperty({ enum: REQUIREMENT_FREQUENCIES }) frequency!: string;
  @ApiProperty({ nullable: true, type: Number }) everyNRenewals!: number | null;
  @ApiProperty({ nullable: true, type: String }) frequencyNote!: string | null;
  @ApiProperty({ enum: APPROVAL_MODES }) approvalMode!: string;
  @ApiProperty({ enum: CONFIDENCE_LEVELS }) confidence!: string;
  @ApiProperty({ description: 'Part of the rule is unconfirmed (see note): do not apply it as settled' })
  unconfirmed!: boolean;
  @ApiProperty({ description: 'Unconfirmed, or confidence below H' }) needsReview!: boolean;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

class GapCertificateView {
  @ApiProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ example: 'HT-101' }) courseCode!: string;
  @ApiProperty({ example: '2026-12-03' }) completedOn!: string;
  @ApiProperty({ example: 1 }) creditHours!: number;
  @ApiProperty({ nullable: true, type: String, description: "The approval's reference, as configured" })
  approvalId!: string | null;
}

export class RequirementGapView {
  @ApiProperty({ type: GapMemberView }) member!: GapMemberView;
  @ApiProperty({ nullable: true, type: GapPlaceView }) site!: GapPlaceView | null;
  @ApiProperty({ nullable: true, type: GapPlaceView }) department!: GapPlaceView | null;
  @ApiProperty({ type: GapLicenseView }) license!: GapLicenseView;
  @ApiProperty({
    nullable: true,
    type: GapRuleView,
    description: 'null when the license type is not recognised (the state has licensee rules)',
  })
  rule!: GapRuleView | null;
  @ApiProperty({
    description: 'The rule is one the facts mark unconfirmed (rule.unconfirmed, on the row itself)',
  })
  unconfirmed!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-06-30',
    description:
      "The license's expiry, i.e. its next renewal, for every licensee rule: per-renewal rules are met within the " +
      'term ending then, one-time rules before it. A fixed historical deadline (FL: 2021-01-01 for those licensed ' +
      'then) is in rule.frequencyNote. null: the expiry is unknown.',
  })
  dueBy!: string | null;
  @ApiProperty({ description: 'Open and dueBy has passed' }) overdue!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Completions count from this day (the current period); null: any time (one-time rules)',
  })
  periodStart!: string | null;
  @ApiProperty({ enum: ['met', 'open'] }) status!: string;
  @ApiProperty({ nullable: true, enum: GAP_REASON_CODES }) reasonCode!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'HT-101 gives 1.0 h, FL requires 2.0 h',
    description: 'Why the gap is open, in words',
  })
  reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: GapCertificateView,
    description: 'The certificate that meets the rule',
  })
  satisfiedBy!: GapCertificateView | null;
}

export class RequirementGapPage {
  @ApiProperty({ type: [RequirementGapView] }) items!: RequirementGapView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
