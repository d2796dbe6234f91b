import { localeFromAcceptLanguage } from './accept-language';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['fr-FR, de', null],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['fr, en;q=0.5, es;q=0.7', 'es'],
    ['es;q=0, en;q=0.1', 'en'],
    ['ES', 'es'],
    ['en;q=abc, es;q=0.2', 'es'],
  ])('%p → %p', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
