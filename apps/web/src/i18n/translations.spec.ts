import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Words = { [key: string]: string | Words };

const read = (locale: string, file: string): Words =>
  JSON.parse(readFileSync(join(__dirname, locale, file), 'utf8')) as Words;

/** Every leaf as `a.b.c`, with its value. */
function leaves(words: Words, prefix = ''): Array<[string, string | Words]> {
  return Object.entries(words).flatMap(([key, value]): Array<[string, string | Words]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null ? leaves(value, path) : [[path, value]];
  });
}

const namespaces = readdirSync(join(__dirname, 'en')).filter((file) => file.endsWith('.json'));

describe('translations', () => {
  it('has a Spanish twin for every English namespace, and no Spanish one without an English one', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    const spanish = readdirSync(join(__dirname, 'es')).filter((file) => file.endsWith('.json'));
    expect(spanish.sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s has the same keys in Spanish as in English', (file) => {
    const keys = (locale: string) =>
      leaves(read(locale, file))
        .map(([key]) => key)
        .sort();
    expect(keys('es')).toEqual(keys('en'));
  });

  it.each(namespaces)('%s has no empty Spanish text', (file) => {
    const empty = leaves(read('es', file))
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
