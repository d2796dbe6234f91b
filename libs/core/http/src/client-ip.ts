import type { Request } from 'express';

/** The caller's IP; X-Forwarded-For is believed only when TRUST_PROXY is set (Express's `trust proxy`). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
