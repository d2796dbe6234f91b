import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.filter';
import { STATUS_TITLES } from './problem.exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Installs the JSON parser (1 MB) with an error handler right behind it, so malformed JSON is a 400 and an
 * oversized body a 413, both as problem+json, instead of Express's HTML error page.
 */
export function installBodyParsers(app: INestApplication, options: { jsonLimit: string }): void {
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
}
