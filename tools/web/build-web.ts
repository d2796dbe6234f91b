import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** `vite build` of apps/web into dist/apps/web (what `npm run build:web` runs), quietly. */
export function buildWeb(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(ROOT, 'apps', 'web', 'vite.config.mts'),
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      // Jest sets NODE_ENV=test, and Vite then bundles React's development build (1 MB, slower pages).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}
