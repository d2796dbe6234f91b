export type OrganizationRole = 'org_admin' | 'educator' | 'manager' | 'learner';
export type PlatformRole = 'platform_admin' | 'facilitator';

export const ORGANIZATION_ROLES: readonly OrganizationRole[] = [
  'org_admin',
  'educator',
  'manager',
  'learner',
];
export const PLATFORM_ROLES: readonly PlatformRole[] = ['platform_admin', 'facilitator'];

/** Who is acting, as established from a verified access token (or a job's payload). */
export interface Actor {
  readonly userId: string;
  /** The organization the token is bound to; null for platform staff acting on the platform. */
  readonly organizationId: string | null;
  readonly membershipId: string | null;
  readonly roles: readonly OrganizationRole[];
  readonly platformRoles: readonly PlatformRole[];
  /** The refresh-token family the access token was issued with. */
  readonly sessionId: string;
  /**
   * No active membership anywhere and no platform role: someone who left (or was deactivated everywhere). They may
   * still read who they are, their own certificates and change their password, and nothing else.
   */
  readonly restricted: boolean;
}
