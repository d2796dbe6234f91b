/**
 * When reminders may go out: from `start` (inclusive) to `end` (exclusive), both `HH:MM` of one day in the
 * recipient's zone, on the ISO weekdays listed (Monday = 1). `end` is at most 23:59: a window never crosses midnight,
 * so "is it open now" is one comparison of local time and weekday.
 */
export interface ReminderWindow {
  start: string;
  end: string;
  days: number[];
}

/** `HH:MM` from 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DEFAULT_REMINDER_WINDOW: ReminderWindow = {
  start: '08:00',
  end: '20:00',
  days: [1, 2, 3, 4, 5, 6, 7],
};

/** The stored form: fields in one order and the weekdays sorted, so equal windows compare (and audit) as equal. */
export function normalizeReminderWindow(window: ReminderWindow | null): ReminderWindow | null {
  if (window === null) return null;
  return { start: window.start, end: window.end, days: [...new Set(window.days)].sort((a, b) => a - b) };
}
