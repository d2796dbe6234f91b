import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ORGANIZATION_ROLES, OrganizationRole } from '@beacon/core/database';
import { NormalizeEmail, PageQuery, Trim } from '@beacon/core/http';
import { MEMBER_LOCALES, MemberFieldRule, MemberLocale } from '../members/member-field.rules';

export const MEMBER_STATUSES = ['invited', 'active', 'deactivated'] as const;

export class LicenseDto {
  @ApiProperty({ example: 'RN' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MemberFieldRule('licenseType', 'license.type')
  type!: string;

  @ApiProperty({ example: 'TX', description: 'Two-letter US state or territory code' })
  @Trim()
  @MemberFieldRule('licenseState', 'license.state')
  state!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @MemberFieldRule('licenseNumber', 'license.number')
  number?: string | null;

  @ApiPropertyOptional({ example: '2027-06-30', nullable: true, type: String })
  @IsOptional()
  @MemberFieldRule('licenseExpiresOn', 'license.expiresOn')
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
  @MemberFieldRule('jobTitle')
  jobTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MemberFieldRule('employeeId')
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

  @ApiPropertyOptional({
    enum: MEMBER_LOCALES,
    nullable: true,
    description: 'The language of their mail until they choose one (null: en)',
  })
  @IsOptional()
  @MemberFieldRule('locale')
  locale?: MemberLocale | null;
}

export class CreateMemberDto extends MemberFieldsDto {
  @ApiProperty({ example: 'nurse@hospital.org' })
  @NormalizeEmail()
  @MemberFieldRule('email')
  email!: string;

  @ApiProperty({
    example: 'Alex Rivera',
    description: 'The name this organization sees until the person accepts its invitation',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MemberFieldRule('name')
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
  @ApiProperty() email!: string;
  @ApiProperty({
    description:
      "The name the organization entered until the person accepts its invitation, then the person's own",
  })
  name!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true }) roles!: OrganizationRole[];
  @ApiProperty({ enum: MEMBER_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) siteId!: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) managerId!: string | null;
  @ApiProperty({ nullable: true, type: LicenseView }) license!: LicenseView | null;
  @ApiProperty({ enum: MEMBER_LOCALES, nullable: true, type: String }) locale!: MemberLocale | null;
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
