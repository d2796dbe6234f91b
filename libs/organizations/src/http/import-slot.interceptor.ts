import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import type { Actor } from '@beacon/core/database';
import { ProblemException, Problems } from '@beacon/core/http';
import { IMPORT_RETRY_AFTER_SECONDS, ImportSlots } from './import-slots.service';

const REFUSALS = {
  organization: 'Another roster import of this organization is running. Try again when it has finished.',
  process: 'Too many roster imports are running. Try again in a few seconds.',
};

/**
 * Takes an import slot before the file is read (list it before the upload interceptor), and gives it back when the
 * answer is done, whatever it is. Without a free slot: 429 with Retry-After, and the file is not read at all.
 */
@Injectable()
export class ImportSlotInterceptor implements NestInterceptor {
  constructor(private readonly slots: ImportSlots) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = context.switchToHttp().getRequest<Request & { user?: Actor }>().user;
    if (!actor?.organizationId) throw Problems.unauthorized();
    const slot = this.slots.acquire(actor.organizationId);
    if (typeof slot === 'string') {
      throw new ProblemException(429, REFUSALS[slot], {
        headers: { 'Retry-After': String(IMPORT_RETRY_AFTER_SECONDS) },
      });
    }
    return next.handle().pipe(finalize(slot));
  }
}
