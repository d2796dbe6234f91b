import type { Session } from '../session/session.store';

export interface NavigationItem {
  to: string;
  /** A key of the common namespace's `navigation` words. */
  label:
    | 'myTraining'
    | 'certificates'
    | 'preferences'
    | 'liveSessions'
    | 'organization'
    | 'sites'
    | 'people'
    | 'cohorts'
    | 'notifications'
    | 'audit'
    | 'team'
    | 'reports'
    | 'complianceDashboard'
    | 'requirementGaps'
    | 'platformOrganizations'
    | 'platformUsers'
    | 'platformCatalog'
    | 'platformQueues'
    | 'platformTrainingRequests'
    | 'scheduleSession';
  /** Shown to a person holding any of these roles in the bound organization (or platform roles). */
  roles: readonly string[];
  /** The heading it is listed under, when a person sees more than one. */
  section: NavigationSection;
  /** Current only on this very path: another entry lives under it. */
  exact?: boolean;
}

export type NavigationSection = 'learning' | 'administration' | 'team' | 'compliance' | 'platform';

const ORGANIZATION_ROLES = ['org_admin', 'educator', 'manager', 'learner'];

// Add a page's entry here when its route exists; the layout and the start page read this list only.
export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/learn', label: 'myTraining', roles: ORGANIZATION_ROLES, section: 'learning' },
  { to: '/certificates', label: 'certificates', roles: ORGANIZATION_ROLES, section: 'learning' },
  {
    to: '/sessions',
    label: 'liveSessions',
    roles: [...ORGANIZATION_ROLES, 'facilitator'],
    section: 'learning',
  },
  { to: '/preferences', label: 'preferences', roles: ORGANIZATION_ROLES, section: 'learning' },
  {
    to: '/admin/organization',
    label: 'organization',
    roles: ['org_admin', 'educator'],
    section: 'administration',
  },
  { to: '/admin/sites', label: 'sites', roles: ['org_admin', 'educator'], section: 'administration' },
  { to: '/admin/people', label: 'people', roles: ['org_admin', 'educator'], section: 'administration' },
  { to: '/admin/cohorts', label: 'cohorts', roles: ['org_admin', 'educator'], section: 'administration' },
  {
    to: '/admin/notifications',
    label: 'notifications',
    roles: ['org_admin', 'educator'],
    section: 'administration',
  },
  { to: '/admin/audit', label: 'audit', roles: ['org_admin'], section: 'administration' },
  {
    to: '/sessions/new',
    label: 'scheduleSession',
    roles: ['org_admin', 'educator'],
    section: 'administration',
  },
  { to: '/team', label: 'team', roles: ['manager', 'org_admin', 'educator'], section: 'team' },
  { to: '/reports', label: 'reports', roles: ['manager', 'org_admin', 'educator'], section: 'team' },
  {
    to: '/compliance',
    label: 'complianceDashboard',
    roles: ['manager', 'org_admin', 'educator'],
    section: 'compliance',
    exact: true,
  },
  {
    to: '/compliance/requirement-gaps',
    label: 'requirementGaps',
    roles: ['manager', 'org_admin', 'educator'],
    section: 'compliance',
  },
  {
    to: '/platform/organizations',
    label: 'platformOrganizations',
    roles: ['platform_admin'],
    section: 'platform',
  },
  { to: '/platform/users', label: 'platformUsers', roles: ['platform_admin'], section: 'platform' },
  { to: '/platform/catalog', label: 'platformCatalog', roles: ['platform_admin'], section: 'platform' },
  {
    to: '/platform/training-requests',
    label: 'platformTrainingRequests',
    roles: ['platform_admin'],
    section: 'platform',
  },
  { to: '/platform/queues', label: 'platformQueues', roles: ['platform_admin'], section: 'platform' },
];

export function navigationFor(session: Session): NavigationItem[] {
  const held = new Set([...session.roles, ...session.platformRoles]);
  return NAVIGATION.filter((item) => item.roles.some((role) => held.has(role)));
}

/**
 * Where signing in leads: the daily work of the person's main role. An educator assigns and follows cohorts, a
 * manager follows the team, everyone else takes their training; platform staff outside an organization run it.
 */
export function startPage(session: Session): string | null {
  const held = new Set([...session.roles, ...session.platformRoles]);
  const preferred =
    held.has('org_admin') || held.has('educator') ? '/admin/cohorts' : held.has('manager') ? '/team' : null;
  const items = navigationFor(session);
  return items.find((item) => item.to === preferred)?.to ?? items[0]?.to ?? null;
}

/** The items grouped by section, in the order of `NAVIGATION`. */
export function navigationSections(
  session: Session,
): Array<{ section: NavigationSection; items: NavigationItem[] }> {
  const sections: Array<{ section: NavigationSection; items: NavigationItem[] }> = [];
  for (const item of navigationFor(session)) {
    const last = sections.at(-1);
    if (last?.section === item.section) last.items.push(item);
    else sections.push({ section: item.section, items: [item] });
  }
  return sections;
}
