import { completionRate } from './completion-rate';

describe('completion rate', () => {
  it('is completed over enrolled less exempt, rounded to four places', () => {
    expect(completionRate(1, 3, 0)).toBe(0.3333);
    expect(completionRate(2, 11, 1)).toBe(0.2);
    expect(completionRate(0, 5, 0)).toBe(0);
    expect(completionRate(4, 4, 0)).toBe(1);
  });

  it('is null when nobody is left to complete (nothing enrolled, or everyone exempt)', () => {
    expect(completionRate(0, 0, 0)).toBeNull();
    expect(completionRate(0, 2, 2)).toBeNull();
  });
});
