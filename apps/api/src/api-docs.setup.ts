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

/** Builds the OpenAPI document and serves it at /api/docs (Swagger UI) and /api/docs-json. */
export function setupApiDocs(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Beacon API')
      .setDescription(
        'Compliance training for hospitals. Errors are application/problem+json; lists are { items, nextCursor }.',
      )
      .setVersion('1')
      .addServer(config.publicUrl)
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemSchema] },
  );
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
