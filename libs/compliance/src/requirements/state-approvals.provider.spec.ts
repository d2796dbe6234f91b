import { AppConfig, ConfigError, StateApproval } from '@beacon/core/config';
import { StateApprovals } from './state-approvals.provider';

function approvalsOf(stateApprovals: StateApproval[]): StateApprovals {
  return new StateApprovals({ stateApprovals } as unknown as AppConfig);
}

const TEXAS: StateApproval = {
  state: 'TX',
  courseCode: 'HT-101',
  licenseTypes: ['LVN', 'RN'],
  approvalId: 'HHSC-1',
  approvedOn: '2026-01-01',
};

describe('the provider state approvals', () => {
  it('refuses at boot a license type the rules do not know, naming the variable and the entry', () => {
    expect(() => approvalsOf([TEXAS, { ...TEXAS, licenseTypes: ['NURSE'] }])).toThrow(ConfigError);
    expect(() => approvalsOf([TEXAS, { ...TEXAS, licenseTypes: ['NURSE'] }])).toThrow(
      /PROVIDER_STATE_APPROVALS\[1\]: license type NURSE/,
    );
  });

  it('hands the query an approval for LVN as one for LPN too (one license, two names)', () => {
    expect(JSON.parse(approvalsOf([TEXAS]).asJson())).toEqual([
      {
        state: 'TX',
        course_code: 'HT-101',
        license_types: ['LPN', 'LVN', 'RN'],
        approval_id: 'HHSC-1',
        approved_on: '2026-01-01',
      },
    ]);
  });

  it('keeps an approval for every license type as such', () => {
    const [record] = JSON.parse(approvalsOf([{ ...TEXAS, licenseTypes: null }]).asJson());
    expect(record.license_types).toBeNull();
  });
});
