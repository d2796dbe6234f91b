import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemBody, ProblemException, STATUS_TITLES } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

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
