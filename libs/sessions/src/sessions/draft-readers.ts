import type { Actor } from '@beacon/core/database';

/**
 * Who sees draft sessions: those who schedule them (platform admins, org_admins, educators). Learners, managers
 * and facilitators meet a draft as an unknown id until it is published.
 */
export function seesDrafts(actor: Actor): boolean {
  return (
    actor.platformRoles.includes('platform_admin') ||
    (actor.organizationId !== null && actor.roles.some((role) => role === 'org_admin' || role === 'educator'))
  );
}
