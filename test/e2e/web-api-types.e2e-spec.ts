import { readFileSync } from 'node:fs';
import { apiTypesOf, SCHEMA_PATH } from '../../tools/web/api-types';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the web app typed client', () => {
  let world: TestApp;

  beforeAll(async () => {
    world = await TestApp.start({ worker: false });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('was generated from the OpenAPI document the running api serves', async () => {
    const res = await world.http().get('/api/docs-json').expect(200);
    const served = apiTypesOf(res.body);
    const checkedIn = readFileSync(SCHEMA_PATH, 'utf8');
    if (served !== checkedIn)
      throw new Error(
        'apps/web/src/api/schema.d.ts differs from the api the tests boot: run npm run web:api-types',
      );
    expect(checkedIn).toContain('export interface paths');
  });
});
