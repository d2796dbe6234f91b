import { HttpCode, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiResponse,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

export interface EndpointDoc {
  summary: string;
  description?: string;
  status?: number;
  /** The documented success response (a DTO class), when there is a body. */
  type?: unknown;
  errors?: Array<400 | 404 | 409 | 410 | 413 | 422 | 429>;
}

const ERROR_DOCS: Record<number, MethodDecorator> = {
  400: ApiBadRequestResponse({ description: 'Invalid input; `errors` names each bad field (problem+json).' }),
  404: ApiNotFoundResponse({ description: 'Unknown id, or an id of another organization (problem+json).' }),
  409: ApiConflictResponse({ description: 'The request conflicts with the current state (problem+json).' }),
  410: ApiResponse({ status: 410, description: 'The token was already used or has expired (problem+json).' }),
  413: ApiResponse({ status: 413, description: 'The request body is too large (problem+json).' }),
  422: ApiResponse({ status: 422, description: 'Well-formed but cannot be applied (problem+json).' }),
  429: ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (problem+json).' }),
};

/** Documents an endpoint in OpenAPI: summary, success status and the errors it can answer. */
export function Endpoint(doc: EndpointDoc): MethodDecorator {
  const status = doc.status ?? 200;
  const decorators: MethodDecorator[] = [
    ApiOperation({ summary: doc.summary, description: doc.description }),
    HttpCode(status),
    ApiResponse({ status, description: 'Success', type: doc.type as never }),
    ...[400, ...(doc.errors ?? [])]
      .filter((code, i, all) => all.indexOf(code) === i)
      .map((code) => ERROR_DOCS[code]),
  ];
  return applyDecorators(...decorators);
}
