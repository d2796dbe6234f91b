import { Body, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@beacon/core/database';
import {
  AllowWithoutMembership,
  CurrentActor,
  Endpoint,
  OwnTransactions,
  Public,
  SignedIn,
} from '@beacon/core/http';
import { AuthService } from '../auth/auth.service';
import { LocalAuthGuard } from '../auth/local-auth.guard';
import { PasswordResetService } from '../auth/password-reset.service';
import { SessionService } from '../auth/session.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
  SessionResponse,
  SwitchOrganizationDto,
} from '../dto/auth.dto';
import type { UserRow } from '../user.repository';

@ApiTags('Auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @Endpoint({
    summary: 'Sign in with email and password',
    description: 'Wrong email or password: the same 401. Repeated failures: 429 with Retry-After.',
    type: SessionResponse,
    errors: [429],
  })
  login(@Req() req: Request & { user: UserRow }, @Body() body: LoginDto) {
    return this.auth.login(req.user, body.organizationId);
  }

  @Post('refresh')
  @Public()
  @Endpoint({
    summary: 'Rotate a refresh token; reusing a spent one revokes its whole family',
    type: SessionResponse,
  })
  refresh(@Body() body: RefreshDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @Endpoint({ summary: 'Revoke the session (refresh-token family)', status: 204 })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.sessions.revokeFamilyOf(body.refreshToken);
  }

  @Post('switch')
  @SignedIn()
  @Endpoint({ summary: 'Bind a new session to another of your organizations', type: SessionResponse })
  switch(@CurrentActor() actor: Actor, @Body() body: SwitchOrganizationDto) {
    return this.sessions.switchTo(actor.userId, body.organizationId);
  }

  @Post('password')
  @SignedIn()
  @AllowWithoutMembership()
  // The new password is hashed (~50 ms) outside any transaction.
  @OwnTransactions()
  @Endpoint({ summary: 'Change your password; your other sessions are revoked', status: 204 })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Post('invitations/accept')
  @Public()
  @Endpoint({
    summary: 'Accept an invitation',
    description: 'A new person sets a password; an existing account proves its own password (401 otherwise).',
    type: SessionResponse,
    errors: [404, 410],
  })
  acceptInvitation(@Body() body: AcceptInvitationDto) {
    return this.auth.acceptInvitation(body.token, body.password, body.name);
  }

  @Post('password-reset')
  @Public()
  @Endpoint({ summary: 'Ask for a password reset mail (always 202; at most 3 mails per hour)', status: 202 })
  requestPasswordReset(@Body() body: PasswordResetRequestDto): void {
    this.passwordResets.request(body.email);
  }

  @Post('password-reset/confirm')
  @Public()
  @Endpoint({ summary: 'Set a new password with a reset token', status: 204, errors: [404, 410] })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordResets.confirm(body.token, body.password);
  }
}
