import type { Actor } from './actor';
import { chainReader, readsMembers } from './member-scope.sql';

const actor = (roles: Actor['roles'], membershipId: string | null = 'm-1'): Actor => ({
  userId: 'u-1',
  organizationId: 'o-1',
  membershipId,
  roles,
  platformRoles: [],
  sessionId: 's-1',
  restricted: false,
});

describe('chainReader', () => {
  it('bounds a manager who has no broader reading role to their own reporting chain', () => {
    expect(chainReader(actor(['manager']))).toBe('m-1');
    expect(chainReader(actor(['manager', 'learner']))).toBe('m-1');
  });

  it('leaves org_admins and educators (managers or not) the whole organization', () => {
    expect(chainReader(actor(['manager', 'educator']))).toBeNull();
    expect(chainReader(actor(['org_admin']))).toBeNull();
    expect(chainReader(actor(['educator']))).toBeNull();
  });

  it('fails closed: a manager without a membership reads an empty chain, not the organization', () => {
    expect(chainReader(actor(['manager'], null))).toBe('00000000-0000-0000-0000-000000000000');
    expect(chainReader(null)).toBeNull();
  });
});

describe('readsMembers', () => {
  it('is true for a manager, an educator or an org_admin, and false for a learner alone or no role', () => {
    expect(readsMembers(['manager'])).toBe(true);
    expect(readsMembers(['learner', 'educator'])).toBe(true);
    expect(readsMembers(['org_admin'])).toBe(true);
    expect(readsMembers(['learner'])).toBe(false);
    expect(readsMembers([])).toBe(false);
  });
});
