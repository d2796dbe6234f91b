import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const I18N = join(ROOT, 'apps/web/src/i18n');

type Tree = { [key: string]: string | Tree };

const load = (locale: string, area: string): Tree =>
  JSON.parse(readFileSync(join(I18N, locale, `${area}.json`), 'utf8')) as Tree;

function leaf(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

/** The library sources (specs left out), for the values the api sends that the pages put into words. */
function librarySources(dir = join(ROOT, 'libs')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : librarySources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

// English and Spanish keeping the same keys is apps/web/src/i18n/translations.spec.ts's to check.
describe('web translations', () => {
  describe('values the api names', () => {
    const sources = librarySources();
    const admin = load('en', 'admin');

    it('has words for every audit action the libraries record', () => {
      const actions = new Set(
        sources.flatMap((text) => [...text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1])),
      );
      expect(actions.size).toBeGreaterThan(20);
      expect(
        [...actions].filter((action) => typeof leaf(admin, `audit.actions.${action}`) !== 'string'),
      ).toEqual([]);
    });

    it('has words for every mail kind the libraries register', () => {
      const kinds = new Set(
        sources.flatMap((text) =>
          [...text.matchAll(/interface MailKinds \{([^}]*)\}/g)].flatMap((m) =>
            [...m[1].matchAll(/^\s*([a-z_]+)\??:/gm)].map((key) => key[1]),
          ),
        ),
      );
      expect(kinds.size).toBeGreaterThan(5);
      expect(
        [...kinds].filter((kind) => typeof leaf(admin, `notifications.kinds.${kind}`) !== 'string'),
      ).toEqual([]);
    });
  });
});
