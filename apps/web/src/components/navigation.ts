import type { Session } from '../session/session.store';

export interface NavigationItem {
  to: string;
  /** A key of the common namespace's `navigation` words. */
  label:
    | 'myTraining'
    | 'certificates'
    | 'preferences'
    | 'organization'
    | 'sites'
    | 'people'
    | 'cohorts'
    | 'notifications'
    | 'audit'
    | 'team'
    | 'platformOrganizations'
    | 'platformUsers'
    | 'platformCatalog'
    | 'platformQueues';
  /** Shown to a person holding any of these roles in the bound organization (or platform roles). */
  roles: readonly string[];
}

const ORGANIZATION_ROLES = ['org_admin', 'educator', 'manager', 'learner'];

// Add a page's entry here when its route exists; the layout and the start page read this list only.
export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/learn', label: 'myTraining', roles: ORGANIZATION_ROLES },
  { to: '/certificates', label: 'certificates', roles: ORGANIZATION_ROLES },
  { to: '/preferences', label: 'preferences', roles: ORGANIZATION_ROLES },
  { to: '/admin/organization', label: 'organization', roles: ['org_admin', 'educator'] },
  { to: '/admin/sites', label: 'sites', roles: ['org_admin', 'educator'] },
  { to: '/admin/people', label: 'people', roles: ['org_admin', 'educator'] },
  { to: '/admin/cohorts', label: 'cohorts', roles: ['org_admin', 'educator'] },
  { to: '/admin/notifications', label: 'notifications', roles: ['org_admin', 'educator'] },
  { to: '/admin/audit', label: 'audit', roles: ['org_admin'] },
  { to: '/team', label: 'team', roles: ['manager', 'org_admin', 'educator'] },
  { to: '/platform/organizations', label: 'platformOrganizations', roles: ['platform_admin'] },
  { to: '/platform/users', label: 'platformUsers', roles: ['platform_admin'] },
  { to: '/platform/catalog', label: 'platformCatalog', roles: ['platform_admin'] },
  { to: '/platform/queues', label: 'platformQueues', roles: ['platform_admin'] },
];

export function navigationFor(session: Session): NavigationItem[] {
  const held = new Set([...session.roles, ...session.platformRoles]);
  return NAVIGATION.filter((item) => item.roles.some((role) => held.has(role)));
}
