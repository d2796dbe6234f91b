import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  LoginDto,
  LogoutDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
  SessionResponse,
  SwitchOrganizationDto,
} from '../dto/auth.dto';
import type { UserRow } from '../user.repository';
import { BrowserSessions } from './browser-sessions.service';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, SESSION_MARKER_COOKIE_NAME } from './refresh-cookie';

const SET_COOKIE = {
  'Set-Cookie':
    `With "cookie": true, the refresh token: ${REFRESH_COOKIE_NAME}=<token>; Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict, with Max-Age (REFRESH_TOKEN_TTL) when remembered, else a session cookie. ` +
    `Beside it, with the same lifetime, ${SESSION_MARKER_COOKIE_NAME}=1; Path=/; Secure; SameSite=Strict (readable by the page, holds nothing secret): a page load without it has no session to restore.`,
};
const COOKIE_READ =
  `Without refreshToken in the body, the ${REFRESH_COOKIE_NAME} cookie is read; a token from the cookie is ` +
  'answered in the cookie again.';

@ApiTags('Auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly browserSessions: BrowserSessions,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @Endpoint({
    summary: 'Sign in with email and password',
    description:
      'Wrong email or password: the same 401. Repeated failures: 429 with Retry-After. With "cookie": true the ' +
      'refresh token is set as a cookie instead of answered (a session the cookie held before is ended).',
    type: SessionResponse,
    headers: SET_COOKIE,
    errors: [429],
  })
  login(
    @Req() req: Request & { user: UserRow },
    @Res({ passthrough: true }) res: Response,
    @Body() body: LoginDto,
  ) {
    return this.browserSessions.login(req, res, req.user, body);
  }

  @Post('refresh')
  @Public()
  @Endpoint({
    summary: 'Rotate a refresh token; reusing a spent one revokes its whole family',
    description: `${COOKIE_READ} A 401 for a token from the cookie clears the cookie.`,
    type: SessionResponse,
    headers: SET_COOKIE,
  })
  refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: RefreshDto) {
    return this.browserSessions.refresh(req, res, body);
  }

  @Post('logout')
  @Public()
  @Endpoint({
    summary: 'Revoke the session (refresh-token family)',
    description: `Without refreshToken in the body, the ${REFRESH_COOKIE_NAME} cookie is read, and cleared.`,
    status: 204,
    headers: {
      'Set-Cookie': `Without refreshToken in the body: ${REFRESH_COOKIE_NAME}=; Max-Age=0 and ${SESSION_MARKER_COOKIE_NAME}=; Max-Age=0 (cleared).`,
    },
  })
  async logout(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: LogoutDto,
  ): Promise<void> {
    await this.browserSessions.logout(req, res, body);
  }

  @Post('switch')
  @SignedIn()
  @Endpoint({
    summary: 'Bind a new session to another of your organizations',
    description:
      'With "cookie": true the new refresh token replaces the cookie, and the session the cookie held is ended.',
    type: SessionResponse,
    headers: SET_COOKIE,
  })
  switch(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: SwitchOrganizationDto,
  ) {
    return this.browserSessions.switch(req, res, actor, body);
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
    description:
      'A new person sets a password; an existing account proves its own password (401 otherwise). ' +
      'With "cookie": true the refresh token is set as a cookie instead of answered.',
    type: SessionResponse,
    headers: SET_COOKIE,
    errors: [404, 410],
  })
  acceptInvitation(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: AcceptInvitationDto,
  ) {
    return this.browserSessions.acceptInvitation(req, res, body);
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
