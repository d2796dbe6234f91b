import { Injectable } from '@nestjs/common';
import { Problems } from '@beacon/core/http';
import { ReportFilterRepository } from './report-filter.repository';
import type { ReportFilters, ReportType } from './report-source';
import { ReportSources } from './report-sources';

const FILTER_NOUNS: Record<keyof ReportFilters, string> = {
  siteId: 'site',
  departmentId: 'department',
  cohortId: 'cohort',
  courseId: 'course',
};

/**
 * What a report is requested with, checked beyond its DTO: a type that has a source, and filter ids of this
 * organization. Ad-hoc requests and schedules ask the same, so they answer the same 400s. Runs in the caller's
 * transaction.
 */
@Injectable()
export class ReportRequestCheck {
  constructor(
    private readonly sources: ReportSources,
    private readonly filters: ReportFilterRepository,
  ) {}

  /** The filters given (keys left undefined dropped), once the type and every filter id check out. */
  async check(type: ReportType, given: ReportFilters | undefined): Promise<ReportFilters> {
    if (!this.sources.get(type)) throw Problems.invalidField('type', `${type} reports are not available yet`);
    const filters = definedFilters(given);
    const unknown = await this.filters.unknown(filters);
    if (unknown.length > 0)
      throw Problems.invalid(
        unknown.map((field) => ({
          field: `filters.${field}`,
          message: `filters.${field} does not name a ${FILTER_NOUNS[field]} of this organization`,
        })),
      );
    return filters;
  }
}

/** The filters given, without keys left undefined (stored as they are, and shown back). */
function definedFilters(filters: ReportFilters | undefined): ReportFilters {
  const defined: ReportFilters = {};
  for (const key of Object.keys(FILTER_NOUNS) as Array<keyof ReportFilters>) {
    const value = filters?.[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}
