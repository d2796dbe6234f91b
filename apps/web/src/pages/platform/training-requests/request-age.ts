const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** How long ago a request came in, in the page's language ("3 days ago"). */
export function requestAge(createdAt: string, now: number, language: string): string {
  const elapsed = Math.max(0, now - Date.parse(createdAt));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS)
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  return format.format(0, 'minute');
}
