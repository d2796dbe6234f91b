import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@beacon/core/database';

/** The one line logged per request: nothing from headers, bodies or the raw URL (ids, query strings). */
export interface RequestLogLine {
  method: string | undefined;
  /** The route pattern (`/api/v1/members/:id`), or null when no route matched. */
  route: string | null;
  status: number;
  responseTime: number;
  organizationId: string | null;
}

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; user?: Actor };

export function requestLogLine(
  req: IncomingMessage,
  res: ServerResponse,
  responseTime: number,
): RequestLogLine {
  const routed = req as RoutedRequest;
  const path = routed.route?.path;
  return {
    method: req.method,
    route: typeof path === 'string' ? `${routed.baseUrl ?? ''}${path}` : null,
    status: res.statusCode,
    responseTime,
    organizationId: routed.user?.organizationId ?? null,
  };
}
