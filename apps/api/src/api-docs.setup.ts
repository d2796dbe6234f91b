import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@beacon/core/config';
import { ProblemSchema } from '@beacon/core/http';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * An operation without a security requirement is one marked @Public (the access guard refuses any other). Swagger
 * leaves such an operation silent, which linters read as "inherits the default"; it says `security: []` instead.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
}

/**
 * The OpenAPI document of the app's controllers. It reads only decorator metadata, so an app created with
 * `preview: true` (nothing instantiated, no database) yields the same document: tools/web/api-types.ts relies on it.
 */
export function createApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Beacon API')
      .setDescription(
        'Compliance training for hospitals. Errors are application/problem+json; lists are { items, nextCursor }.',
      )
      .setVersion('1')
      .addServer(publicUrl)
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemSchema] },
  );
  markPublicOperations(document);
  return document;
}

/** Serves the OpenAPI document at /api/docs (Swagger UI) and /api/docs-json. */
export function setupApiDocs(app: INestApplication, config: AppConfig): void {
  const document = createApiDocument(app, config.publicUrl);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
