import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import type { ComplianceSearch, Grouping } from './compliance-search';

export type ComplianceCounts = components['schemas']['ComplianceCountsView'];
export type ComplianceGroup = components['schemas']['ComplianceGroupView'];
export type CompliancePeriod = components['schemas']['CompliancePeriodView'];

type Filters = Pick<ComplianceSearch, 'siteId' | 'departmentId' | 'cohortId' | 'courseId'>;

const filterParams = ({ siteId, departmentId, cohortId, courseId }: Filters) => ({
  ...(siteId ? { siteId } : {}),
  ...(departmentId ? { departmentId } : {}),
  ...(cohortId ? { cohortId } : {}),
  ...(courseId ? { courseId } : {}),
});

/** Totals and groups in the view's scope (the api limits a manager to their reporting chain). */
export const summaryQuery = (search: ComplianceSearch, groupBy: Grouping) =>
  queryOptions({
    queryKey: ['compliance', 'summary', { ...search, groupBy }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/compliance/summary', {
          params: {
            query: {
              groupBy,
              ...filterParams(search),
              ...(search.from ? { from: search.from } : {}),
              ...(search.to ? { to: search.to } : {}),
            },
          },
        }),
      ),
  });

/** Weekly completions over the range; the due date filters do not apply to a trend (its range is its own). */
export const trendQuery = (search: ComplianceSearch, range: { from: string; to: string }) =>
  queryOptions({
    queryKey: ['compliance', 'trend', { ...filterParams(search), ...range }],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/compliance/trend', {
            params: { query: { ...filterParams(search), ...range, interval: 'week' } },
          }),
        )
      ).items,
  });

/** Cohorts for the filter, archived ones too (their enrollments still count); tens, not thousands. */
export const cohortChoicesQuery = queryOptions({
  queryKey: ['cohorts', 'choices'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/cohorts', { params: { query: { includeArchived: true, limit: 200 } } })))
      .items,
});
