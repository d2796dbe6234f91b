import { diff } from './audit-diff';

describe('audit diff', () => {
  it('records only the fields that changed, with their values before and after', () => {
    expect(
      diff({ name: 'ED', kind: 'emergency', roles: ['a'] }, { name: 'ER', kind: 'emergency', roles: ['a'] }),
    ).toEqual({
      name: { from: 'ED', to: 'ER' },
    });
  });

  it('treats a created entity as changed from null in every given field', () => {
    expect(diff(null, { name: 'Main', address: null }, ['name', 'address'])).toEqual({
      name: { from: null, to: 'Main' },
    });
  });
});
