import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type Cohort = components['schemas']['CohortView'];
export type CohortTarget = components['schemas']['CohortTargetDto'];
export type Course = components['schemas']['CourseView'];

/** The catalog's current courses (tens at most), for pickers and for naming a cohort's course. */
export const coursesQuery = queryOptions({
  queryKey: ['courses'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 200 } } }))).items,
  staleTime: 5 * 60_000,
});

export const cohortQuery = (id: string) =>
  queryOptions({
    queryKey: ['cohorts', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } })),
  });

export const DEFAULT_REMINDERS = { beforeDueDays: [7, 1], overdueEveryDays: 7, escalateAfterDays: 14 };

/** "7, 1" ↔ [7, 1]: reminder offsets typed as a list of days. */
export function parseDays(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
}
