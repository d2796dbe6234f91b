import type { Actor, OrganizationRole } from './actor';

/**
 * The name an organization sees for a member (memberships `m`, users `u`): the name it entered until the person
 * accepts its invitation, then the person's own. Before that, the person's own name is what they use elsewhere,
 * which is not this organization's to learn.
 */
export function memberNameSql(m = 'm', u = 'u'): string {
  return `CASE WHEN ${m}.joined_at IS NULL THEN ${m}.name ELSE ${u}.name END`;
}

/** The organization of the open transaction, as row-level security reads it. */
const CURRENT_ORGANIZATION = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Membership ids in the reporting chain below a manager (direct and indirect reports, not the manager), as a
 * subquery for `IN (…)`. The walk goes one management level per step, each level one probe of the
 * (organization_id, manager_id) index with the whole previous level as an array: a join per step let the planner,
 * which cannot estimate a recursive walk, hash every membership of the organization at each level (~250 ms for a
 * 2,000-person chain among 200,000 members, against ~5 ms). The organization condition repeats what row-level
 * security enforces as a plain equality, which the index needs (the policy ORs in a person's own memberships).
 * A cycle in manager_id (which updates refuse) cannot loop: the walk stops after 64 levels, duplicates dropped.
 */
export function reportingChainSql(managerParam: string): string {
  return `(WITH RECURSIVE levels(ids, depth) AS (
             SELECT ARRAY(SELECT id FROM memberships
                           WHERE organization_id = ${CURRENT_ORGANIZATION} AND manager_id = ${managerParam}), 1
             UNION ALL
             SELECT ARRAY(SELECT r.id FROM memberships r
                           WHERE r.organization_id = ${CURRENT_ORGANIZATION} AND r.manager_id = ANY (l.ids)),
                    l.depth + 1
               FROM levels l WHERE cardinality(l.ids) > 0 AND l.depth < 64
           ) SELECT DISTINCT unnest(ids) FROM levels)`;
}

/**
 * The managers of a manager's reporting chain, the manager included, as a subquery for `IN (…)`: the members of
 * the chain who manage someone, walked level by level through `reporting_managers` (migration 1764760000000),
 * which holds only those. What a chain's rollup rows are keyed by, found without visiting the people who manage
 * nobody. Bounded at 64 levels like the walk above.
 */
export function chainManagersSql(managerParam: string): string {
  return `(WITH RECURSIVE levels(ids, depth) AS (
             SELECT ARRAY[${managerParam}::uuid], 0
             UNION ALL
             SELECT ARRAY(SELECT rm.membership_id FROM reporting_managers rm
                           WHERE rm.organization_id = ${CURRENT_ORGANIZATION} AND rm.manager_id = ANY (l.ids)),
                    l.depth + 1
               FROM levels l WHERE cardinality(l.ids) > 0 AND l.depth < 64
           ) SELECT DISTINCT unnest(ids) FROM levels)`;
}

/** Reading roles that see the whole organization, not a reporting chain. */
export const BROAD_READERS = ['org_admin', 'educator'] as const;
/** No membership has it: the chain below it is empty. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Whether these roles read anything about other members: a manager's chain, or the whole organization. */
export function readsMembers(roles: readonly OrganizationRole[]): boolean {
  return roles.includes('manager') || BROAD_READERS.some((role) => roles.includes(role));
}

/**
 * The manager whose reporting chain bounds what the actor reads about members: their own membership when their
 * only reading role is manager; null when they read the whole organization (or nothing about others at all). A
 * manager without a membership (which roles come from, so never expected) reads nobody rather than everybody.
 * A job acting for a member (a report schedule's creator) passes their roles and membership the same way.
 */
export function chainReader(actor: Pick<Actor, 'roles' | 'membershipId'> | null): string | null {
  if (!actor?.roles.includes('manager')) return null;
  if (BROAD_READERS.some((role) => actor.roles.includes(role))) return null;
  return actor.membershipId ?? NOBODY;
}
