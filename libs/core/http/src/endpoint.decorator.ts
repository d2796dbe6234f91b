import { HttpCode, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ProblemResponse } from './problem.schema';

export interface EndpointDoc {
  summary: string;
  description?: string;
  status?: number;
  /** The documented success response (a DTO class), when there is a body. */
  type?: unknown;
  /** The media type (or types) of a success body that is a file rather than JSON (e.g. application/pdf). */
  file?: string | readonly string[];
  errors?: Array<400 | 404 | 409 | 410 | 413 | 422 | 429>;
  /** Response headers of the success answer, by name, each with what it carries (e.g. Set-Cookie). */
  headers?: Record<string, string>;
}

const ERROR_DOCS: Record<number, MethodDecorator> = {
  400: ProblemResponse(400, 'Invalid input; `errors` names each bad field.'),
  404: ProblemResponse(404, 'Unknown id, or an id of another organization.'),
  409: ProblemResponse(409, 'The request conflicts with the current state.'),
  410: ProblemResponse(410, 'The token was already used or has expired.'),
  413: ProblemResponse(413, 'The request body is too large.'),
  422: ProblemResponse(422, 'Well-formed but cannot be applied.'),
  429: ProblemResponse(429, 'Rate limited; see Retry-After.'),
};

/** Documents an endpoint in OpenAPI: summary, success status and the errors it can answer. */
export function Endpoint(doc: EndpointDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const headers = doc.headers
    ? Object.fromEntries(
        Object.entries(doc.headers).map(([name, description]) => [
          name,
          { description, schema: { type: 'string' as const } },
        ]),
      )
    : undefined;
  const decorators: MethodDecorator[] = [
    ApiOperation({ summary: doc.summary, description: doc.description }),
    HttpCode(status),
    doc.file
      ? ApiResponse({
          status,
          description: 'Success',
          headers,
          content: Object.fromEntries(
            [doc.file].flat().map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        })
      : ApiResponse({ status, description: 'Success', headers, type: doc.type as never }),
    ...[400, ...(doc.errors ?? [])]
      .filter((code, i, all) => all.indexOf(code) === i)
      .map((code) => ERROR_DOCS[code]),
  ];
  return applyDecorators(...decorators);
}
