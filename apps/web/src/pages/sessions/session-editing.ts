import type { Session } from '../../session/session.store';
import type { LiveSession } from './sessions.queries';

/** Who may change a session: PATCH /live-sessions/:id answers them only. */
const SCHEDULERS = ['org_admin', 'educator', 'platform_admin'];

export function canSchedule(person: Session): boolean {
  const held = new Set([...person.roles, ...person.platformRoles]);
  return SCHEDULERS.some((role) => held.has(role));
}

/**
 * Whether there is still something to change: a cancelled session stays cancelled, and one that has ended is
 * history (its attendance and certificates stand on its time). One under way may still gain seats or a facilitator.
 */
export function isEditable(session: Pick<LiveSession, 'status' | 'endsAt'>, now: number): boolean {
  return (session.status === 'draft' || session.status === 'scheduled') && Date.parse(session.endsAt) > now;
}
