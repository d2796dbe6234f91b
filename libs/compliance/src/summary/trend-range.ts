import type { FieldError } from '@beacon/core/http';

/** The longest trend answered at once: two years of weeks. */
export const TREND_MAX_DAYS = 731;

/** What is wrong with a trend's dates (both already real `YYYY-MM-DD` dates), each naming `to`. */
export function trendRangeErrors(from: string, to: string): FieldError[] {
  if (from > to) return [{ field: 'to', message: 'to must not be before from' }];
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > TREND_MAX_DAYS)
    return [{ field: 'to', message: `to must be at most ${TREND_MAX_DAYS} days after from` }];
  return [];
}
