import { checkMemberField, isCalendarDate } from './member-field.rules';

describe('member field rules', () => {
  it('accepts an email as class-validator does and names the field as the caller spells it', () => {
    expect(checkMemberField('email', 'nurse@hospital.org', 'email')).toBeNull();
    expect(checkMemberField('email', 'a@b', 'manager_email')).toBe('manager_email must be an email address');
    expect(checkMemberField('email', `${'x'.repeat(310)}@example.org`, 'email')).not.toBeNull();
  });

  it('limits texts: names and job titles to 200 characters, ids and licenses to 100', () => {
    expect(checkMemberField('name', 'x'.repeat(200), 'name')).toBeNull();
    expect(checkMemberField('jobTitle', 'x'.repeat(201), 'job_title')).toBe(
      'job_title is longer than 200 characters',
    );
    expect(checkMemberField('employeeId', 'x'.repeat(101), 'employeeId')).not.toBeNull();
    expect(checkMemberField('licenseType', 'x'.repeat(101), 'license.type')).not.toBeNull();
    expect(checkMemberField('licenseNumber', 'x'.repeat(100), 'license.number')).toBeNull();
  });

  it('takes a two-letter state, a real calendar date and en or es', () => {
    expect(checkMemberField('licenseState', 'TX', 'license.state')).toBeNull();
    expect(checkMemberField('licenseState', 'Tex', 'license.state')).not.toBeNull();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-6-30')).toBe(false);
    expect(checkMemberField('locale', 'es', 'locale')).toBeNull();
    expect(checkMemberField('locale', 'fr', 'locale')).toBe('locale must be one of: en, es');
  });
});
