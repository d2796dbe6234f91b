import { LICENSE_TYPE_CODES } from '../state-requirement.types';
import { STATE_REQUIREMENTS } from './state-requirements.seed';

describe('the seeded state requirements', () => {
  it('have unique codes that start with their own state', () => {
    const codes = STATE_REQUIREMENTS.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of STATE_REQUIREMENTS) {
      expect(rule.state).toMatch(/^[A-Z]{2}$/);
      expect(rule.code.startsWith(`${rule.state.toLowerCase()}-`)).toBe(true);
    }
  });

  it('cite at least one https source each', () => {
    for (const rule of STATE_REQUIREMENTS) {
      expect([rule.code, rule.sources.some((source) => source.url?.startsWith('https://'))]).toEqual([
        rule.code,
        true,
      ]);
    }
  });

  it('say what is unconfirmed wherever a rule is flagged, and flag every rule of confidence L', () => {
    for (const rule of STATE_REQUIREMENTS) {
      if (rule.unconfirmed) expect([rule.code, rule.note?.length ?? 0]).not.toEqual([rule.code, 0]);
      if (rule.confidence === 'L') expect([rule.code, rule.unconfirmed]).toEqual([rule.code, true]);
    }
  });

  it('give a number of renewals exactly to every_n_renewals, and a frequency to every rule that binds someone', () => {
    for (const rule of STATE_REQUIREMENTS) {
      expect([rule.code, rule.everyNRenewals !== null]).toEqual([
        rule.code,
        rule.frequency === 'every_n_renewals',
      ]);
      expect([rule.code, rule.frequency === null]).toEqual([rule.code, rule.scope === 'none']);
    }
  });

  it('name only known license type codes, and some for every licensee rule', () => {
    for (const rule of STATE_REQUIREMENTS) {
      for (const type of rule.licenseTypes) expect(Object.keys(LICENSE_TYPE_CODES)).toContain(type);
      if (rule.scope === 'licensee')
        expect([rule.code, rule.licenseTypes.length > 0]).toEqual([rule.code, true]);
    }
  });
});
