import { createHmac, timingSafeEqual } from 'node:crypto';

/** A self check-in code lives for one minute; the one before it is still accepted (typed as it changed). */
export const CHECK_IN_WINDOW_MS = 60_000;

const windowOf = (at: Date): number => Math.floor(at.getTime() / CHECK_IN_WINDOW_MS);

/** Six digits from the session's secret and the minute: nothing is stored per minute. */
export function checkInCode(secret: Buffer, at: Date): string {
  return codeFor(secret, windowOf(at));
}

/** When the code shown at `at` stops being the current one. */
export function checkInCodeChangesAt(at: Date): Date {
  return new Date((windowOf(at) + 1) * CHECK_IN_WINDOW_MS);
}

/** Whether `code` is this minute's or the previous minute's code, compared in constant time. */
export function checkInCodeMatches(secret: Buffer, code: string, at: Date): boolean {
  const given = Buffer.from(code);
  const now = windowOf(at);
  return [now, now - 1]
    .map((window) => Buffer.from(codeFor(secret, window)))
    .some((expected) => expected.length === given.length && timingSafeEqual(expected, given));
}

function codeFor(secret: Buffer, window: number): string {
  const mac = createHmac('sha256', secret).update(`check-in:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
