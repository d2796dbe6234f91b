import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@beacon/core/database';
import { ACCESS_KEY, AccessRule, PUBLIC_KEY, WITHOUT_MEMBERSHIP_KEY } from './access.decorator';
import { Problems } from './problem.exception';

/** Enforces @Access rules after authentication; a route with neither @Access nor @Public is refused. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) throw Problems.forbidden('This endpoint is not open to anyone.');
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor) throw Problems.unauthorized();
    if (actor.restricted && !this.reflector.getAllAndOverride<boolean>(WITHOUT_MEMBERSHIP_KEY, targets)) {
      throw Problems.forbidden('You have no active membership in any organization.');
    }
    if (isAllowed(actor, rule)) return true;
    throw Problems.forbidden();
  }
}

export function isAllowed(actor: Actor, rule: AccessRule): boolean {
  const open =
    (rule.org === undefined || rule.org.length === 0) &&
    (rule.platform === undefined || rule.platform.length === 0);
  if (open) return true;
  const byOrg = actor.organizationId !== null && (rule.org ?? []).some((role) => actor.roles.includes(role));
  const byPlatform = (rule.platform ?? []).some((role) => actor.platformRoles.includes(role));
  return byOrg || byPlatform;
}
