import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type EnrollmentDetail = components['schemas']['MyEnrollmentDetailView'];
export type PlayerModule = components['schemas']['PlayerModuleView'];
export type CourseDetail = components['schemas']['CourseDetailView'];

/** GET /me/enrollments/:id: where the learner stands in each module, the assessment and the certificate. */
export const enrollmentQuery = (id: string) =>
  queryOptions({
    queryKey: ['me', 'enrollments', id],
    queryFn: () => unwrap(api.GET('/api/v1/me/enrollments/{id}', { params: { path: { id } } })),
  });

/** GET /courses/:id: the enrollment's course version with each module's Markdown body (it never changes). */
export const courseQuery = (id: string) =>
  queryOptions({
    queryKey: ['courses', id],
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
