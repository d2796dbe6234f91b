import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, Page, toKeysetPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import type { RequirementGapQuery, RequirementGapView } from '../dto/requirement-gap.dto';
import { decodeGapCursor, encodeGapCursor } from './requirement-gap-cursor';
import { RequirementGapRepository, RequirementGapRow } from './requirement-gap.repository';
import { StateApprovals } from './state-approvals.provider';

/**
 * Who owes state-mandated HT training, by when, and why it is still open: a manager's reporting chain, or the
 * whole organization for org_admins and educators. Soonest due first (license expiry), then member, then rule.
 */
@Injectable()
export class RequirementGapsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly gaps: RequirementGapRepository,
    private readonly approvals: StateApprovals,
    private readonly clock: Clock,
  ) {}

  list(query: RequirementGapQuery): Promise<Page<RequirementGapView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeGapCursor(query.cursor);
    return this.tx.run(async () => {
      const rows = await this.gaps.list({
        filter: {
          siteId: query.siteId,
          departmentId: query.departmentId,
          state: query.state,
          licenseType: query.licenseType,
          status: query.status ?? 'open',
        },
        chainOf: chainReader(ExecutionContext.optionalActor()),
        now: this.clock.now(),
        approvalsJson: this.approvals.asJson(),
        after,
        limit: limit + 1,
      });
      return toKeysetPage(
        rows,
        limit,
        (row) => encodeGapCursor({ due: row.sort_due, memberId: row.member_id, ruleCode: row.sort_rule }),
        toView,
      );
    });
  }
}

function toView(row: RequirementGapRow): RequirementGapView {
  return {
    member: { id: row.member_id, name: row.member_name, employeeId: row.employee_id },
    site: row.site_id ? { id: row.site_id, name: row.site_name as string } : null,
    department: row.department_id ? { id: row.department_id, name: row.department_name as string } : null,
    license: {
      type: row.license_type,
      category: row.license_category,
      state: row.license_state,
      expiresOn: row.license_expires_on,
    },
    rule:
      row.rule_id === null
        ? null
        : {
            id: row.rule_id,
            code: row.rule_code as string,
            state: row.license_state,
            hours: row.rule_hours === null ? null : Number(row.rule_hours),
            frequency: row.rule_frequency as string,
            everyNRenewals: row.rule_every_n_renewals,
            frequencyNote: row.rule_frequency_note,
            approvalMode: row.rule_approval_mode as string,
            confidence: row.rule_confidence as string,
            unconfirmed: row.rule_unconfirmed === true,
            needsReview: row.rule_needs_review === true,
            note: row.rule_note,
          },
    unconfirmed: row.rule_unconfirmed === true,
    dueBy: row.due_by,
    overdue: row.overdue,
    periodStart: row.period_start,
    status: row.status,
    reasonCode: row.reason_code,
    reason: row.reason,
    satisfiedBy:
      row.certificate_id === null
        ? null
        : {
            id: row.certificate_id,
            number: row.certificate_number as string,
            courseCode: row.course_code as string,
            completedOn: row.completed_on as string,
            creditHours: Number(row.credit_hours),
            approvalId: row.approval_id,
          },
  };
}
