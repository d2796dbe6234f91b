import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<FieldError | Record<string, unknown>>;
  [extra: string]: unknown;
}

export const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error answered as application/problem+json (RFC 9457). */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly extras: {
      errors?: ProblemBody['errors'];
      headers?: Record<string, string>;
      [key: string]: unknown;
    } = {},
  ) {
    super(detail, status);
  }

  body(): ProblemBody {
    const status = this.getStatus();
    const { headers: _headers, ...extras } = this.extras;
    return {
      type: 'about:blank',
      title: STATUS_TITLES[status] ?? 'Error',
      status,
      detail: this.message,
      ...extras,
    };
  }
}

export const Problems = {
  invalid: (errors: FieldError[], detail = 'The request has invalid fields.') =>
    new ProblemException(400, detail, { errors }),
  invalidField: (field: string, message: string) =>
    new ProblemException(400, 'The request has invalid fields.', { errors: [{ field, message }] }),
  unauthorized: (detail = 'Authentication is required.') => new ProblemException(401, detail),
  forbidden: (detail = 'Your role does not allow this.') => new ProblemException(403, detail),
  notFound: (what = 'resource') => new ProblemException(404, `No such ${what}.`),
  conflict: (detail: string) => new ProblemException(409, detail),
  gone: (detail: string) => new ProblemException(410, detail),
  unprocessable: (detail: string, errors: ProblemBody['errors']) =>
    new ProblemException(422, detail, { errors }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ProblemException(429, 'Too many attempts. Try again later.', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    }),
  unavailable: (detail: string) => new ProblemException(503, detail),
};
