import { describe, expect, it } from '@jest/globals';
import { complianceSearch, lastWeeks } from './compliance-search';

const ID = '0b6f3c1e-6a43-4f4e-9d55-2f0f5a1c9b10';

describe('complianceSearch', () => {
  it('keeps a grouping, ids and dates', () => {
    expect(
      complianceSearch({
        groupBy: 'department',
        siteId: ID,
        cohortId: ID,
        from: '2026-01-01',
        to: '2026-03-31',
      }),
    ).toEqual({ groupBy: 'department', siteId: ID, cohortId: ID, from: '2026-01-01', to: '2026-03-31' });
  });

  it('drops unknown groupings, malformed ids and dates, and other params', () => {
    expect(
      complianceSearch({ groupBy: 'team', siteId: 'north', courseId: 42, from: '01/02/2026', page: 2 }),
    ).toEqual({});
  });
});

describe('lastWeeks', () => {
  it('starts on the Monday eleven weeks before the current week and ends today', () => {
    // Friday 4 December 2026: its week starts on Monday 30 November.
    expect(lastWeeks(new Date(2026, 11, 4, 15, 30))).toEqual({ from: '2026-09-14', to: '2026-12-04' });
  });

  it('counts a Monday as the first day of its own week, and a Sunday as the last', () => {
    expect(lastWeeks(new Date(2026, 10, 30), 1)).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(lastWeeks(new Date(2026, 11, 6), 2)).toEqual({ from: '2026-11-23', to: '2026-12-06' });
  });
});
