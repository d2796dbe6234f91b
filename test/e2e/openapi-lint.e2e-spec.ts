import { lintOpenApi } from '../support/openapi-lint';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the OpenAPI document', () => {
  let world: TestApp;

  beforeAll(async () => {
    world = await TestApp.start({ worker: false });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('passes the recommended lint ruleset with zero errors', async () => {
    const res = await world.http().get('/api/docs-json').expect(200);
    const problems = lintOpenApi(res.body);
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    const byRule = warnings.reduce<Record<string, number>>(
      (counts, problem) => ({ ...counts, [problem.ruleId]: (counts[problem.ruleId] ?? 0) + 1 }),
      {},
    );
    console.info(
      `OpenAPI lint (recommended): ${errors.length} errors, ${warnings.length} warnings ${JSON.stringify(byRule)}`,
    );
    expect(errors.map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.pointer}`)).toEqual(
      [],
    );
  });
});
