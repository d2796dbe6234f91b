import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NameField, OptionalNameField, PageQuery, QueryBoolean, Trim } from '@beacon/core/http';
import { IsTimeZone } from '../timezone.validator';

export const SITE_KINDS = ['hospital', 'satellite_clinic', 'other'] as const;
export const DEPARTMENT_KINDS = ['emergency', 'urgent_care', 'primary_care', 'inpatient', 'other'] as const;

export class CreateSiteDto {
  @NameField({ example: 'St. Mary Main Campus' })
  name!: string;

  @ApiProperty({ enum: SITE_KINDS })
  @IsIn(SITE_KINDS, { message: `kind must be one of: ${SITE_KINDS.join(', ')}` })
  kind!: string;

  @ApiPropertyOptional({
    example: 'America/Chicago',
    description: "Defaults to the organization's time zone.",
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  address?: string | null;
}

export class UpdateSiteDto {
  @OptionalNameField()
  name?: string;

  @ApiPropertyOptional({ enum: SITE_KINDS })
  @IsOptional()
  @IsIn(SITE_KINDS, { message: `kind must be one of: ${SITE_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  address?: string | null;
}

export class SiteListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}

export class SiteView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SITE_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ nullable: true, type: String }) archivedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class SitePage {
  @ApiProperty({ type: [SiteView] }) items!: SiteView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateDepartmentDto {
  @ApiProperty()
  @IsUUID('all', { message: 'siteId must be the id of a site' })
  siteId!: string;

  @NameField({ example: 'Emergency Department' })
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  @IsIn(DEPARTMENT_KINDS, { message: `kind must be one of: ${DEPARTMENT_KINDS.join(', ')}` })
  kind!: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be the id of a site' })
  siteId?: string;

  @OptionalNameField()
  name?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS, { message: `kind must be one of: ${DEPARTMENT_KINDS.join(', ')}` })
  kind?: string;
}

export class DepartmentListQuery extends SiteListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;
}

export class DepartmentView {
  @ApiProperty() id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEPARTMENT_KINDS }) kind!: string;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ nullable: true, type: String }) archivedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class DepartmentPage {
  @ApiProperty({ type: [DepartmentView] }) items!: DepartmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
