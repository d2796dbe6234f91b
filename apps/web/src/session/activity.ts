// The last pointer or key activity in any tab, shared through localStorage so that a person working in one tab
// keeps the others signed in too. Only a timestamp and the organization's idle limit are stored: no token.
const ACTIVITY_KEY = 'beacon.lastActivity';
const IDLE_MINUTES_KEY = 'beacon.idleMinutes';
export const DEFAULT_IDLE_MINUTES = 15;

export function markActivity(at = Date.now()): void {
  localStorage.setItem(ACTIVITY_KEY, String(at));
}

export function lastActivity(): number | null {
  const value = Number(localStorage.getItem(ACTIVITY_KEY));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function rememberIdleMinutes(minutes: number): void {
  localStorage.setItem(IDLE_MINUTES_KEY, String(minutes));
}

export function idleMinutes(): number {
  const value = Number(localStorage.getItem(IDLE_MINUTES_KEY));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_MINUTES;
}

/** True when no tab has seen activity for the idle limit (a browser left open at a shared workstation). */
export function idleTooLong(now = Date.now()): boolean {
  const last = lastActivity();
  return last !== null && now - last >= idleMinutes() * 60_000;
}
