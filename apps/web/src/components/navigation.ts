import type { Session } from '../session/session.store';

export interface NavigationItem {
  to: string;
  /** A key of the common namespace's `navigation` words. */
  label: 'myTraining' | 'certificates' | 'preferences' | 'organization';
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
];

export function navigationFor(session: Session): NavigationItem[] {
  const held = new Set([...session.roles, ...session.platformRoles]);
  return NAVIGATION.filter((item) => item.roles.some((role) => held.has(role)));
}
