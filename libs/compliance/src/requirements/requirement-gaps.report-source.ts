import { Injectable } from '@nestjs/common';
import type { ReportColumn, ReportFilters, ReportScope, ReportSource } from '../reports/report-source';
import { requirementGapsSql } from './requirement-gap.repository';
import { StateApprovals } from './state-approvals.provider';

/** The export's columns, in file order; each is a key of the rows `query` answers. */
export const REQUIREMENT_GAP_COLUMNS: ReportColumn[] = [
  { key: 'member_name', header: 'Member' },
  { key: 'employee_id', header: 'Employee ID' },
  { key: 'site', header: 'Site' },
  { key: 'department', header: 'Department' },
  { key: 'license_type', header: 'License type' },
  { key: 'license_category', header: 'License category' },
  { key: 'license_state', header: 'License state' },
  { key: 'license_expires_on', header: 'License expires' },
  { key: 'rule_code', header: 'Rule' },
  { key: 'rule_hours', header: 'Hours required' },
  { key: 'rule_frequency', header: 'Frequency' },
  { key: 'unconfirmed', header: 'Unconfirmed rule' },
  { key: 'needs_review', header: 'Rule needs review' },
  { key: 'due_by', header: 'Due by' },
  { key: 'overdue', header: 'Overdue' },
  { key: 'status', header: 'Status' },
  { key: 'reason', header: 'Reason' },
  { key: 'certificate_number', header: 'Certificate' },
  { key: 'completed_on', header: 'Completed' },
  { key: 'credit_hours', header: 'Credit hours' },
  { key: 'approval_id', header: 'Approval' },
];

/**
 * The `requirement_gaps` export: every row of the gaps list (met and open, with the status column), in its order,
 * from the same SELECT the endpoint pages through. Cohort and course filters do not apply to state rules.
 */
@Injectable()
export class RequirementGapsReportSource implements ReportSource {
  readonly type = 'requirement_gaps' as const;
  readonly columns = REQUIREMENT_GAP_COLUMNS;

  constructor(private readonly approvals: StateApprovals) {}

  query(filters: ReportFilters, scope: ReportScope): { sql: string; params: unknown[] } {
    const gaps = requirementGapsSql({
      filter: { siteId: filters.siteId, departmentId: filters.departmentId, status: 'all' },
      chainOf: scope.chainOf,
      now: scope.now,
      approvalsJson: this.approvals.asJson(),
    });
    const yesNo = (expression: string) => `CASE WHEN ${expression} THEN 'yes' ELSE 'no' END`;
    return {
      sql: `SELECT gap.member_name, gap.employee_id, gap.site_name AS site, gap.department_name AS department,
                   gap.license_type, gap.license_category, gap.license_state, gap.license_expires_on, gap.rule_code,
                   gap.rule_hours::float8 AS rule_hours, gap.rule_frequency,
                   ${yesNo('gap.rule_unconfirmed')} AS unconfirmed, ${yesNo('gap.rule_needs_review')} AS needs_review,
                   gap.due_by, ${yesNo('gap.overdue')} AS overdue, gap.status, gap.reason, gap.certificate_number,
                   gap.completed_on, gap.credit_hours::float8 AS credit_hours, gap.approval_id
              FROM (${gaps.sql}) gap
             ORDER BY gap.sort_due::date, gap.member_id, gap.sort_rule COLLATE "C"`,
      params: gaps.params,
    };
  }
}
