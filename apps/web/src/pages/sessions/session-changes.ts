import type { components } from '../../api/schema';
import { type SessionFormValues, sessionTimes } from './session-form-values';
import type { LiveSession } from './sessions.queries';

export type SessionChanges = components['schemas']['UpdateLiveSessionDto'];

/** What the invite shows: a change of these mails everyone holding a seat of a scheduled session. */
const MAILED: ReadonlyArray<keyof SessionChanges> = ['siteId', 'startsAt', 'endsAt', 'timezone', 'location'];

/**
 * Only what the form changed, as PATCH takes it: every field sent raises a scheduled session's SEQUENCE and may
 * mail its registrants, so an unchanged one is left out. Empty when nothing changed.
 */
export function sessionChanges(session: LiveSession, values: SessionFormValues): SessionChanges {
  const changes: SessionChanges = {};
  const times = sessionTimes(values, session.timezone);
  if (values.siteId && values.siteId !== session.siteId) changes.siteId = values.siteId;
  if (times && Date.parse(times.startsAt) !== Date.parse(session.startsAt)) changes.startsAt = times.startsAt;
  if (times && Date.parse(times.endsAt) !== Date.parse(session.endsAt)) changes.endsAt = times.endsAt;
  const location = values.location.trim();
  if (location !== session.location) changes.location = location;
  const capacity = Number(values.capacity);
  if (capacity !== session.capacity) changes.capacity = capacity;
  const facilitatorIds = [...values.facilitatorIds].sort();
  const current = session.facilitators.map((facilitator) => facilitator.id).sort();
  if (facilitatorIds.join() !== current.join()) changes.facilitatorIds = values.facilitatorIds;
  return changes;
}

/** Whether the api mailed the updated invite: a scheduled session with seats taken, and what the invite shows changed. */
export function inviteResent(saved: LiveSession, changes: SessionChanges): boolean {
  return (
    saved.status === 'scheduled' && saved.registeredCount > 0 && MAILED.some((field) => field in changes)
  );
}
