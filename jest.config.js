// Two projects: fast unit specs beside the code, and e2e suites that boot the real api + worker against
// PostgreSQL, Redis and an in-process SMTP server (each suite its own database and queue prefix).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = `<rootDir>/${target}`;
}

const transform = { '^.+\\.ts$': ['@swc/jest', require('./test/support/swc-options')] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
      ],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A project-level testTimeout is ignored by Jest 30; e2e tests wait on mail and the outbox poll.
  testTimeout: 60_000,
  // Suites are independent (own database, queue prefix, SMTP port): run three at once. Jest's default on a 2-core
  // machine is one worker, yet an e2e suite spends much of its time waiting on PostgreSQL, Redis and its worker;
  // on 2 cores three workers measured 84-100 s for the e2e project against 98-106 s for two (noisy, shared box).
  maxWorkers: 3,
};
