import { i18n } from './i18n.setup';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_KEY = 'beacon.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The language a page opens in: the last one chosen in this browser, else the browser's own, else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (isLocale(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Switches the page's language, its `<html lang>`, and remembers it in this browser. */
export function applyLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}
