// How the TypeScript sources are transpiled outside tsc: by jest (@swc/jest) and by the e2e suites' worker
// child processes (ts-register.js). One definition, so both run the code the same way.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2021',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
