import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { keepRequestTransaction, OWN_TRANSACTIONS_KEY, Problems, PUBLIC_KEY } from '@beacon/core/http';

/** Global authentication: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    keepRequestTransaction(
      context.switchToHttp().getRequest<Request>(),
      !this.reflector.getAllAndOverride<boolean>(OWN_TRANSACTIONS_KEY, targets),
    );
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error) throw error;
    if (!user) throw Problems.unauthorized();
    return user;
  }
}
