import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseBusy } from '@beacon/core/database';
import { ProblemBody, ProblemException, STATUS_TITLES } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const RETRY_AFTER_SECONDS = 5;

export function sendProblem(res: Response, body: ProblemBody, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Turns every error into problem+json; unexpected errors are logged and answered without any internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof ProblemException) {
      sendProblem(res, exception.body(), exception.extras.headers ?? {});
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      sendProblem(res, { type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail });
      return;
    }
    if (isDatabaseBusy(exception)) {
      // Load, not a fault: the caller may try again shortly (a 500 would say the request itself is broken).
      this.logger.warn({ reason: (exception as Error).message }, 'Database busy: answered 503');
      sendProblem(
        res,
        {
          type: 'about:blank',
          title: STATUS_TITLES[503],
          status: 503,
          detail: 'The service is busy. Try again in a few seconds.',
        },
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
      return;
    }
    this.logger.error(
      exception instanceof Error ? exception : { error: String(exception) },
      'Unhandled error',
    );
    sendProblem(res, {
      type: 'about:blank',
      title: STATUS_TITLES[500],
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  }
}
