import type { components } from '../../api/schema';

export type Member = components['schemas']['MemberView'];
export const ROLES = ['org_admin', 'educator', 'manager', 'learner'] as const;
export const STATUSES = ['invited', 'active', 'deactivated'] as const;

/** A select's "none" value: Mantine selects hold strings, the api wants null. */
export const orNull = (value: string | null | undefined): string | null => (value ? value : null);
