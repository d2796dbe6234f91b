import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MemoryStorage, stubGlobal } from '../testing/browser-globals.fixture';
import { i18n } from './i18n.setup';
import { applyLocale, initialLocale, isLocale } from './locale';

describe('locale', () => {
  const restores: Array<() => void> = [];
  const browser = (language: string) => restores.push(stubGlobal('navigator', { language }));
  beforeEach(() => {
    restores.push(stubGlobal('localStorage', new MemoryStorage()));
  });
  afterEach(() => {
    for (const restore of restores.splice(0).reverse()) restore();
    jest.restoreAllMocks();
  });

  it('knows only the languages the app is written in', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('es')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });

  it('opens in the browser language when it is Spanish, in any region', () => {
    browser('es-MX');
    expect(initialLocale()).toBe('es');
  });

  it('opens in English for any other browser language', () => {
    browser('fr-FR');
    expect(initialLocale()).toBe('en');
  });

  it('prefers the language last chosen in this browser, and ignores one it does not know', () => {
    browser('fr-FR');
    localStorage.setItem('beacon.locale', 'es');
    expect(initialLocale()).toBe('es');
    localStorage.setItem('beacon.locale', 'klingon');
    expect(initialLocale()).toBe('en');
  });

  it('switching remembers the choice, sets the page language and changes the words', () => {
    const documentElement = { lang: 'en' };
    restores.push(stubGlobal('document', { documentElement }));
    const changeLanguage = jest.spyOn(i18n, 'changeLanguage').mockResolvedValue(i18n.t);
    applyLocale('es');
    expect(localStorage.getItem('beacon.locale')).toBe('es');
    expect(documentElement.lang).toBe('es');
    expect(changeLanguage).toHaveBeenCalledWith('es');
    expect(initialLocale()).toBe('es');
  });
});
