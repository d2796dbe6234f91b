import {
  LICENSE_CATEGORIES,
  LICENSE_CATEGORY_ALIASES,
  licenseCategory,
  licenseTypeKey,
  ruleCodesOf,
} from './license-categories';
import { STATE_REQUIREMENTS } from './seed/state-requirements.seed';

describe('license categories', () => {
  it.each([
    ['RN', 'RN'],
    ['R.N.', 'RN'],
    ['rn', 'RN'],
    [' Registered Nurse ', 'RN'],
    ['REGISTERED NURSE', 'RN'],
    ['Registered Nurse (RN)', 'RN'],
    ['RN, BSN', 'RN'],
    ['RN-BC', 'RN'],
    ['BSN, RN', 'RN'],
    ['Registered Professional Nurse', 'RN'],
    ['LPN', 'LPN'],
    ['L.P.N.', 'LPN'],
    ['Licensed Practical Nurse', 'LPN'],
    ['LVN', 'LVN'],
    ['Licensed Vocational Nurse', 'LVN'],
    ['APRN', 'APRN'],
    ['APRN-CNP', 'APRN'],
    ['Nurse Practitioner', 'APRN'],
    ['NP', 'APRN'],
    ['ARNP', 'APRN'],
    ['CRNA', 'APRN'],
    ['Certified Nurse Midwife', 'APRN'],
    ['MD', 'MD'],
    ['M.D.', 'MD'],
    ['Physician', 'MD'],
    ['Doctor of Medicine', 'MD'],
    ['DO', 'DO'],
    ['D.O.', 'DO'],
    ['Doctor of Osteopathic Medicine', 'DO'],
    ['PA-C', 'PA'],
    ['Physician Assistant', 'PA'],
    ['Physician Associate', 'PA'],
    ['PharmD', 'RPH'],
    ['R.Ph.', 'RPH'],
    ['Pharmacist', 'RPH'],
    ['DDS', 'DDS'],
    ['D.M.D.', 'DDS'],
    ['Dental Hygienist', 'RDH'],
    ['RRT', 'RT'],
    ['Respiratory Therapist', 'RT'],
    ['Respiratory Care Practitioner', 'RT'],
    ['RT(R)', 'MRT'],
    ['RT(R)(CT)', 'MRT'],
    ['Radiologic Technologist', 'MRT'],
    ['Perfusionist', 'PERFUSIONIST'],
    ['L.Ac.', 'LAC'],
    ['Chiropractor', 'DC'],
    ['LMT', 'LMT'],
    ['Nursing Home Administrator', 'NHA'],
    ['OTR/L', 'OT'],
    ['Optometrist', 'OD'],
    ['DPT', 'PT'],
    ['Podiatrist', 'DPM'],
    ['RDN', 'RD'],
    ['Dietitian/Nutritionist', 'RD'],
    ['LCSW', 'SW'],
    ['Licensed Clinical Social Worker', 'SW'],
    ['EMT-B', 'EMT'],
    ['Paramedic', 'PARAMEDIC'],
    ['EMT-P', 'PARAMEDIC'],
    ['CNA', 'CNA'],
  ])('reads %j as %s', (text, category) => {
    expect(licenseCategory(text)).toBe(category);
  });

  it.each(['', '   ', 'Nurse', 'Janitor', 'R', '123', 'Médico', 'registered'])(
    'recognises no category in %j',
    (text) => {
      expect(licenseCategory(text)).toBeNull();
    },
  );

  it('recognises no category for a missing license type', () => {
    expect(licenseCategory(null)).toBeNull();
    expect(licenseCategory(undefined)).toBeNull();
  });

  it('gives every alias one category only, each already a key', () => {
    const all = LICENSE_CATEGORIES.flatMap((category) => LICENSE_CATEGORY_ALIASES[category]);
    expect(new Set(all).size).toBe(all.length);
    for (const alias of all) expect(licenseTypeKey(alias)).toBe(alias);
  });

  it('maps each code a rule names to itself, so a code typed as such is recognised', () => {
    const named = new Set(STATE_REQUIREMENTS.flatMap((rule) => rule.licenseTypes));
    for (const code of named) expect(licenseCategory(code)).toBe(code);
  });

  it('treats LPN and LVN as one license for matching rules', () => {
    expect(ruleCodesOf('LVN')).toEqual(['LPN', 'LVN']);
    expect(ruleCodesOf('LPN')).toEqual(['LPN', 'LVN']);
    expect(ruleCodesOf('RN')).toEqual(['RN']);
  });
});
