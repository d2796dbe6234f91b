/**
 * The api sets this readable cookie with the HttpOnly refresh cookie and clears it with it (same lifetime).
 * Without it there is no session to restore, and asking would only get a 401 that the browser logs as an error.
 */
const SESSION_MARKER = /(?:^|;\s*)beacon_session=1(?:;|$)/;

export function mayHaveSession(): boolean {
  return SESSION_MARKER.test(document.cookie);
}
