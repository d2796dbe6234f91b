import { zonedInstant, zonedWallClock } from './new-session-zone';
import type { LiveSession } from './sessions.queries';

/** What the session form holds; the course is fixed once a session exists (the api changes everything else). */
export interface SessionFormValues {
  courseId: string | null;
  siteId: string | null;
  date: string;
  time: string;
  durationMinutes: number | string;
  location: string;
  capacity: number | string;
  facilitatorIds: string[];
}

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
}

export const NEW_SESSION_VALUES: SessionFormValues = {
  courseId: null,
  siteId: null,
  date: '',
  time: '09:00',
  durationMinutes: 120,
  location: '',
  capacity: 20,
  facilitatorIds: [],
};

/** The session's instants from the form, read in `zone`; null until date, time and duration are set. */
export function sessionTimes(values: SessionFormValues, zone: string): SessionTimes | null {
  const starts = zonedInstant(values.date, values.time, zone);
  const minutes = Number(values.durationMinutes);
  if (!starts || !Number.isInteger(minutes) || minutes < 1) return null;
  return {
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + minutes * 60_000).toISOString(),
  };
}

/** A saved session as the form shows it: its date and time on the wall clock of its own zone. */
export function sessionFormValues(session: LiveSession): SessionFormValues {
  const { date, time } = zonedWallClock(session.startsAt, session.timezone);
  return {
    courseId: session.courseId,
    siteId: session.siteId,
    date,
    time,
    durationMinutes: Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000),
    location: session.location,
    capacity: session.capacity,
    facilitatorIds: session.facilitators.map((facilitator) => facilitator.id),
  };
}

/** The body's fields the form has no input of, shown on the inputs they are made from. */
const FORM_FIELD: Readonly<Record<string, keyof SessionFormValues>> = {
  startsAt: 'date',
  endsAt: 'durationMinutes',
};

/** The api's `errors[].field` messages keyed by the form's fields. */
export function sessionFormErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const key = FORM_FIELD[field] ?? field;
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  }
  return errors;
}
