import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAIL_LOCALES, type MailLocale } from '@beacon/core/mail';
import { EmailField, OptionalNameField, Trim } from '@beacon/core/http';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '../http/refresh-cookie';
import { ESCALATION_DIGESTS, type EscalationDigest } from '../user.repository';

const MAX_PASSWORD = 1024;

/** A field a request may leave out, but not set to null. */
const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** `"cookie": true`: a browser's session, whose refresh token goes into an HttpOnly cookie instead of the body. */
const CookieField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: Boolean,
      default: false,
      description:
        `For browsers: the answer leaves out \`refreshToken\` and sets it as the cookie \`${REFRESH_COOKIE_NAME}\` ` +
        `(HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}), which refresh and logout then read.`,
    }),
    IfGiven(),
    IsBoolean({ message: 'cookie must be true or false' }),
  );

/** `"remember": true`: the cookie outlives the browser (REFRESH_TOKEN_TTL) instead of ending with it. */
const RememberField = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IfGiven(),
    IsBoolean({ message: 'remember must be true or false' }),
  );

const REMEMBER_AT_SIGN_IN =
  'With `cookie`: keep me signed in. The cookie then lasts REFRESH_TOKEN_TTL (30 days) and each refresh renews it; ' +
  'without, it is a session cookie that ends with the browser. Default false.';

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

  @CookieField()
  cookie?: boolean;

  @RememberField(REMEMBER_AT_SIGN_IN)
  remember?: boolean;
}

/** A refresh token in the body; without one, the session cookie is read. */
const RefreshTokenField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description: `Required unless the request carries the \`${REFRESH_COOKIE_NAME}\` cookie, which is read when this is left out.`,
      maxLength: 200,
    }),
    IfGiven(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );

export class RefreshDto {
  @RefreshTokenField()
  refreshToken?: string;

  @CookieField()
  cookie?: boolean;

  @RememberField(
    'With the cookie: change the keep-me-signed-in choice. Left out, a refresh keeps the choice made at sign-in.',
  )
  remember?: boolean;
}

export class LogoutDto {
  @RefreshTokenField()
  refreshToken?: string;
}

export class SwitchOrganizationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId!: string;

  @CookieField()
  cookie?: boolean;

  @RememberField(
    'With `cookie`: keep me signed in. Left out, the new session keeps the choice of the one in the cookie.',
  )
  remember?: boolean;
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

  @CookieField()
  cookie?: boolean;

  @RememberField(REMEMBER_AT_SIGN_IN)
  remember?: boolean;
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

export class SessionBodyView {
  @ApiProperty({ type: SessionUserView }) user!: SessionUserView;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) platformRoles!: string[];
  @ApiProperty({ type: [MembershipSummaryView] }) memberships!: MembershipSummaryView[];
}

class PreferencesView {
  @ApiProperty({
    enum: MAIL_LOCALES,
    description: 'The language of my mail: my choice, else what the bound organization entered, else en.',
  })
  locale!: MailLocale;

  @ApiProperty({
    enum: ESCALATION_DIGESTS,
    description: 'How often I get the overdue-reports mail (default daily).',
  })
  escalationDigest!: EscalationDigest;
}

export class MeResponse extends SessionBodyView {
  @ApiProperty({ type: PreferencesView }) preferences!: PreferencesView;
}

export class SessionResponse extends SessionBodyView {
  @ApiProperty() accessToken!: string;
  @ApiPropertyOptional({ description: 'Left out when the request asked for the cookie (`"cookie": true`).' })
  refreshToken?: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: MAIL_LOCALES })
  @IfGiven()
  @IsIn(MAIL_LOCALES, { message: `preferences.locale must be one of: ${MAIL_LOCALES.join(', ')}` })
  locale?: MailLocale;

  @ApiPropertyOptional({ enum: ESCALATION_DIGESTS })
  @IfGiven()
  @IsIn(ESCALATION_DIGESTS, {
    message: `preferences.escalationDigest must be one of: ${ESCALATION_DIGESTS.join(', ')}`,
  })
  escalationDigest?: EscalationDigest;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Alex Rivera', maxLength: 200 })
  @IfGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: UpdatePreferencesDto })
  @IfGiven()
  @IsObject({ message: 'preferences must be an object { locale?, escalationDigest? }' })
  @ValidateNested()
  @Type(() => UpdatePreferencesDto)
  preferences?: UpdatePreferencesDto;
}
