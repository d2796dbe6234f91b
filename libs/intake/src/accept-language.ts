import type { IntakeLocale } from './dto/training-request.types';

/**
 * The language of an Accept-Language header the app speaks: the one with the highest weight among en and es
 * (`es-MX;q=0.9` counts as es), the first listed on a tie; null when it names neither.
 */
export function localeFromAcceptLanguage(header: string | undefined): IntakeLocale | null {
  if (!header) return null;
  let best: { locale: IntakeLocale; weight: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const language = range.split('-')[0];
    if (language !== 'en' && language !== 'es') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(weight) || weight <= 0) continue;
    if (!best || weight > best.weight) best = { locale: language, weight };
  }
  return best?.locale ?? null;
}
