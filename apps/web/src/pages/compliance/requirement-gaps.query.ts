import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type RequirementGap = components['schemas']['RequirementGapView'];
export type LicenseCategory = NonNullable<RequirementGap['license']['category']>;
export type GapStatusFilter = 'open' | 'met' | 'all';
export const GAP_STATUS_FILTERS: readonly GapStatusFilter[] = ['open', 'met', 'all'];

export interface GapFilters {
  siteId: string | null;
  departmentId: string | null;
  state: string | null;
  licenseType: LicenseCategory | null;
  status: GapStatusFilter;
}

const PAGE_SIZE = 50;

/** One page of gaps as the api orders them (soonest due first), filtered by the api. */
export function fetchRequirementGaps(filters: GapFilters, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/v1/compliance/requirement-gaps', {
      params: {
        query: {
          limit: PAGE_SIZE,
          cursor,
          status: filters.status,
          ...(filters.siteId ? { siteId: filters.siteId } : {}),
          ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
          ...(filters.state ? { state: filters.state } : {}),
          ...(filters.licenseType ? { licenseType: filters.licenseType } : {}),
        },
      },
    }),
  );
}

/**
 * The states with a rule for licensees and the license types those rules name: what the filters offer. Read from
 * the requirements list (reference data, some tens of rows).
 */
export const ruleChoicesQuery = queryOptions({
  queryKey: ['compliance', 'requirements', 'choices'],
  queryFn: async () => {
    const page = await unwrap(
      api.GET('/api/v1/compliance/requirements', { params: { query: { limit: 200 } } }),
    );
    const licensee = page.items.filter((rule) => rule.scope === 'licensee');
    return {
      states: [...new Set(licensee.map((rule) => rule.state))].sort(),
      // A rule names license category codes only (the api's list of them is the category enum).
      licenseTypes: [...new Set(licensee.flatMap((rule) => rule.licenseTypes))].sort() as LicenseCategory[],
    };
  },
  staleTime: Infinity,
});
