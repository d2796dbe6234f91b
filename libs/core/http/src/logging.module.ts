import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule, Params } from 'nestjs-pino';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { serializeError } from './error.serializer';
import { requestLogLine } from './request-log';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Never logged: credentials and tokens, should a log call ever pass an object that holds them. */
export const REDACTED_PATHS = [
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.jwtSecret',
];

/** JSON to stdout or LOG_FILE; with LOG_FORMAT=pretty, pino-pretty (a worker thread) writes a readable console. */
function output(config: AppConfig): { transport?: LoggerOptions['transport']; stream?: DestinationStream } {
  if (config.logFormat === 'pretty') {
    return {
      transport: {
        target: 'pino-pretty',
        options: {
          destination: config.logFile ?? 1,
          colorize: config.logFile === null,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
        },
      },
    };
  }
  if (config.logFile === null) return {};
  return { stream: pino.destination({ dest: config.logFile, append: true, mkdir: true, sync: false }) };
}

export function loggerParams(config: AppConfig): Params {
  const { transport, stream } = output(config);
  const options: Options = {
    level: config.logLevel,
    // pid and hostname repeat on every line; the process manager and the collector know them.
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: serializeError,
      // pino-http binds the whole request and response to a child logger on every request, even with both loggers
      // quiet: without these, each request was stringified whole (half the cost of a bare route).
      req: (req: { id?: unknown }) => ({ id: req.id }),
      res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }),
    },
    // Unwrapped: pino-http would first copy every enumerable field of the error (the query and its parameters).
    wrapSerializers: false,
    transport,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Logs written while serving a request carry its id, not the whole request.
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessObject: (req, res, value: { responseTime: number }) =>
      requestLogLine(req, res, value.responseTime),
    // The error itself was logged where it was caught (ProblemFilter), through the serializer above.
    customErrorObject: (req, res, _error, value: { responseTime: number }) =>
      requestLogLine(req, res, value.responseTime),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
  return { pinoHttp: stream ? [options, stream] : options };
}

/** Structured logs (pino) with a request id per request, echoed back as X-Request-Id, and one line per request. */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggerParams })],
})
export class LoggingModule {}
