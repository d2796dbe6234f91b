import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ORGANIZATION_ROLES, OrganizationRole } from '@beacon/core/database';
import { EmailField, NameField, PageQuery, Trim } from '@beacon/core/http';

export const MEMBER_STATUSES = ['invited', 'active', 'deactivated'] as const;

export class LicenseDto {
  @ApiProperty({ example: 'RN' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type!: string;

  @ApiProperty({ example: 'TX', description: 'Two-letter US state or territory code' })
  @Trim()
  @Matches(/^[A-Z]{2}$/, { message: 'license.state must be a two-letter state code such as TX' })
  state!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  number?: string | null;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'license.expiresOn must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'license.expiresOn must be a date (YYYY-MM-DD)' })
  expiresOn?: string | null;
}

const ROLE_MESSAGE = `roles must be among: ${ORGANIZATION_ROLES.join(', ')}`;

class MemberFieldsDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ORGANIZATION_ROLES, { each: true, message: ROLE_MESSAGE })
  roles?: OrganizationRole[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be the id of a site' })
  siteId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be the id of a department' })
  departmentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employeeId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be the id of a member' })
  managerId?: string | null;

  @ApiPropertyOptional({ type: LicenseDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LicenseDto)
  license?: LicenseDto | null;
}

export class CreateMemberDto extends MemberFieldsDto {
  @EmailField()
  email!: string;

  @NameField()
  name!: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Send an invitation now (default). false: active, no login yet.',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean;
}

/** Membership fields only: a person's global email and name are not the organization's to change. */
export class UpdateMemberDto extends MemberFieldsDto {}

export class MemberListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES })
  @IsOptional()
  @IsIn(ORGANIZATION_ROLES, { message: `role must be one of: ${ORGANIZATION_ROLES.join(', ')}` })
  role?: OrganizationRole;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES, { message: `status must be one of: ${MEMBER_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ description: 'Search in name and email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

class LicenseView {
  @ApiProperty() type!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresOn!: string | null;
}

export class MemberView {
  @ApiProperty({ description: 'The membership id' }) id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true }) roles!: OrganizationRole[];
  @ApiProperty({ enum: MEMBER_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) siteId!: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) managerId!: string | null;
  @ApiProperty({ nullable: true, type: LicenseView }) license!: LicenseView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class InvitationSentView {
  @ApiProperty() invitationId!: string;
  @ApiProperty() status!: string;
}
