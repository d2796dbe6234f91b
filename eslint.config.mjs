// ESLint 9 flat config for the Beacon monorepo.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads the cached graph in .nx/ and silently skips itself when there is
// none (a fresh clone, CI). Building it here (incremental, ~1 s) keeps the rule live and never stale when a
// project.json is added or retagged. Failing loudly beats linting with the boundaries switched off.
try {
  await createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  throw new Error(`eslint.config.mjs: could not build the Nx project graph: ${error?.message ?? error}`);
}

const TS = ['**/*.ts', '**/*.tsx'];
// Only code that belongs to an Nx project is bound by tags; test/, tools/ and migrations/ sit outside them.
const PROJECT_TS = ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'];

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', '**/coverage/', '**/.nx/', '.beacon/']),

  {
    files: TS,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    files: PROJECT_TS,
    plugins: { '@nx': nx },
    rules: {
      // Services log through pino so that redaction (tokens, passwords) applies; console bypasses it.
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:core'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:core'] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
          ],
        },
      ],
      // Belt and braces with the rule above: a path into another project (tsconfig baseUrl makes
      // 'libs/x/src/y' resolvable too) skips that project's index.ts, its public API.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/**', '**/apps/**', 'libs', 'apps'],
              message: 'Import other projects through their @beacon/* alias, not by path.',
            },
            {
              // Climbing two or more levels and then into some folder's src/ is another project's internals.
              regex: '^(\\.\\./){2,}[^./][^/]*/src(/|$)',
              message: 'Import other projects through their @beacon/* alias, not by path.',
            },
          ],
        },
      ],
    },
  },

  // The browser app: hooks used by the rules of hooks, and the accessibility checks axe cannot see statically.
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    extends: [reactHooks.configs.flat['recommended-latest'], jsxA11y.flatConfigs.recommended],
  },

  {
    files: ['tools/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },

  // Last, so formatting is left to Prettier.
  prettier,
]);
