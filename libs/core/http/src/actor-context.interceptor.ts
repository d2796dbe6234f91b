import { CallHandler, ExecutionContext as NestContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, concatMap, finalize, from, Observable, throwError } from 'rxjs';
import { Actor, ExecutionContext } from '@beacon/core/database';
import { requestTransactionOf } from './request-transaction';

/**
 * Puts the verified actor into async-local context for the rest of the request. When the actor check opened the
 * request's transaction, the handler runs in it: committed before the answer is sent, rolled back on any error.
 */
@Injectable()
export class ActorContextInterceptor implements NestInterceptor {
  intercept(context: NestContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const actor = req.user ?? null;
    const transaction = requestTransactionOf(req);
    if (!transaction?.open) return ExecutionContext.run(actor, () => next.handle());
    transaction.adopt();
    return ExecutionContext.runWith(
      { actor, ...transaction.scope, manager: transaction.manager, shared: true },
      () =>
        next.handle().pipe(
          concatMap(async (value: unknown) => {
            await transaction.commit();
            return value;
          }),
          catchError((error: unknown) =>
            from(transaction.rollback().catch(() => undefined)).pipe(
              concatMap(() => throwError(() => error)),
            ),
          ),
          // Ended without a value or an error (unsubscribed): nothing to commit; the connection goes back.
          finalize(() => void transaction.rollback().catch(() => undefined)),
        ),
    );
  }
}
