// `node -r ./test/support/ts-register.js some.ts`: runs the TypeScript sources directly in a child process (the
// e2e suites' real worker processes), transpiled by @swc/core as jest does, with the @beacon/* aliases resolved to
// the sources. No type checking: `tsc --noEmit` does that.
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { register } = require('tsconfig-paths');
const base = require('../../tsconfig.base.json');

require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2021',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

register({ baseUrl: path.resolve(__dirname, '..', '..'), paths: base.compilerOptions.paths });
