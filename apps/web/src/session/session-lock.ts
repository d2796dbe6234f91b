const LOCK = 'beacon-session';

/**
 * Runs session-changing work (refresh, sign-out) one at a time across every tab of this origin. Refresh tokens
 * rotate and the api revokes the whole family when a spent one comes back, so two tabs refreshing with the same
 * cookie at once would sign both out; under the lock the second tab sends the cookie the first one received.
 */
export function withSessionLock<T>(work: () => Promise<T>): Promise<T> {
  // Web Locks exist in every browser Beacon supports, but only in secure contexts (https, localhost).
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  // The lock's promise settles as the callback's does; lib.dom types it one promise deeper than it is.
  return navigator.locks.request(LOCK, work) as unknown as Promise<T>;
}
