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
// The summary reads the whole chain page by page; a manager's chain is far below this, an org_admin's may not be.
const SUMMARY_PAGE_SIZE = 200;
export const SUMMARY_MAX_ROWS = 5_000;

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

export interface TeamSummary {
  people: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
  completed: number;
  /** The chain had more enrollments than the summary reads. */
  partial: boolean;
  counted: number;
}

export function summarize(items: readonly TeamEnrollment[], partial: boolean): TeamSummary {
  return {
    people: new Set(items.map((item) => item.memberId)).size,
    overdue: items.filter((item) => item.overdue).length,
    inProgress: items.filter((item) => item.status === 'in_progress').length,
    notStarted: items.filter((item) => item.status === 'not_started').length,
    completed: items.filter((item) => item.status === 'completed').length,
    partial,
    counted: items.length,
  };
}

/** Counts over the whole chain, whatever the filters: what the page's summary shows. */
export const teamSummaryQuery = queryOptions({
  queryKey: ['team', 'summary'],
  queryFn: async () => {
    const items: TeamEnrollment[] = [];
    let cursor: string | null = null;
    do {
      const page: components['schemas']['TeamEnrollmentPage'] = await unwrap(
        api.GET('/api/v1/team/enrollments', {
          params: { query: { limit: SUMMARY_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && items.length < SUMMARY_MAX_ROWS);
    return summarize(items, cursor !== null);
  },
});

/** Whole days since the due instant, at least 1 once overdue. */
export function daysOverdue(dueAt: string, now = Date.now()): number {
  return Math.max(1, Math.floor((now - new Date(dueAt).getTime()) / 86_400_000));
}
