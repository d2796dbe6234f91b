import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@beacon/core/database';
import { ProblemException, Problems } from '@beacon/core/http';
import { AuthService } from '../auth/auth.service';
import { SessionBody, SessionService } from '../auth/session.service';
import type {
  AcceptInvitationDto,
  LoginDto,
  LogoutDto,
  RefreshDto,
  SwitchOrganizationDto,
} from '../dto/auth.dto';
import type { UserRow } from '../user.repository';
import { RefreshCookie } from './refresh-cookie';

/** The session body as answered: without `refreshToken` when it went into the cookie. */
export type SessionAnswer = SessionBody | Omit<SessionBody, 'refreshToken'>;

/**
 * Hands sessions to their client: in the body, or for a browser (`"cookie": true`) in the HttpOnly cookie that
 * refresh and logout read when the body names no token. A token that came from the cookie is answered in the cookie
 * again, never in a body the page's scripts could read.
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly cookie: RefreshCookie,
  ) {}

  async login(req: Request, res: Response, user: UserRow, body: LoginDto): Promise<SessionAnswer> {
    const remember = body.remember ?? false;
    const session = await this.auth.login(user, body.organizationId, remember);
    return this.deliver(req, res, session, body.cookie, remember);
  }

  async acceptInvitation(req: Request, res: Response, body: AcceptInvitationDto): Promise<SessionAnswer> {
    const remember = body.remember ?? false;
    const session = await this.auth.acceptInvitation(body.token, body.password, body.name, remember);
    return this.deliver(req, res, session, body.cookie, remember);
  }

  /** In the cookie, the new session keeps the keep-me-signed-in choice of the one it replaces unless told. */
  async switch(
    req: Request,
    res: Response,
    actor: Actor,
    body: SwitchOrganizationDto,
  ): Promise<SessionAnswer> {
    const current = body.cookie ? this.cookie.read(req) : null;
    const remember = body.remember ?? (current ? await this.sessions.rememberedBy(current) : null) ?? false;
    const session = await this.sessions.switchTo(actor.userId, body.organizationId, remember);
    return this.deliver(req, res, session, body.cookie, remember);
  }

  /** A refused cookie is cleared (the browser is signed out); other failures (a database down) leave it. */
  async refresh(req: Request, res: Response, body: RefreshDto): Promise<SessionAnswer> {
    const fromCookie = body.refreshToken === undefined ? this.cookie.read(req) : null;
    const token = body.refreshToken ?? fromCookie;
    const toCookie = body.cookie === true || fromCookie !== null;
    if (token === null) {
      if (!toCookie)
        throw Problems.invalidField('refreshToken', 'refreshToken is required without the cookie');
      this.cookie.clear(res);
      throw Problems.unauthorized('There is no session cookie.');
    }
    try {
      const { session, remember } = await this.sessions.refresh(token, body.remember);
      if (!toCookie) return session;
      // A body token moved into the cookie: the session the cookie held is ended, as at sign-in.
      const replaced = fromCookie === null ? this.cookie.read(req) : null;
      if (replaced !== null) await this.sessions.revokeFamilyReplacedBy(replaced, token);
      return this.toCookie(res, session, remember);
    } catch (error) {
      if (fromCookie !== null && error instanceof ProblemException && error.getStatus() === 401)
        this.cookie.clear(res);
      throw error;
    }
  }

  async logout(req: Request, res: Response, body: LogoutDto): Promise<void> {
    const token = body.refreshToken ?? this.cookie.read(req);
    if (token === null)
      throw Problems.invalidField('refreshToken', 'refreshToken is required without the cookie');
    await this.sessions.revokeFamilyOf(token);
    if (body.refreshToken === undefined) this.cookie.clear(res);
  }

  /**
   * With `cookie`, the token goes into the cookie. A browser holds one session: the one its cookie held before is
   * ended, not left alive where nobody can reach it (or sign it out).
   */
  private async deliver(
    req: Request,
    res: Response,
    session: SessionBody,
    cookie: boolean | undefined,
    remember: boolean,
  ): Promise<SessionAnswer> {
    if (!cookie) return session;
    const replaced = this.cookie.read(req);
    if (replaced !== null) await this.sessions.revokeFamilyOf(replaced);
    return this.toCookie(res, session, remember);
  }

  private toCookie(res: Response, session: SessionBody, remember: boolean): SessionAnswer {
    const { refreshToken, ...answer } = session;
    this.cookie.set(res, refreshToken, remember);
    return answer;
  }
}
