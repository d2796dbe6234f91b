/**
 * A VTIMEZONE for an IANA zone, built from the runtime's own time zone data (Intl): ical-generator writes one only
 * through a generator it is given, and the packages that provide one are not dependencies. Outlook needs the
 * VTIMEZONE to place a TZID'd time; Google and ical.js read it too.
 *
 * The zone's offsets are written as one observance per transition, without RRULE, over the three calendar years
 * around `around` (the session's start): every instant a session's invite names falls inside, and a rule that
 * changed in the past or will change is never extrapolated.
 */
export function vtimezone(timeZone: string, around: Date): string {
  const year = around.getUTCFullYear();
  const from = Date.UTC(year - 1, 0, 1);
  const to = Date.UTC(year + 2, 0, 1);
  const first = offsetMinutes(timeZone, from);
  const transitions = transitionsBetween(timeZone, from, to);
  const offsets = [first, ...transitions.map((t) => t.to)];
  const standard = Math.min(...offsets);
  const observances = [
    observance(timeZone, from, first, first, first > standard),
    ...transitions.map((t) => observance(timeZone, t.at, t.from, t.to, t.to > standard)),
  ];
  return (
    ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observances.flat(), 'END:VTIMEZONE'].join('\r\n') + '\r\n'
  );
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const STEP = 6 * HOUR;

/** Offset changes found by stepping six hours at a time (no zone changes twice within that), then bisected. */
function transitionsBetween(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetMinutes(timeZone, from);
  for (let at = from + STEP; at <= to; at += STEP) {
    const after = offsetMinutes(timeZone, at);
    if (after === before) continue;
    let low = at - STEP;
    let high = at;
    while (high - low > 1000) {
      const middle = Math.floor((low + high) / 2);
      if (offsetMinutes(timeZone, middle) === before) low = middle;
      else high = middle;
    }
    // Zones change on a whole minute: `high` is within a second after the change.
    found.push({ at: Math.floor(high / 60_000) * 60_000, from: before, to: after });
    before = after;
  }
  return found;
}

function observance(timeZone: string, at: number, from: number, to: number, daylight: boolean): string[] {
  const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    // The observance starts at the local time before the change, as RFC 5545 reads DTSTART here.
    `DTSTART:${localStamp(at + from * 60_000)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `TZNAME:${zoneName(timeZone, at)}`,
    `END:${kind}`,
  ];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, timeZoneName: 'longOffset' | 'short'): Intl.DateTimeFormat {
  const key = `${timeZone}:${timeZoneName}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName });
    formatters.set(key, found);
  }
  return found;
}

function zonePart(timeZone: string, at: number, style: 'longOffset' | 'short'): string {
  return (
    formatter(timeZone, style)
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  );
}

/** Minutes east of UTC at an instant ("GMT-05:00" → -300; plain "GMT" → 0). */
export function offsetMinutes(timeZone: string, at: number): number {
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zonePart(timeZone, at, 'longOffset'));
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The zone's abbreviation (CST, CDT) where English has one, else its offset (GMT+1); TZNAME is free text. */
function zoneName(timeZone: string, at: number): string {
  return zonePart(timeZone, at, 'short');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

function localStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
}
