import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { EmailField, NameField, OptionalNameField } from '@beacon/core/http';

const MAX_PASSWORD = 1024;

export class LoginDto {
  @EmailField()
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD)
  password!: string;

  @ApiPropertyOptional({
    description: 'Bind the session to this organization (the person must be a member).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class SwitchOrganizationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(MAX_PASSWORD)
  newPassword!: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @OptionalNameField({ description: 'Your name, for a new account.' })
  name?: string;

  @ApiProperty({ description: 'A new password (at least 12 characters), or your existing account password.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD)
  password!: string;
}

export class PasswordResetRequestDto {
  @EmailField()
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(MAX_PASSWORD)
  password!: string;
}

class SessionUserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

class MembershipSummaryView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class MeResponse {
  @ApiProperty({ type: SessionUserView }) user!: SessionUserView;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) platformRoles!: string[];
  @ApiProperty({ type: [MembershipSummaryView] }) memberships!: MembershipSummaryView[];
}

export class SessionResponse extends MeResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
}

export class UpdateMeDto {
  @NameField()
  name!: string;
}
