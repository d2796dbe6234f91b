import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { Page, Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { completionRate } from '@beacon/enrollment';
import type {
  ComplianceCountsView,
  ComplianceFilterQuery,
  ComplianceGroupView,
  CompliancePeriodView,
  ComplianceSummaryQuery,
  ComplianceSummaryView,
  ComplianceTrendQuery,
} from '../dto/compliance-summary.dto';
import {
  ComplianceFilter,
  ComplianceSummaryRepository,
  GroupCountsRow,
} from './compliance-summary.repository';
import { trendRangeErrors } from './trend-range';

const FILTER_NOUNS: Record<keyof ComplianceFilter, string> = {
  siteId: 'a site',
  departmentId: 'a department',
  cohortId: 'a cohort',
  courseId: 'a course',
};

/**
 * The compliance dashboard's numbers (`/compliance/summary`, `/compliance/trend`). org_admin and educators read the
 * organization; a manager reads their reporting chain, direct and indirect (as the team view and cohort stats).
 */
@Injectable()
export class ComplianceSummaryService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly summaries: ComplianceSummaryRepository,
  ) {}

  summary(query: ComplianceSummaryQuery): Promise<ComplianceSummaryView> {
    const grouping = query.groupBy ?? 'site';
    const range = { from: query.from, to: query.to };
    if (range.from !== undefined && range.to !== undefined && range.from > range.to)
      throw Problems.invalidField('to', 'to must not be before from');
    return this.tx.run(async () => {
      const filter = await this.checkedFilter(query);
      const now = this.clock.now();
      const manager = chainReader(ExecutionContext.optionalActor());
      const groups = (await this.summaries.groups(grouping, filter, range, now, manager)).map(toGroup);
      return { totals: totalsOf(groups), groups };
    });
  }

  trend(query: ComplianceTrendQuery): Promise<Page<CompliancePeriodView>> {
    const errors = trendRangeErrors(query.from, query.to);
    if (errors.length > 0) throw Problems.invalid(errors);
    return this.tx.run(async () => {
      const filter = await this.checkedFilter(query);
      const manager = chainReader(ExecutionContext.optionalActor());
      const periods = await this.summaries.weeklyTrend(query.from, query.to, filter, manager);
      return {
        items: periods.map((period) => ({
          periodStart: period.period_start,
          completed: period.completed,
          dueByPeriodEnd: period.due_by_end,
          completedByPeriodEnd: period.completed_by_end,
          completionRate: completionRate(period.completed_by_end, period.due_by_end, 0),
        })),
        nextCursor: null,
      };
    });
  }

  /** The filter, once every id in it is known to this organization (else a 400 naming each field). */
  private async checkedFilter(query: ComplianceFilterQuery): Promise<ComplianceFilter> {
    const filter: ComplianceFilter = {
      siteId: query.siteId,
      departmentId: query.departmentId,
      cohortId: query.cohortId,
      courseId: query.courseId,
    };
    const unknown = await this.summaries.unknownFilters(filter);
    if (unknown.length > 0)
      throw Problems.invalid(
        unknown.map((field) => ({
          field,
          message: `${field} does not name ${FILTER_NOUNS[field]} of this organization`,
        })),
      );
    return filter;
  }
}

function toGroup(row: GroupCountsRow): ComplianceGroupView {
  return { id: row.group_id, name: row.group_name, ...counts(row) };
}

function counts(row: Omit<GroupCountsRow, 'group_id' | 'group_name'>): ComplianceCountsView {
  return {
    enrolled: row.enrolled,
    completed: row.completed,
    inProgress: row.in_progress,
    notStarted: row.not_started,
    overdue: row.overdue,
    exempt: row.exempt,
    completionRate: completionRate(row.completed, row.enrolled, row.exempt),
  };
}

/** Every enrollment is in exactly one group, so the totals are the groups' sums. */
function totalsOf(groups: ComplianceGroupView[]): ComplianceCountsView {
  const sum = (pick: (group: ComplianceGroupView) => number) =>
    groups.reduce((total, group) => total + pick(group), 0);
  return counts({
    enrolled: sum((g) => g.enrolled),
    not_started: sum((g) => g.notStarted),
    in_progress: sum((g) => g.inProgress),
    completed: sum((g) => g.completed),
    overdue: sum((g) => g.overdue),
    exempt: sum((g) => g.exempt),
  });
}
