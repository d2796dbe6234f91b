import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type MyEnrollment = components['schemas']['MyEnrollmentView'];

/** GET /me/enrollments (first 200): the learner's list and the course player read the same cache entry. */
export const myEnrollmentsQuery = queryOptions({
  queryKey: ['me', 'enrollments'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/me/enrollments', { params: { query: { limit: 200 } } }))).items,
});

/** Overdue first, then the nearest due date, then the rest by title; finished work last. */
export function byUrgency(a: MyEnrollment, b: MyEnrollment): number {
  const finished = (e: MyEnrollment) => (['completed', 'exempt', 'withdrawn'].includes(e.status) ? 1 : 0);
  return (
    Number(b.overdue) - Number(a.overdue) ||
    finished(a) - finished(b) ||
    (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
    a.course.title.localeCompare(b.course.title)
  );
}
