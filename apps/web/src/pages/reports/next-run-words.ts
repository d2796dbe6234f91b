const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When a schedule runs next, in words of the page's language ("in 3 days", "tomorrow", "in 5 hours"), relative
 * to `now`. A run already due (the worker has not reached it yet) reads as "now".
 */
export function nextRunWords(at: string, now: Date, language: string): string {
  const words = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const ahead = new Date(at).getTime() - now.getTime();
  if (ahead < MINUTE) return words.format(0, 'second');
  if (ahead < HOUR) return words.format(Math.round(ahead / MINUTE), 'minute');
  if (ahead < 2 * DAY) return words.format(Math.round(ahead / HOUR), 'hour');
  return words.format(Math.round(ahead / DAY), 'day');
}
