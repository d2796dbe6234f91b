/** The wall clock of `zone` at `instant`, as two-digit (four for the year) parts keyed by their type. */
function wallClockParts(instant: number, zone: string): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** Where the wall clock of `zone` stands at `instant`, read as if it were UTC, minus the instant: the zone's offset. */
function offsetAt(instant: number, zone: string): number {
  const part = wallClockParts(instant, zone);
  const wall = Date.UTC(
    Number(part('year')),
    Number(part('month')) - 1,
    Number(part('day')),
    Number(part('hour')),
    Number(part('minute')),
    Number(part('second')),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock date and time (`YYYY-MM-DD`, `HH:MM`) names in `zone`, or null for an incomplete one.
 * The offset is taken twice, at the guess and at the answer, so a time on the day the clocks change lands right.
 */
export function zonedInstant(date: string, time: string, zone: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const guess = Date.UTC(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  const first = guess - offsetAt(guess, zone);
  return new Date(guess - offsetAt(first, zone));
}

/** The wall-clock date and time (`YYYY-MM-DD`, `HH:MM`) of `zone` at an instant: what the form's inputs take. */
export function zonedWallClock(instant: string, zone: string): { date: string; time: string } {
  const part = wallClockParts(Date.parse(instant), zone);
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}
