import { formatDate, formatInstant, formatNumber, mailLocaleOf } from './mail-locale';

describe('mail locale', () => {
  it('takes the payload locale when it is one Beacon writes, else English', () => {
    expect(mailLocaleOf({ locale: 'es' })).toBe('es');
    expect(mailLocaleOf({ locale: 'en' })).toBe('en');
    expect(mailLocaleOf({ locale: 'fr' })).toBe('en');
    expect(mailLocaleOf({})).toBe('en');
    expect(mailLocaleOf(null)).toBe('en');
  });

  it('writes an instant the way each language does, in the reader’s zone and naming it', () => {
    const dueAt = '2026-03-04T05:59:59.999Z';
    expect(formatInstant(dueAt, 'en', 'America/Chicago')).toBe('Tuesday, March 3, 2026 at 11:59 PM CST');
    expect(formatInstant(dueAt, 'es', 'America/Chicago')).toBe('martes, 3 de marzo de 2026, 23:59 GMT-6');
    expect(formatInstant(dueAt, 'es')).toBe('miércoles, 4 de marzo de 2026, 5:59 UTC');
  });

  it('writes a due date in each reader’s own zone and language, one after another', () => {
    const dueAt = '2026-03-04T05:59:59.999Z';
    expect(formatDate(dueAt, 'en', 'America/Chicago')).toBe('March 3, 2026');
    expect(formatDate(dueAt, 'en', 'Europe/Madrid')).toBe('March 4, 2026');
    expect(formatDate(dueAt, 'es', 'America/Chicago')).toBe('3 de marzo de 2026');
    expect(formatDate(dueAt, 'en', 'America/Chicago')).toBe('March 3, 2026');
  });

  it('writes numbers with the language’s decimal separator', () => {
    expect(formatNumber(1.5, 'en')).toBe('1.5');
    expect(formatNumber(1.5, 'es')).toBe('1,5');
    expect(formatNumber(2, 'es')).toBe('2');
  });
});
