import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type Site = components['schemas']['SiteView'];
export type Department = components['schemas']['DepartmentView'];

// Pickers and tables show every place; an organization has tens of them, not thousands.
const ALL = 200;

/** Sites (archived ones too when asked); invalidate ['sites'] after a change. */
export const sitesQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: ['sites', { includeArchived }],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/sites', { params: { query: { includeArchived, limit: ALL } } }))).items,
  });

/** Departments of every site (archived ones too when asked); invalidate ['departments'] after a change. */
export const departmentsQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: ['departments', { includeArchived }],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/departments', { params: { query: { includeArchived, limit: ALL } } })))
        .items,
  });
