// `npm run web:api-types`: writes apps/web/src/api/schema.d.ts from the api's OpenAPI document. The app is created
// in preview mode (controllers' metadata only), so neither PostgreSQL nor Redis nor a running server is needed.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiDocument } from '../../apps/api/src/api-docs.setup';
import { AppModule } from '../../apps/api/src/app.module';

export const SCHEMA_PATH = join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'schema.d.ts');

/** The declarations openapi-typescript makes of a document (tools/web/openapi-to-ts.mjs). */
export function apiTypesOf(document: unknown): string {
  return execFileSync(process.execPath, [join(__dirname, 'openapi-to-ts.mjs')], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    cwd: join(__dirname, '..', '..'),
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  // The server URL is not part of the generated types.
  const document = createApiDocument(app, 'http://localhost:3000');
  await app.close();
  writeFileSync(SCHEMA_PATH, apiTypesOf(document));
  console.log(`wrote ${SCHEMA_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
