import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { installBodyParsers, installNoStore } from '@beacon/core/http';
import { setupApiDocs } from './api-docs.setup';
import { AppModule } from './app.module';
import { securityHeaders } from './security-headers';
import { installWebApp } from './web-app.setup';

/** Builds the HTTP app exactly as production runs it; e2e tests boot it through this same function. */
export async function createApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    // Boot errors (a bad configuration, a missing provider) are thrown to the caller instead of exiting the process.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Answers are no-store: an ETag (a SHA-1 over every JSON body) would only cost CPU.
  app.set('etag', false);
  app.use(securityHeaders());
  installNoStore(app);
  // The public intake form takes a stranger's text: 32 KB is plenty (API.md).
  installBodyParsers(app, { jsonLimit: '1mb', routeLimits: { '/api/v1/public/training-requests': '32kb' } });
  installWebApp(app, config.webDistDir);
  app.enableShutdownHooks();

  setupApiDocs(app, config);
  return app;
}
