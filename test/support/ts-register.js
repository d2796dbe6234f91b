// `node -r ./test/support/ts-register.js some.ts`: runs the TypeScript sources directly in a child process (the
// e2e suites' real worker processes), transpiled by @swc/core as jest does, with the @beacon/* aliases resolved to
// the sources. No type checking: `tsc --noEmit` does that.
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { register } = require('tsconfig-paths');
const base = require('../../tsconfig.base.json');
const swcOptions = require('./swc-options');

require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};

register({ baseUrl: path.resolve(__dirname, '..', '..'), paths: base.compilerOptions.paths });
