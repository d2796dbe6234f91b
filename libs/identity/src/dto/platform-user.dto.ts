import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { PLATFORM_ROLES, PlatformRole } from '@beacon/core/database';
import { EmailField, NameField } from '@beacon/core/http';

export class CreatePlatformUserDto {
  @EmailField()
  email!: string;

  @NameField()
  name!: string;

  @ApiProperty({ enum: PLATFORM_ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PLATFORM_ROLES, { each: true, message: `platformRoles must be among: ${PLATFORM_ROLES.join(', ')}` })
  platformRoles!: PlatformRole[];
}

export class PlatformUserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLATFORM_ROLES, isArray: true }) platformRoles!: string[];
}

export class PlatformUserPage {
  @ApiProperty({ type: [PlatformUserView] }) items!: PlatformUserView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
