// `npm run bench:web-bundle`: gzipped JavaScript of a page's first load, from the manifest of the production
// build (dist/apps/web/.vite/manifest.json): the entry chunk and its static imports, never lazy (dynamic) chunks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', '..', 'dist', 'apps', 'web');
const BUDGET_BYTES = 250 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

// Routes are code-split per area in apps/web/src/router.tsx: sign-in and learner pages are in the entry chunk.
const PAGES: Record<string, string> = { '/sign-in': 'index.html', '/learn': 'index.html' };

/** The chunk and everything it imports statically, once each. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

function main(): void {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const pages = Object.fromEntries(
    Object.entries(PAGES).map(([page, entry]) => {
      const chunks = [...staticClosure(manifest, entry)].map((key) => manifest[key]);
      const js = chunks.map((chunk) => chunk.file);
      const css = chunks.flatMap((chunk) => chunk.css ?? []);
      const jsGzipBytes = js.reduce((sum, file) => sum + gzipped(file), 0);
      return [
        page,
        {
          jsFiles: js,
          jsGzipBytes,
          cssGzipBytes: css.reduce((sum, file) => sum + gzipped(file), 0),
          withinBudget: jsGzipBytes < BUDGET_BYTES,
        },
      ];
    }),
  );
  const lazyChunks = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry).length;
  console.log(JSON.stringify({ budgetBytes: BUDGET_BYTES, pages, lazyChunks }, null, 2));
}

main();
