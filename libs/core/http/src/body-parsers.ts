import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.filter';
import { Problems, STATUS_TITLES } from './problem.exception';
import { unsafeInputErrors } from './validation.pipe';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Installs the JSON parser (1 MB, less on the routes given) with an error handler right behind it, so malformed JSON is a 400 and an
 * oversized body a 413, both as problem+json, instead of Express's HTML error page.
 */
export function installBodyParsers(
  app: INestApplication,
  options: { jsonLimit: string; routeLimits?: Record<string, string> },
): void {
  // A path segment that does not percent-decode (`%zz`, the UTF-8 bytes of a lone surrogate) cannot name anything:
  // the 404 of an unknown id (API.md), where the router would answer 400.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (decodablePath(req.path)) {
      next();
      return;
    }
    sendProblem(res, {
      type: 'about:blank',
      title: STATUS_TITLES[404],
      status: 404,
      detail: 'No such resource.',
    });
  });
  // A route with a lower limit is parsed first; the general parser then sees the body as read and skips it.
  for (const [path, limit] of Object.entries(options.routeLimits ?? {}))
    app.use(path, express.json({ limit }));
  app.use(express.json({ limit: options.jsonLimit }));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const parserError = error as BodyParserError;
    if (!parserError || typeof parserError.type !== 'string') {
      next(error);
      return;
    }
    const status = parserError.type === 'entity.too.large' ? 413 : parserError.status === 415 ? 415 : 400;
    const detail =
      status === 413
        ? 'The request body is too large.'
        : status === 415
          ? 'The request body encoding is not supported.'
          : 'The request body is not valid JSON.';
    sendProblem(res, { type: 'about:blank', title: STATUS_TITLES[status], status, detail });
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
      sendProblem(res, {
        type: 'about:blank',
        title: STATUS_TITLES[400],
        status: 400,
        detail: 'The request body is nested too deeply.',
      });
      return;
    }
    // Here rather than only in the validation pipe: guards (login's) and passport read the body before any pipe.
    const unsafe = [...unsafeInputErrors(req.body), ...unsafeInputErrors(req.query, '', 'query')];
    if (unsafe.length > 0) {
      sendProblem(res, Problems.invalid(unsafe).body());
      return;
    }
    next();
  });
}

/** No request needs deeper JSON; much deeper would overflow the stack of the recursive transforms (a 500). */
export const MAX_JSON_DEPTH = 32;

/** Walks iteratively, so the check itself cannot overflow the stack. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

function decodablePath(path: string): boolean {
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
