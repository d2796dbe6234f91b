import { useEffect, useState } from 'react';

/**
 * The current time, read again once `until` has passed: a page waiting for a moment (a module that becomes
 * completable) renders again by itself when it comes. Null, or a moment this render's time is past, sets no timer.
 */
export function useNowUntil(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const at = new Date(until).getTime();
    if (now >= at) return;
    // Browsers clamp very long timers; a module's wait is minutes, and it is checked again at least hourly.
    const wait = Math.min(Math.max(0, at - Date.now()) + 250, 3_600_000);
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [until, now]);
  return now;
}
