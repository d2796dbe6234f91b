import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigError, StateApproval } from '@beacon/core/config';
import { LICENSE_CATEGORIES, LicenseCategory, ruleCodesOf } from './license-categories';

/** An approval as the gaps query reads it (jsonb_to_recordset): snake case, LPN/LVN both named. */
export interface ApprovalRecord {
  state: string;
  course_code: string;
  license_types: string[] | null;
  approval_id: string | null;
  approved_on: string | null;
}

/**
 * The provider's state approvals (`PROVIDER_STATE_APPROVALS`), checked when the app boots: the config library
 * checks the shape, this checks each license type is a category the rules know, so a typo cannot silently count
 * for nobody.
 */
@Injectable()
export class StateApprovals {
  readonly all: readonly StateApproval[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const known = new Set<string>(LICENSE_CATEGORIES);
    const problems = config.stateApprovals.flatMap((approval, index) =>
      (approval.licenseTypes ?? [])
        .filter((code) => !known.has(code))
        .map(
          (code) =>
            `PROVIDER_STATE_APPROVALS[${index}]: license type ${code} is not one of ${LICENSE_CATEGORIES.join(', ')}`,
        ),
    );
    if (problems.length > 0) throw new ConfigError(problems);
    this.all = config.stateApprovals;
  }

  /** The JSON parameter of the gaps query. LPN and LVN are one license: an approval for either covers both. */
  asJson(): string {
    const records: ApprovalRecord[] = this.all.map((approval) => ({
      state: approval.state,
      course_code: approval.courseCode,
      license_types:
        approval.licenseTypes === null
          ? null
          : [...new Set(approval.licenseTypes.flatMap((code) => ruleCodesOf(code as LicenseCategory)))],
      approval_id: approval.approvalId,
      approved_on: approval.approvedOn,
    }));
    return JSON.stringify(records);
  }
}
