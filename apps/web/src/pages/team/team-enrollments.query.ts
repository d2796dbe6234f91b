import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type TeamEnrollment = components['schemas']['TeamEnrollmentView'];
export type TeamStatus = 'not_started' | 'in_progress' | 'completed' | 'exempt';
export const TEAM_STATUSES: readonly TeamStatus[] = ['not_started', 'in_progress', 'completed', 'exempt'];

export interface TeamFilters {
  q: string;
  overdueOnly: boolean;
  status: TeamStatus | null;
}

const PAGE_SIZE = 50;

/** One page of the team list as the api orders it (overdue first), filtered by the api. */
export function fetchTeamEnrollments(filters: TeamFilters, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/team/enrollments', {
      params: {
        query: {
          limit: PAGE_SIZE,
          cursor,
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.overdueOnly ? { overdue: true } : {}),
          ...(filters.status ? { status: filters.status } : {}),
        },
      },
    }),
  );
}

export type TeamCounts = components['schemas']['ComplianceCountsView'];

/**
 * Counts over the whole chain, whatever the filters: the compliance summary's totals (the api counts, scoped to
 * the manager's reporting chain, or the organization for staff), not a count of the pages read here.
 */
export const teamSummaryQuery = queryOptions({
  queryKey: ['team', 'summary'],
  queryFn: async (): Promise<TeamCounts> =>
    (await unwrap(api.GET('/api/v1/compliance/summary', { params: { query: { groupBy: 'site' } } }))).totals,
});

/** Whole days since the due instant, at least 1 once overdue. */
export function daysOverdue(dueAt: string, now = Date.now()): number {
  return Math.max(1, Math.floor((now - new Date(dueAt).getTime()) / 86_400_000));
}
