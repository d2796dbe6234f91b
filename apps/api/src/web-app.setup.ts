import { INestApplication, Logger } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendProblem, STATUS_TITLES } from '@beacon/core/http';

/** Paths the api owns: they never fall back to the web app, so unknown ones keep their problem+json 404. */
const API_PATH = /^\/(?:api|health)(?:\/|$)/;

/** `index.html` names the current hashed assets: browsers must ask again each time (an ETag makes that cheap). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app (Vite's output in `dir`) when its index.html exists: hashed files under /assets/ cached
 * for a year, other files (favicon…) for an hour, and index.html for every other GET or HEAD outside the api's
 * paths, so the browser's router handles deep links (`/learn/enrollments/…`, `/verify/…`). Files are served by
 * Express's own static handler, which refuses `..` and encoded variants before touching the disk.
 */
export function installWebApp(app: INestApplication, dir: string): void {
  const logger = new Logger('WebApp');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.log(`The web app is not built (no ${index}); serving the api only.`);
    return;
  }
  const assets = express.static(join(dir, 'assets'), {
    index: false,
    redirect: false,
    immutable: true,
    maxAge: '1y',
  });
  const files = express.static(dir, {
    index: false,
    redirect: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path === index) res.setHeader('Cache-Control', REVALIDATE);
    },
  });

  // A missing hashed file (a chunk of an older build) is a 404: index.html under an immutable asset URL would only
  // turn the failed import into a MIME-type error.
  app.use('/assets', assets, (_req: Request, res: Response) => {
    sendProblem(
      res,
      { type: 'about:blank', title: STATUS_TITLES[404], status: 404, detail: 'No such file.' },
      { 'Cache-Control': REVALIDATE },
    );
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) {
      next();
      return;
    }
    files(req, res, () => {
      res.setHeader('Cache-Control', REVALIDATE);
      res.sendFile(index, (error?: Error) => {
        if (error && !res.headersSent) next(error);
      });
    });
  });
  logger.log(`Serving the web app from ${dir}.`);
}
