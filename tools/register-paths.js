// Resolves the @beacon/* aliases of tsconfig.base.json against the compiled output in dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const base = require('../tsconfig.base.json');

const paths = {};
for (const [alias, targets] of Object.entries(base.compilerOptions.paths)) {
  paths[alias] = targets.map((target) => target.replace(/\.ts$/, ''));
}
register({ baseUrl: path.resolve(__dirname, '..', 'dist'), paths });
