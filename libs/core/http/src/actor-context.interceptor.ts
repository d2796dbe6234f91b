import { CallHandler, ExecutionContext as NestContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Actor, ExecutionContext } from '@beacon/core/database';

/** Puts the verified actor into async-local context for the rest of the request. */
@Injectable()
export class ActorContextInterceptor implements NestInterceptor {
  intercept(context: NestContext, next: CallHandler): Observable<unknown> {
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user ?? null;
    return ExecutionContext.run(actor, () => next.handle());
  }
}
