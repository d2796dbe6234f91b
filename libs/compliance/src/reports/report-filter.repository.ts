import { Injectable } from '@nestjs/common';
import { one } from '@beacon/core/database';
import type { ReportFilters } from './report-source';

/** Which of a report's filter ids name a row the current organization can see (courses: the shared catalog). */
@Injectable()
export class ReportFilterRepository {
  async unknown(filters: ReportFilters): Promise<Array<keyof ReportFilters>> {
    const found = await one<Record<keyof ReportFilters, boolean>>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM sites WHERE id = $1)) AS "siteId",
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM departments WHERE id = $2)) AS "departmentId",
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM cohorts WHERE id = $3)) AS "cohortId",
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM courses WHERE id = $4)) AS "courseId"`,
      [
        filters.siteId ?? null,
        filters.departmentId ?? null,
        filters.cohortId ?? null,
        filters.courseId ?? null,
      ],
    );
    if (!found) return [];
    return (Object.keys(found) as Array<keyof ReportFilters>).filter((field) => !found[field]);
  }
}
