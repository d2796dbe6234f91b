import { TREND_MAX_DAYS, trendRangeErrors } from './trend-range';

describe('trend range', () => {
  it('accepts a single day and exactly two years (731 days, a leap year included)', () => {
    expect(trendRangeErrors('2026-03-04', '2026-03-04')).toEqual([]);
    expect(trendRangeErrors('2024-01-01', '2026-01-01')).toEqual([]);
    expect(TREND_MAX_DAYS).toBe(731);
  });

  it('names `to` when it comes before `from` or lies more than 731 days after it', () => {
    expect(trendRangeErrors('2026-03-05', '2026-03-04')).toEqual([
      { field: 'to', message: 'to must not be before from' },
    ]);
    expect(trendRangeErrors('2024-01-01', '2026-01-02')).toEqual([
      { field: 'to', message: 'to must be at most 731 days after from' },
    ]);
  });
});
