import { isUuid } from '@beacon/core/http';
import type { AccessTokenClaims } from './access-token.service';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'beacon';

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * The claims of a verified access token, or null when a claim this app always signs is missing or has the wrong
 * type. The signature alone is not enough: a token without `exp` would be valid forever, and a `sub` or `sid`
 * that is not a UUID would reach SQL as one.
 */
export function accessTokenClaims(payload: unknown): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { exp, iat, iss, sub, sid, org } = payload as Record<string, unknown>;
  if (!isNumericDate(exp) || !isNumericDate(iat) || iss !== JWT_ISSUER) return null;
  if (!isUuid(sub) || !isUuid(sid)) return null;
  if (org === null) return { sub: sub.toLowerCase(), org: null, sid: sid.toLowerCase() };
  if (!isUuid(org)) return null;
  return { sub: sub.toLowerCase(), org: org.toLowerCase(), sid: sid.toLowerCase() };
}
