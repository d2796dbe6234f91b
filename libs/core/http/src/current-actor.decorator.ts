import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@beacon/core/database';
import { Problems } from './problem.exception';

/** The verified actor; throws when the authentication guard did not set one. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
  if (!actor) throw Problems.unauthorized();
  return actor;
});
