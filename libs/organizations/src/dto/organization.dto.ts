import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { EmailField, NameField } from '@beacon/core/http';
import { IsTimeZone } from '../timezone.validator';

export class FirstAdminDto {
  @EmailField()
  email!: string;

  @NameField()
  name!: string;
}

export class CreateOrganizationDto {
  @NameField({ example: 'St. Mary Health' })
  name!: string;

  @ApiProperty({ example: 'st-mary', description: '3–63 of a-z, 0-9 and -' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,63}$/, { message: 'slug must be 3–63 characters of a-z, 0-9 and -' })
  slug!: string;

  @ApiProperty({ example: 'America/Chicago' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ type: FirstAdminDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin!: FirstAdminDto;
}

export class OrganizationView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() createdAt!: string;
}

export class OrganizationPage {
  @ApiProperty({ type: [OrganizationView] }) items!: OrganizationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
