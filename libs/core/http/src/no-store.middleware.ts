import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Answers any cache may keep: nothing personal and no token in them. */
const CACHEABLE = [/^\/api\/v1\/public\//, /^\/api\/v1\/courses(?:\/|$)/];

/**
 * Every /api/v1 answer carries tokens or personal data (sessions, /me, members, certificates, audit) except the
 * public certificate check and the catalog, so all others tell browsers and proxies not to store them. Set before
 * the handler runs, so error answers carry it too.
 */
export function installNoStore(app: INestApplication): void {
  app.use('/api/v1', (req: Request, res: Response, next: NextFunction) => {
    if (!CACHEABLE.some((pattern) => pattern.test(req.originalUrl))) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
    }
    next();
  });
}
