import { loadConfig } from './app-config';
import { parseStateApprovals } from './state-approvals';

const base = { JWT_SECRET: 'x'.repeat(40) };

describe('PROVIDER_STATE_APPROVALS', () => {
  it('is empty by default: no state counts any course', () => {
    expect(loadConfig({ ...base }).stateApprovals).toEqual([]);
  });

  it('reads approvals, normalising state and license type codes to upper case', () => {
    const config = loadConfig({
      ...base,
      PROVIDER_STATE_APPROVALS: JSON.stringify([
        {
          state: 'tx',
          courseCode: ' HT-101 ',
          licenseTypes: ['rn', 'LVN', 'RN'],
          approvalId: 'HHSC-42',
          approvedOn: '2026-01-15',
        },
        { state: 'MI', courseCode: 'HT-101' },
      ]),
    });
    expect(config.stateApprovals).toEqual([
      {
        state: 'TX',
        courseCode: 'HT-101',
        licenseTypes: ['RN', 'LVN'],
        approvalId: 'HHSC-42',
        approvedOn: '2026-01-15',
      },
      { state: 'MI', courseCode: 'HT-101', licenseTypes: null, approvalId: null, approvedOn: null },
    ]);
  });

  it.each([
    ['not JSON', '[{'],
    ['an object', '{"state":"TX","courseCode":"HT-101"}'],
    ['a bad state', '[{"state":"Texas","courseCode":"HT-101"}]'],
    ['no course code', '[{"state":"TX"}]'],
    ['an empty course code', '[{"state":"TX","courseCode":" "}]'],
    ['license types not a list', '[{"state":"TX","courseCode":"HT-101","licenseTypes":"RN"}]'],
    ['an empty license type list', '[{"state":"TX","courseCode":"HT-101","licenseTypes":[]}]'],
    ['a license type with a dot', '[{"state":"TX","courseCode":"HT-101","licenseTypes":["R.N."]}]'],
    ['an impossible date', '[{"state":"TX","courseCode":"HT-101","approvedOn":"2026-02-30"}]'],
    ['an unknown key', '[{"state":"TX","courseCode":"HT-101","hours":2}]'],
    ['an entry that is not an object', '["TX"]'],
  ])('refuses %s, naming the variable', (_what, value) => {
    expect(() => loadConfig({ ...base, PROVIDER_STATE_APPROVALS: value })).toThrow(
      /PROVIDER_STATE_APPROVALS/,
    );
  });

  it('names the entry and what is wrong with it', () => {
    const { problems } = parseStateApprovals(
      'PROVIDER_STATE_APPROVALS',
      '[{"state":"TX","courseCode":"HT-101"},{"state":"FL","courseCode":"HT-101","approvedOn":"soon"}]',
    );
    expect(problems).toEqual(['PROVIDER_STATE_APPROVALS[1]: approvedOn must be a date (YYYY-MM-DD)']);
  });
});
