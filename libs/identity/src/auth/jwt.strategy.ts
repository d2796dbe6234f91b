import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '@beacon/core/database';
import { attachRequestTransaction, Problems, wantsRequestTransaction } from '@beacon/core/http';
import { accessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './access-token.claims';
import { AccessTokenService } from './access-token.service';
import { ActorLoader } from './actor-loader.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    tokens: AccessTokenService,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject; passport-jwt's types only name string | Buffer.
      secretOrKey: tokens.key as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      passReqToCallback: true,
    });
  }

  async validate(req: Request, payload: unknown): Promise<Actor> {
    const claims = accessTokenClaims(payload);
    if (!claims) throw Problems.unauthorized('The access token is not valid.');
    const { actor, transaction } = await this.actors.load(claims, wantsRequestTransaction(req));
    if (transaction) attachRequestTransaction(req, transaction);
    return actor;
  }
}
