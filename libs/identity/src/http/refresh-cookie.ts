import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { readCookie } from '@beacon/core/http';

export const REFRESH_COOKIE_NAME = 'beacon_refresh';
/** Sent only to the auth endpoints (refresh, logout, switch…), never with the rest of the api's requests. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const ATTRIBUTES: CookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: REFRESH_COOKIE_PATH,
};

/**
 * Set and cleared with the refresh cookie, readable by the page: a page load with no session skips the refresh
 * that would only answer 401 (which browsers log as an error). Its value is a constant, so it tells a script
 * nothing beyond "this browser holds a session cookie"; the token stays HttpOnly.
 */
export const SESSION_MARKER_COOKIE_NAME = 'beacon_session';
const MARKER_VALUE = '1';
const MARKER_ATTRIBUTES: CookieOptions = { ...ATTRIBUTES, httpOnly: false, path: '/' };

/** The browser's refresh token: an HttpOnly cookie the page's scripts never see. */
@Injectable()
export class RefreshCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The token the request's cookie holds; an empty cookie counts as none. */
  read(req: Request): string | null {
    return readCookie(req.headers.cookie, REFRESH_COOKIE_NAME) || null;
  }

  /** A session cookie, or one that lasts as long as the refresh token when the person asked to be remembered. */
  set(res: Response, token: string, remember: boolean): void {
    const lifetime: CookieOptions = remember ? { maxAge: this.config.refreshTokenTtlSeconds * 1000 } : {};
    res.cookie(REFRESH_COOKIE_NAME, token, { ...ATTRIBUTES, ...lifetime });
    res.cookie(SESSION_MARKER_COOKIE_NAME, MARKER_VALUE, { ...MARKER_ATTRIBUTES, ...lifetime });
  }

  clear(res: Response): void {
    res.cookie(REFRESH_COOKIE_NAME, '', { ...ATTRIBUTES, maxAge: 0 });
    res.cookie(SESSION_MARKER_COOKIE_NAME, '', { ...MARKER_ATTRIBUTES, maxAge: 0 });
  }
}
